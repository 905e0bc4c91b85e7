#include "detail/cell_format.h"

#include <cctype>
#include <string>

namespace galley::load {

void read_cell_format(Reader& r_, const Node& v, model::CellFormat& f, std::string_view owner) {
  const std::string what = std::string(owner) + "'s 'format'";
  using Kind = model::CellFormat::Kind;
  const Node type = v.IsMap() ? r_.get(v, "type") : v;
  if (v.IsMap()) {
    r_.map(v, what, {"type", "decimals", "grouping", "style"});
    if (!type) r_.error(v, "missing required key 'type' in " + what);
  }
  if (type) {
    if (auto t = r_.choice(type, "format type", {"text", "number", "integer", "percent", "date"})) {
      f.kind = *t == "text" ? Kind::Text : *t == "percent" ? Kind::Percent : *t == "date" ? Kind::Date : Kind::Number;
      if (*t == "integer") f.decimals = 0;
    }
  }
  if (!v.IsMap()) return;
  if (const auto d = r_.get(v, "decimals"))
    if (auto i = r_.integer(d, "format 'decimals'", 0, 10)) f.decimals = *i;
  if (const auto g = r_.get(v, "grouping"))
    if (auto b = r_.boolean(g, "format 'grouping'")) f.grouping = *b;
  if (const auto s = r_.get(v, "style")) {
    if (auto st = r_.string(s, "format 'style'")) {
      // An ICU date skeleton is letters only (yMMMd); the named styles are too.
      bool letters = !st->empty() && st->size() <= 20;
      for (char ch : *st) letters = letters && std::isalpha(static_cast<unsigned char>(ch));
      if (!letters) r_.error(s, "format 'style' is iso, short, medium, long, full or a date skeleton such as yMMM");
      else f.date = *st;
    }
  }
}

}  // namespace galley::load
