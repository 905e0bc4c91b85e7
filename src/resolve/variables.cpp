// make_variables() and substitute(): the {{name}} values and their use.
#include "detail/expand.h"
#include "resolve/resolve.h"

namespace galley::resolve {

namespace {

std::string join(const std::vector<model::Text>& parts, const char* sep) {
  std::string out;
  for (const model::Text& t : parts) {
    if (!out.empty()) out += sep;
    out += t.value;
  }
  return out;
}

}  // namespace

Variables make_variables(const model::Document& doc,
                         const std::vector<std::pair<std::string, std::string>>& overrides) {
  Variables raw;
  const model::Meta& m = doc.meta;
  raw["meta.title"] = m.title.value;
  raw["meta.subtitle"] = m.subtitle.value;
  raw["meta.author"] = m.author.value;
  raw["meta.subject"] = m.subject.value;
  raw["meta.date"] = m.date;
  raw["meta.language"] = m.language;
  raw["meta.keywords"] = join(m.keywords, ", ");
  for (const auto& [name, text] : doc.variables) {
    raw["variables." + name] = text.value;
    raw[name] = text.value;
  }
  for (const auto& [name, value] : overrides) {
    const std::string prefix = "variables.";
    const bool qualified = name.compare(0, prefix.size(), prefix) == 0 && name.size() > prefix.size();
    if (qualified || name.find('.') == std::string::npos) {
      const std::string plain = qualified ? name.substr(prefix.size()) : name;
      raw[plain] = value;
      raw[prefix + plain] = value;
    } else {
      raw[name] = value;
    }
  }

  // Values may refer to each other ("{{meta.title}}" in a subtitle). Expand
  // what expands cleanly; a value that does not (a cycle, an undefined name)
  // stays as written, and resolve() reports it where it is defined.
  Variables vars;
  // One budget for all: a thousand variables each naming a 1 MiB one would
  // otherwise hold a gigabyte here. Past it, values stay as written and are
  // expanded (within the document's budget) where they are used.
  Expansion expansion;
  for (const auto& [name, value] : raw) {
    Diagnostics scratch;
    ExpandOptions opts;
    opts.keep_escapes = true;
    opts.self = name;
    opts.document = &expansion;
    std::string expanded = expand(value, raw, {}, scratch, opts);
    vars[name] = scratch.has_errors() ? value : std::move(expanded);
  }
  return vars;
}

std::string substitute(const std::string& text, const SourceLoc& loc, const Variables& vars,
                       Diagnostics& diags) {
  return expand(text, vars, loc, diags);
}

}  // namespace galley::resolve
