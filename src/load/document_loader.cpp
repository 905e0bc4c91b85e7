// load_document: the content descriptor → model::Document.
#include <filesystem>
#include <set>

#include "load/chart_loader.h"
#include "load/load.h"
#include "load/reader.h"
#include "load/style_keys.h"
#include "load/yaml_source.h"

namespace galley::load {
namespace {

using model::Block;
using model::BlockKind;

constexpr std::string_view kBlockKinds[] = {"title", "heading", "paragraph", "list", "image", "table",
                                           "quote", "callout", "qr", "chart", "toc", "break"};
constexpr BlockKind kKindValues[] = {BlockKind::Title, BlockKind::Heading, BlockKind::Paragraph,
                                     BlockKind::List,  BlockKind::Image,   BlockKind::Table,
                                     BlockKind::Quote, BlockKind::Callout, BlockKind::Qr,
                                     BlockKind::Chart, BlockKind::Toc,     BlockKind::Break};

// A language tag as BCP 47 writes it: letters, digits and hyphens.
bool plausible_language(const std::string& s) {
  if (s.empty() || s.size() > 35 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

bool valid_name(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

class DocumentLoader {
 public:
  DocumentLoader(const std::string& path, Diagnostics& diags, std::shared_ptr<const SourceText> text,
                 const std::string& root)
      : r_(path, diags, std::move(text), root) {
    r_.set_foreign_keys(kStyleKeys, "a style in the layout");
  }

  std::optional<model::Document> load(const YAML::Node& root) {
    model::Document doc;
    doc.path = r_.path();
    r_.map(root, "the content descriptor", {"galley", "layout", "meta", "variables", "flows"});
    check_version(root);
    if (const auto n = root["layout"]) {
      doc.layout_loc = r_.loc(n);
      if (r_.existing_file(n, "layout")) doc.layout_path = r_.relative_path(n.Scalar());
    }
    if (const auto n = root["meta"]) load_meta(n, doc.meta);
    if (const auto n = root["variables"]) load_variables(n, doc.variables);
    if (const auto n = root["flows"]) {
      load_flows(n, doc.flows);
    } else {
      r_.diags().error({r_.path(), 0, 0}, "missing required key 'flows' (the named stories of the content)");
    }
    if (r_.diags().has_errors()) return std::nullopt;
    return doc;
  }

 private:
  void check_version(const YAML::Node& root) {
    const auto n = root["galley"];
    if (!n) {
      r_.diags().error({r_.path(), 0, 0}, "missing required key 'galley' (the format version: galley: 1)");
      return;
    }
    if (auto v = r_.string(n, "'galley'"); v && *v != "1")
      r_.error(n, "unsupported format version '" + v->substr(0, 20) + "' (this galley reads version 1)");
  }

  void load_meta(const YAML::Node& n, model::Meta& meta) {
    meta.loc = r_.loc(n);
    if (!r_.map(n, "meta", {"title", "subtitle", "author", "subject", "keywords", "language", "date"})) return;
    if (const auto v = n["title"]) meta.title = r_.text(v, "'title'");
    if (const auto v = n["subtitle"]) meta.subtitle = r_.text(v, "'subtitle'");
    if (const auto v = n["author"]) meta.author = r_.text(v, "'author'");
    if (const auto v = n["subject"]) meta.subject = r_.text(v, "'subject'");
    if (const auto v = n["keywords"]) {
      if (r_.sequence(v, "'keywords'"))
        for (const auto& k : v) meta.keywords.push_back(r_.text(k, "a keyword"));
    }
    if (const auto v = n["language"]) {
      if (auto s = r_.string(v, "'language'")) {
        if (plausible_language(*s)) meta.language = *s;
        else r_.error(v, "'language' must be a language tag such as en-US");
      }
    }
    if (const auto v = n["date"]) {
      if (auto s = r_.string(v, "'date'")) {
        if (valid_date(*s)) meta.date = *s;
        else r_.error(v, "'date' must be a calendar date written YYYY-MM-DD");
      }
    }
  }

  void load_variables(const YAML::Node& n, std::map<std::string, model::Text>& vars) {
    if (!r_.named_map(n, "variables") || !n.IsMap()) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string name = it->first.Scalar();
      if (!valid_name(name)) {
        r_.error(it->first, "variable names use letters, digits, '_', '-' and '.'");
        continue;
      }
      if (name == "page" || name == "pages" || name.starts_with("meta.") || name.starts_with("variables.")) {
        r_.error(it->first, "'" + name + "' is reserved: galley sets it itself");
        continue;
      }
      if (it->second.IsNull()) {
        vars[name] = model::Text{"", r_.loc(it->second)};
        continue;
      }
      model::Text t = r_.text(it->second, "variable '" + name + "'");
      vars[name] = t;
    }
  }

  void load_flows(const YAML::Node& n, std::vector<model::Flow>& flows) {
    if (!r_.named_map(n, "flows") || !n.IsMap()) return;
    if (n.size() == 0) r_.error(n, "'flows' is empty: give at least one flow of blocks");
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::Flow flow;
      flow.name = it->first.Scalar();
      flow.loc = r_.loc(it->first);
      if (!valid_name(flow.name)) r_.error(it->first, "flow names use letters, digits, '_', '-' and '.'");
      const YAML::Node blocks = it->second;
      if (r_.sequence(blocks, "flow '" + flow.name + "'"))
        for (const auto& b : blocks)
          if (auto block = load_block(b)) flow.blocks.push_back(std::move(*block));
      flows.push_back(std::move(flow));
    }
  }

  // A block is a one-key map naming its kind, plus the common keys and the
  // kind's sibling keys.
  std::optional<Block> load_block(const YAML::Node& n) {
    if (!n.IsMap()) {
      r_.error(n, std::string("expected a block such as {paragraph: ...}, found ") + describe(n));
      return std::nullopt;
    }
    int kind_index = -1;
    for (int i = 0; i < static_cast<int>(std::size(kBlockKinds)); ++i) {
      if (!r_.get(n, kBlockKinds[i])) continue;
      if (kind_index >= 0) {
        r_.error(n, "a block has one kind, found both '" + std::string(kBlockKinds[kind_index]) + "' and '" +
                        std::string(kBlockKinds[i]) + "'");
        return std::nullopt;
      }
      kind_index = i;
    }
    std::vector<std::string_view> allowed{"style", "id", "keep-with-next"};
    if (kind_index < 0) {
      allowed.insert(allowed.end(), std::begin(kBlockKinds), std::end(kBlockKinds));
      // A misspelt kind is reported once, as an unknown key with its fix.
      int before = r_.diags().error_count();
      r_.map(n, "a block", allowed);
      if (r_.diags().error_count() == before)
        r_.error(n, "a block needs a kind: title, heading, paragraph, list, image, table, quote, callout, qr, chart, "
                    "toc or break");
      return std::nullopt;
    }
    Block b;
    b.kind = kKindValues[kind_index];
    b.loc = r_.loc(n);
    std::string kind(kBlockKinds[kind_index]);
    allowed.push_back(kBlockKinds[kind_index]);
    if (b.kind == BlockKind::Heading) {
      allowed.push_back("level");
      allowed.push_back("in-toc");
    }
    if (b.kind == BlockKind::List) allowed.push_back("ordered");
    r_.map(n, "a " + kind + " block", allowed);
    if (const auto v = r_.get(n, "style")) {
      b.style_loc = r_.loc(v);
      if (auto s = r_.string(v, "'style'")) b.style = *s;
    }
    if (const auto v = r_.get(n, "id")) {
      if (auto s = r_.string(v, "'id'")) {
        if (!valid_name(*s)) r_.error(v, "'id' uses letters, digits, '_', '-' and '.'");
        else if (!ids_.insert(*s).second) r_.error(v, "duplicate id '" + *s + "'");
        else b.id = *s;
      }
    }
    if (const auto v = r_.get(n, "keep-with-next")) b.keep_with_next = r_.boolean(v, "'keep-with-next'");
    if (const auto v = r_.get(n, "in-toc")) b.in_toc = r_.boolean(v, "'in-toc'");
    const YAML::Node body = r_.get(n, kind);
    bool text_kind = b.kind == BlockKind::Title || b.kind == BlockKind::Heading || b.kind == BlockKind::Paragraph;
    if (body.IsNull() && !text_kind && b.kind != BlockKind::Toc) {
      r_.error(n, "'" + kind + "' needs a value");
      return b;
    }
    switch (b.kind) {
      case BlockKind::Title:
      case BlockKind::Paragraph:
        b.text = required_text(body, kind, n);
        break;
      case BlockKind::Heading:
        b.text = required_text(body, kind, n);
        if (const auto v = r_.get(n, "level"))
          if (auto l = r_.integer(v, "heading 'level'", 1, 4)) b.level = *l;
        break;
      case BlockKind::List: load_list(n, body, b); break;
      case BlockKind::Image: load_image(body, b); break;
      case BlockKind::Table: load_table(body, b); break;
      case BlockKind::Quote: load_quote(body, b); break;
      case BlockKind::Callout: load_callout(body, b); break;
      case BlockKind::Qr: load_qr(body, b); break;
      case BlockKind::Chart: b.chart = load_chart(r_, body); break;
      case BlockKind::Toc:
        if (!body.IsNull()) r_.map(body, "toc", {});
        break;
      case BlockKind::Break:
        if (auto c = r_.choice(body, "break", {"page", "column", "frame"}))
          b.break_kind = *c == "page" ? model::BreakKind::Page
                         : *c == "column" ? model::BreakKind::Column
                                          : model::BreakKind::Frame;
        break;
    }
    return b;
  }

  // An empty value's mark points past it, so it is reported at `owner`.
  model::Text required_text(const YAML::Node& n, const std::string& what, const YAML::Node& owner) {
    model::Text t = r_.text(n, "'" + what + "'");
    if (n.IsNull()) {
      if (!r_.error_if_lost_to_comment(n, "'" + what + "' needs text")) r_.error(owner, "'" + what + "' needs text");
      t.loc = r_.loc(owner);
    }
    return t;
  }

  void load_list(const YAML::Node& block, const YAML::Node& body, Block& b) {
    if (const auto v = r_.get(block, "ordered"))
      if (auto o = r_.boolean(v, "'ordered'")) b.ordered = *o;
    if (body.IsMap()) {
      r_.map(body, "list", {"items", "ordered"});
      if (const auto v = r_.get(body, "ordered"))
        if (auto o = r_.boolean(v, "'ordered'")) b.ordered = *o;
      if (const auto v = r_.get(body, "items")) list_items(v, b.items);
      else r_.error(body, "missing required key 'items' in list");
      return;
    }
    list_items(body, b.items);
  }

  // Items are texts; a nested list (a list, or {items, ordered}) belongs to
  // the item before it.
  void list_items(const YAML::Node& n, std::vector<model::ListItem>& items) {
    if (!r_.sequence(n, "list items")) return;
    if (n.size() == 0) r_.error(n, "a list needs at least one item");
    for (const auto& item : n) {
      if (item.IsScalar()) {
        items.push_back({r_.text(item, "a list item"), {}, false});
        continue;
      }
      std::vector<model::ListItem> children;
      bool ordered = false;
      model::Text text;
      if (item.IsSequence()) {
        list_items(item, children);
      } else if (item.IsMap()) {
        r_.map(item, "a nested list", {"text", "items", "ordered"});
        if (const auto v = r_.get(item, "ordered"))
          if (auto o = r_.boolean(v, "'ordered'")) ordered = *o;
        if (const auto v = r_.get(item, "text")) text = r_.text(v, "list item 'text'");
        if (const auto v = r_.get(item, "items")) list_items(v, children);
        else if (!r_.get(item, "text")) r_.error(item, "a nested list needs 'items'");
      } else {
        r_.error(item, "a list item cannot be empty");
        continue;
      }
      if (item.IsMap() && r_.get(item, "text")) {
        items.push_back({text, std::move(children), ordered});
      } else if (!items.empty()) {
        auto& parent = items.back();
        if (parent.children.empty()) parent.children_ordered = ordered;
        for (auto& c : children) parent.children.push_back(std::move(c));
      } else {
        items.push_back({model::Text{"", r_.loc(item)}, std::move(children), ordered});
      }
    }
  }

  void load_image(const YAML::Node& n, Block& b) {
    if (n.IsScalar()) {
      if (auto p = r_.existing_file(n, "image")) b.src = *p;
      return;
    }
    if (!r_.map(n, "image", {"src", "caption", "alt", "decorative", "width", "fit"})) return;
    if (const auto v = r_.get(n, "src")) {
      if (auto p = r_.existing_file(v, "image 'src'")) b.src = *p;
    } else {
      r_.error(n, "missing required key 'src' in image");
    }
    if (const auto v = r_.get(n, "caption")) b.caption = r_.text(v, "'caption'");
    if (const auto v = r_.get(n, "alt"))
      if (auto s = r_.string(v, "'alt'")) b.alt = *s;
    if (const auto v = r_.get(n, "decorative"))
      if (auto d = r_.boolean(v, "'decorative'")) b.decorative = *d;
    if (const auto v = r_.get(n, "width")) b.width = r_.length(v, "image 'width'", LengthRule::PositiveOrPercent);
    if (const auto v = r_.get(n, "fit"))
      if (auto c = r_.choice(v, "fit", {"contain", "cover", "fill"}))
        b.fit = *c == "contain" ? model::Fit::Contain : *c == "cover" ? model::Fit::Cover : model::Fit::Fill;
  }

  std::vector<model::Text> cells(const YAML::Node& n, std::string_view what) {
    std::vector<model::Text> out;
    if (!r_.sequence(n, what)) return out;
    for (const auto& c : n) out.push_back(r_.text(c, "a table cell"));
    return out;
  }

  void load_table(const YAML::Node& n, Block& b) {
    if (!n.IsMap()) {
      r_.error(n, std::string("expected {columns: [...], rows: [[...]]} for table, found ") + describe(n));
      return;
    }
    r_.map(n, "table", {"columns", "rows", "header-repeat", "row-headers", "widths"});
    if (const auto v = r_.get(n, "columns")) b.columns = cells(v, "table 'columns'");
    if (const auto v = r_.get(n, "header-repeat"))
      if (auto h = r_.boolean(v, "'header-repeat'")) b.header_repeat = *h;
    if (const auto v = r_.get(n, "row-headers"))
      if (auto h = r_.boolean(v, "'row-headers'")) b.row_headers = *h;
    size_t width = b.columns.size();
    if (const auto v = r_.get(n, "rows")) {
      if (r_.sequence(v, "table 'rows'")) {
        for (const auto& row : v) {
          auto cs = cells(row, "a table row");
          if (width == 0) width = cs.size();
          if (row.IsSequence() && cs.size() != width)
            r_.error(row, "this row has " + std::to_string(cs.size()) + " cells; the table has " +
                              std::to_string(width) + " columns");
          b.rows.push_back(std::move(cs));
        }
      }
    } else {
      r_.error(n, "missing required key 'rows' in table");
    }
    if (const auto v = r_.get(n, "widths")) {
      if (r_.sequence(v, "table 'widths'")) {
        for (const auto& w : v)
          if (auto l = r_.length(w, "a column width", LengthRule::PositiveOrPercent)) b.column_widths.push_back(*l);
        if (width > 0 && v.size() != width)
          r_.error(v, "'widths' gives " + std::to_string(v.size()) + " widths for " + std::to_string(width) +
                          " columns");
      }
    }
  }

  void load_quote(const YAML::Node& n, Block& b) {
    if (!n.IsMap()) {
      b.text = required_text(n, "quote", n);
      return;
    }
    r_.map(n, "quote", {"text", "by"});
    if (const auto v = r_.get(n, "text")) b.text = required_text(v, "quote 'text'", n);
    else r_.error(n, "missing required key 'text' in quote");
    if (const auto v = r_.get(n, "by")) b.by = r_.text(v, "quote 'by'");
  }

  void load_callout(const YAML::Node& n, Block& b) {
    if (!n.IsMap()) {
      b.text = required_text(n, "callout", n);
      return;
    }
    r_.map(n, "callout", {"text", "style"});
    if (const auto v = r_.get(n, "text")) b.text = required_text(v, "callout 'text'", n);
    else r_.error(n, "missing required key 'text' in callout");
    if (const auto v = r_.get(n, "style")) {
      if (!b.style.empty()) r_.error(v, "the callout's style is given twice");
      b.style_loc = r_.loc(v);
      if (auto s = r_.string(v, "'style'")) b.style = *s;
    }
  }

  void load_qr(const YAML::Node& n, Block& b) {
    if (n.IsMap()) {
      r_.map(n, "qr", {"data", "size", "caption"});
      if (const auto v = r_.get(n, "size")) b.size = r_.length(v, "qr 'size'", LengthRule::Positive);
      if (const auto v = r_.get(n, "caption")) b.caption = r_.text(v, "'caption'");
      if (!r_.get(n, "data")) {
        r_.error(n, "missing required key 'data' in qr");
        return;
      }
    }
    const YAML::Node value = n.IsMap() ? r_.get(n, "data") : n;
    if (auto s = r_.string(value, "qr 'data'")) {
      // Version 40 at the lowest error correction holds 2953 bytes.
      if (s->empty()) r_.error(value, "qr 'data' is empty");
      else if (s->size() > 2953) r_.error(value, "qr 'data' is too long for a QR code (over 2953 bytes)");
      else b.data = *s;
    }
  }

  Reader r_;
  std::set<std::string> ids_;
};

}  // namespace

std::optional<model::Document> load_document(const std::string& path, Diagnostics& diags, const Options& opts) {
  if (!check_inside_root(path, opts.root, "content file", diags)) return std::nullopt;
  auto parsed = read_yaml(path, "content", diags);
  if (!parsed) return std::nullopt;
  Diagnostics local;
  DocumentLoader loader(path, local, parsed->text, opts.root);
  auto doc = loader.load(parsed->root);
  append_in_file_order(local, diags);
  return doc;
}

}  // namespace galley::load
