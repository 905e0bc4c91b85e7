// load_document: the content descriptor → model::Document.
#include <filesystem>
#include <fstream>
#include <set>

#include "detail/colors.h"
#include "detail/cell_format.h"
#include "detail/chart_loader.h"
#include "load/data_rows.h"
#include "load/load.h"
#include "detail/reader.h"
#include "detail/style_keys.h"
#include "detail/yaml_source.h"
#include "detail/markdown.h"

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

// The whole of a file's bytes, read into `text`; false (reported at `at`,
// or at the first byte that is not UTF-8) when it cannot be, is too large,
// or is not UTF-8.
bool read_markdown(const std::string& path, const std::string& shown, const SourceLoc& at, std::string& text,
                   Diagnostics& diags) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxFileBytes) {
    diags.error(at, ec ? "cannot read the Markdown file: " + ec.message()
                       : "the Markdown file is too large (" + std::to_string(size) + " bytes; the limit is " +
                             std::to_string(kMaxFileBytes >> 20) + " MiB)");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  text.assign(static_cast<size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    diags.error(at, "cannot read the Markdown file");
    return false;
  }
  if (const auto bad = find_bad_byte(text)) {
    diags.error(loc_of_offset(text, bad->offset, shown), describe(*bad));
    return false;
  }
  return true;
}

// A Markdown file's blocks, converted again when resolve/ reaches them
// (model::DeferredBlocks). The conversion at load reported every problem
// and checked every image path (in the root, existing); this one is given
// the same bytes, so it makes the same blocks: the paths are those found
// then, in the order the converter asked for them, and a file whose bytes
// changed since is an error rather than other blocks.
class DeferredMarkdown : public model::DeferredBlocks {
 public:
  DeferredMarkdown(std::string path, MarkdownOrigin origin, SourceLoc at, const std::string& text)
      : path_(std::move(path)), origin_(std::move(origin)), at_(std::move(at)), size_(text.size()),
        digest_(std::hash<std::string_view>{}(text)) {
    file = origin_.file;
  }

  void each(Diagnostics& diags, const std::function<void(model::Block&&)>& take) const override {
    std::string text;
    Diagnostics quiet;  // reported at load
    if (!read_markdown(path_, origin_.file, at_, text, quiet) || text.size() != size_ ||
        std::hash<std::string_view>{}(text) != digest_) {
      diags.error(at_, "the Markdown file '" + origin_.file + "' changed during the build");
      return;
    }
    size_t next = 0;
    const ImagePath image = [&](const std::string&, const SourceLoc&) {
      return next < paths_.size() ? paths_[next++] : std::nullopt;
    };
    markdown_blocks(text, origin_, image, quiet, take);
  }

  // What the image path finder answered at load, in order.
  std::vector<std::optional<std::string>> paths_;

 private:
  std::string path_;
  MarkdownOrigin origin_;
  SourceLoc at_;
  size_t size_;
  size_t digest_;
};

class DocumentLoader {
 public:
  DocumentLoader(const std::string& path, Diagnostics& diags, std::shared_ptr<const SourceText> text,
                 const std::string& root, bool defer_markdown)
      : r_(path, diags, std::move(text), root), defer_markdown_(defer_markdown) {
    r_.set_foreign_keys(kStyleKeys, "a style in the layout");
  }

  model::Document load(const Node& root) {
    model::Document doc;
    doc.path = r_.path();
    r_.map(root, "the content descriptor", {"galley", "layout", "meta", "variables", "flows", "notes"});
    check_version(root);
    if (const auto n = root["layout"]) {
      doc.layout_loc = r_.loc(n);
      if (r_.existing_file(n, "layout")) doc.layout_path = r_.relative_path(n.Scalar());
    }
    if (const auto n = root["meta"]) load_meta(n, doc.meta);
    if (const auto n = root["variables"]) load_variables(n, doc.variables);
    if (const auto n = root["notes"]) load_notes(n, doc.notes);
    if (const auto n = root["flows"]) {
      load_flows(n, doc.flows);
    } else {
      r_.diags().error({r_.path(), 0, 0}, "missing required key 'flows' (the named stories of the content)");
    }
    return doc;
  }

 private:
  void check_version(const Node& root) {
    const auto n = root["galley"];
    if (!n) {
      r_.diags().error({r_.path(), 0, 0}, "missing required key 'galley' (the format version: galley: 1)");
      return;
    }
    if (auto v = r_.string(n, "'galley'"); v && *v != "1")
      r_.error(n, "unsupported format version '" + v->substr(0, 20) + "' (this galley reads version 1)");
  }

  void load_meta(const Node& n, model::Meta& meta) {
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

  void load_variables(const Node& n, std::map<std::string, model::Text>& vars) {
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

  // `notes: {id: text}`: the footnotes that text references as `[^id]`.
  void load_notes(const Node& n, std::vector<model::NoteDef>& notes) {
    if (!r_.named_map(n, "notes") || !n.IsMap()) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string id = it->first.Scalar();
      if (!valid_name(id)) {
        r_.error(it->first, "footnote names use letters, digits, '_', '-' and '.'");
        continue;
      }
      notes.push_back({id, r_.loc(it->first), r_.text(it->second, "footnote '" + id + "'")});
    }
  }

  void load_flows(const Node& n, std::vector<model::Flow>& flows) {
    if (!r_.named_map(n, "flows") || !n.IsMap()) return;
    if (n.size() == 0) r_.error(n, "'flows' is empty: give at least one flow of blocks");
    // A deque's move may throw, so a vector of flows that grew would copy
    // every flow loaded so far: the whole model twice, for a moment.
    flows.reserve(flows.size() + n.size());
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::Flow flow;
      flow.name = it->first.Scalar();
      flow.loc = r_.loc(it->first);
      if (!valid_name(flow.name)) r_.error(it->first, "flow names use letters, digits, '_', '-' and '.'");
      const Node blocks = it->second;
      if (r_.sequence(blocks, "flow '" + flow.name + "'"))
        for (const auto& b : blocks) {
          if (b.IsMap() && r_.get(b, "markdown")) load_markdown(b, flow.blocks);
          else if (auto block = load_block(b)) flow.blocks.push_back(std::move(*block));
        }
      flows.push_back(std::move(flow));
    }
  }

  // `markdown: TEXT` or `markdown: {file: PATH}`: the blocks the Markdown
  // converts to (load/detail/markdown.h), located in the YAML or the .md file.
  void load_markdown(const Node& n, std::deque<Block>& out) {
    // The keys of the other kinds would apply to the one block the YAML
    // shows, but the Markdown makes many, each in its kind's style.
    std::vector<std::string_view> allowed{"markdown"};
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      for (const std::string_view other : {"style", "id", "keep-with-next", "span"})
        if (key == other) {
          r_.error(it->first, "'" + key +
                                  "' does not apply to a markdown block: the blocks it converts to take their "
                                  "kinds' styles (write the block in YAML to give it one)");
          allowed.push_back(other);  // reported: not again as unknown
        }
    }
    r_.map(n, "a markdown block", allowed);
    const Node v = r_.get(n, "markdown");
    MarkdownOrigin origin;
    std::string text;
    if (v.IsMap()) {
      if (!r_.map(v, "markdown", {"file"})) return;
      const Node f = r_.get(v, "file");
      if (!f) {
        // A misspelt key is reported already.
        if (v.size() == 0) r_.error(v, "missing required key 'file' in markdown");
        return;
      }
      const auto path = r_.existing_file(f, "markdown 'file'");
      if (!path) return;
      const auto file = r_.string(f, "markdown 'file'");
      origin.file = r_.relative_path(*file);
      origin.first = {origin.file, 1, 1};
      origin.own_file = true;
      if (!read_markdown(*path, origin.file, r_.loc(f), text, r_.diags())) return;
      if (defer_markdown_) return defer_markdown(*path, origin, r_.loc(f), r_.loc(n), text, out);
    } else {
      const model::Text t = required_text(v, "markdown", n);
      text = t.value;
      origin.file = r_.path();
      origin.first = t.loc;
      origin.indent = block_indent(t.loc.line + 1);
      // A `|` or `>` scalar starts on the line after its indicator.
      if (t.value.find('\n') != std::string::npos && t.loc.line > 0) {
        origin.first = {t.loc.file, t.loc.line + 1, origin.indent + 1};
      }
    }
    const ImagePath image = [&](const std::string& src, const SourceLoc& at) {
      return r_.existing_path(src, at, "image", origin.own_file ? origin.file : r_.path());
    };
    for (Block& b : markdown_blocks(text, origin, image, r_.diags())) out.push_back(std::move(b));
  }

  // The blocks of the Markdown file at `path`, converted to report on and
  // let go: the flow keeps one block that stands for them
  // (model::DeferredBlocks), with copies of those that name a file.
  void defer_markdown(const std::string& path, const MarkdownOrigin& origin, const SourceLoc& file_at,
                      const SourceLoc& at, const std::string& text, std::deque<Block>& out) {
    auto deferred = std::make_shared<DeferredMarkdown>(path, origin, file_at, text);
    const ImagePath image = [&](const std::string& src, const SourceLoc& loc) {
      return deferred->paths_.emplace_back(r_.existing_path(src, loc, "image", origin.file));
    };
    markdown_blocks(
        text, origin, image, r_.diags(),
        [&](Block&& b) {
          ++deferred->count;
          if (!b.src.empty()) deferred->file_blocks.push_back(std::move(b));
        },
        false);
    if (deferred->count == 0) return;
    Block stand_in;
    stand_in.loc = at;
    stand_in.deferred = std::move(deferred);
    out.push_back(std::move(stand_in));
  }

  // The columns of indentation of 1-based `line` of this file.
  int block_indent(int line) const {
    const std::string& bytes = r_.source_bytes();
    size_t at = 0;
    for (int l = 1; l < line && at != std::string::npos; ++l) {
      at = bytes.find('\n', at);
      if (at != std::string::npos) ++at;
    }
    int indent = 0;
    while (at != std::string::npos && at < bytes.size() && bytes[at] == ' ') ++at, ++indent;
    return indent;
  }

  // A block is a one-key map naming its kind, plus the common keys and the
  // kind's sibling keys.
  std::optional<Block> load_block(const Node& n) {
    if (!n.IsMap()) {
      r_.error(n, std::string("expected a block such as {paragraph: ...}, found ") + describe(n));
      return std::nullopt;
    }
    int kind_index = -1;
    for (int i = 0; i < static_cast<int>(std::size(kBlockKinds)); ++i) {
      if (!r_.get(n, kBlockKinds[i])) continue;
      if (kind_index >= 0) {
        const bool toc_flag = kBlockKinds[kind_index] == "heading" && kBlockKinds[i] == "toc";
        r_.error(n, "a block has one kind, found both '" + std::string(kBlockKinds[kind_index]) + "' and '" +
                        std::string(kBlockKinds[i]) + "'" +
                        (toc_flag ? " (to leave a heading out of the table of contents, write 'in-toc: false')" : ""));
        return std::nullopt;
      }
      kind_index = i;
    }
    std::vector<std::string_view> allowed{"style", "id", "keep-with-next", "span"};
    if (kind_index < 0) {
      allowed.insert(allowed.end(), std::begin(kBlockKinds), std::end(kBlockKinds));
      // `markdown:` is read before a block is (load_markdown), but a
      // misspelt one is met here.
      allowed.push_back("markdown");
      // A misspelt kind is reported once, as an unknown key with its fix.
      int before = r_.diags().error_count();
      r_.map(n, "a block", allowed);
      if (r_.diags().error_count() == before)
        r_.error(n, "a block needs a kind: title, heading, paragraph, list, image, table, quote, callout, qr, chart, "
                    "toc, break or markdown");
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
    if (const auto v = r_.get(n, "span")) {
      if (b.kind == BlockKind::Break) r_.error(v, "a break spans nothing; 'span' is for the blocks around it");
      else if (r_.choice(v, "'span'", {"all"})) b.span_all = true;
    }
    const Node body = r_.get(n, kind);
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
  model::Text required_text(const Node& n, const std::string& what, const Node& owner) {
    model::Text t = r_.text(n, "'" + what + "'");
    if (n.IsNull()) {
      if (!r_.error_if_lost_to_comment(n, "'" + what + "' needs text")) r_.error(owner, "'" + what + "' needs text");
      t.loc = r_.loc(owner);
    }
    return t;
  }

  void load_list(const Node& block, const Node& body, Block& b) {
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
  void list_items(const Node& n, std::vector<model::ListItem>& items) {
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

  void load_image(const Node& n, Block& b) {
    if (n.IsScalar()) {
      if (auto p = r_.existing_file(n, "image")) b.src = *p;
      return;
    }
    if (!r_.map(n, "image", {"src", "caption", "alt", "decorative", "width", "height", "fit", "focus", "align", "page",
                             "recolor"}))
      return;
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
    if (const auto v = r_.get(n, "height")) {
      b.height = r_.length(v, "image 'height'", LengthRule::PositiveOrPercent);
      // A box of its own height crops the picture to it unless told otherwise.
      b.fit = model::Fit::Cover;
    }
    if (const auto v = r_.get(n, "fit"))
      if (auto c = r_.choice(v, "fit", {"contain", "cover", "fill"}))
        b.fit = *c == "contain" ? model::Fit::Contain : *c == "cover" ? model::Fit::Cover : model::Fit::Fill;
    if (const auto v = r_.get(n, "focus")) load_focus(v, b);
    if (const auto v = r_.get(n, "align")) b.align = alignment(v);
    if (const auto v = r_.get(n, "page")) b.page = r_.integer(v, "image 'page'", 1, 1'000'000).value_or(1);
    if (const auto v = r_.get(n, "recolor")) b.recolor = recolor_map(r_, v, nullptr);
  }

  // [x, y]: the point of the picture, as fractions of its width and height
  // from the top left, that cropping keeps in view.
  void load_focus(const Node& v, Block& b) {
    if (!v.IsSequence() || v.size() != 2) {
      r_.error(v, "'focus' is a point [x, y] of the picture, fractions from its top left, e.g. [0.5, 0.3]");
      return;
    }
    auto x = r_.number(v[0], "focus x", 0, 1);
    auto y = r_.number(v[1], "focus y", 0, 1);
    if (x && y) b.focus_x = *x, b.focus_y = *y;
    if (b.fit != model::Fit::Cover)
      r_.error(v, "'focus' says what cropping keeps in view; this image is not cropped (give 'height', or fit: cover)");
  }

  std::optional<model::HAlign> alignment(const Node& v) {
    auto c = r_.choice(v, "align", {"left", "center", "right"});
    if (!c) return std::nullopt;
    return *c == "left" ? model::HAlign::Left : *c == "right" ? model::HAlign::Right : model::HAlign::Center;
  }

  std::vector<model::Text> cells(const Node& n, std::string_view what) {
    std::vector<model::Text> out;
    if (!r_.sequence(n, what)) return out;
    for (const auto& c : n) out.push_back(r_.text(c, "a table cell"));
    return out;
  }

  void load_table(const Node& n, Block& b) {
    if (!n.IsMap()) {
      r_.error(n, std::string("expected {columns: [...], rows: [[...]]} or {data: FILE} for table, found ") +
                      describe(n));
      return;
    }
    r_.map(n, "table", {"columns", "rows", "data", "header-repeat", "row-headers", "widths"});
    if (const auto v = r_.get(n, "header-repeat"))
      if (auto h = r_.boolean(v, "'header-repeat'")) b.header_repeat = *h;
    if (const auto v = r_.get(n, "row-headers"))
      if (auto h = r_.boolean(v, "'row-headers'")) b.row_headers = *h;
    const Node data = r_.get(n, "data");
    size_t width = 0;
    if (data) {
      if (const auto v = r_.get(n, "rows")) r_.error(v, "a table takes 'rows' or 'data', not both");
      width = load_table_data(n, data, b);
    } else {
      if (const auto v = r_.get(n, "columns")) b.columns = cells(v, "table 'columns'");
      width = b.columns.size();
      if (const auto v = r_.get(n, "rows")) {
        if (r_.sequence(v, "table 'rows'")) {
          for (const auto& row : v) {
            auto cs = cells(row, "a table row");
            if (width == 0) width = cs.size();
            // In [a, b] a comma ends a cell: the commonest cause of a cell too many.
            if (row.IsSequence() && cs.size() != width)
              r_.error(row, "this row has " + std::to_string(cs.size()) + " cells; the table has " +
                                std::to_string(width) + " columns" +
                                (cs.size() > width && row.Style() == YAML::EmitterStyle::Flow
                                     ? " (in [...] a comma separates cells: quote a cell that holds one)"
                                     : ""));
            b.rows.push_back(std::move(cs));
          }
        }
      } else {
        r_.error(n, "missing required key 'rows' (or 'data') in table");
      }
    }
    if (const auto v = r_.get(n, "widths")) column_widths(v, width, b);
  }

  // `data:` and its `columns:`; returns the number of columns.
  size_t load_table_data(const Node& n, const Node& data, Block& b) {
    const auto file = r_.existing_file(data, "table 'data'");
    if (!file) return 0;
    const std::string ext = std::filesystem::path(*file).extension().string();
    if (ext != ".csv" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
      r_.error(data, "table 'data' is a .csv, .yaml, .yml or .json file, not '" + data.Scalar() + "'");
      return 0;
    }
    auto table = read_data_table(*file, r_.diags(), kBlockData, r_.relative_path(data.Scalar()));
    if (!table) return 0;
    const auto cols = r_.get(n, "columns");
    if (!cols) {
      for (size_t f = 0; f < table->fields.size(); ++f)
        b.data_columns.push_back({f, {table->fields[f], r_.loc(data)}, false, {}, {}, r_.loc(data)});
    } else if (r_.sequence(cols, "table 'columns'")) {
      for (const auto& c : cols)
        if (auto col = data_column(c, *table)) b.data_columns.push_back(std::move(*col));
    }
    b.table_data = std::make_shared<const model::DataTable>(std::move(*table));
    return b.data_columns.size();
  }

  // A column of a data table: a field's name, or {field, title, align, format}.
  std::optional<model::DataColumn> data_column(const Node& c, const model::DataTable& table) {
    model::DataColumn col;
    col.loc = r_.loc(c);
    const Node field = c.IsMap() ? r_.get(c, "field") : c;
    if (c.IsMap()) {
      r_.map(c, "a table column", {"field", "title", "align", "format"});
      if (!field) {
        r_.error(c, "missing required key 'field' in a table column");
        return std::nullopt;
      }
    }
    const auto name = r_.string(field, "a column's field");
    if (!name) return std::nullopt;
    const auto index = table.field_index(*name);
    if (!index) {
      r_.error(field, "no field '" + *name + "' in " + table.source + r_.hint(*name, [&] { return table.fields; }));
      return std::nullopt;
    }
    col.field = *index;
    col.title = {*name, r_.loc(field)};
    if (!c.IsMap()) return col;
    if (const auto v = r_.get(c, "title")) {
      col.title = r_.text(v, "a column's 'title'");
      col.renamed = true;
    }
    if (const auto v = r_.get(c, "align")) {
      if (auto a = r_.choice(v, "a column's 'align'", {"left", "center", "right", "decimal"}))
        col.align = *a == "left" ? model::ColumnAlign::Left
                    : *a == "center" ? model::ColumnAlign::Center
                    : *a == "right" ? model::ColumnAlign::Right
                                    : model::ColumnAlign::Decimal;
    }
    if (const auto v = r_.get(c, "format")) read_cell_format(r_, v, col.format, "a column");
    return col;
  }



  // `widths: auto`, or one per column: auto, a share (2fr), a length or a percentage.
  void column_widths(const Node& v, size_t width, Block& b) {
    if (v.IsScalar() && v.Scalar() == "auto") {
      b.column_widths.assign(width, model::ColumnWidth{model::ColumnWidth::Kind::Auto, {}, 0, r_.loc(v)});
      return;
    }
    if (!r_.sequence(v, "table 'widths'")) return;
    for (const auto& w : v) {
      model::ColumnWidth cw;
      cw.loc = r_.loc(w);
      const std::string s = w.IsScalar() ? w.Scalar() : "";
      if (s == "auto") {
        cw.kind = model::ColumnWidth::Kind::Auto;
      } else if (s.size() > 2 && s.ends_with("fr")) {
        cw.kind = model::ColumnWidth::Kind::Share;
        char* end = nullptr;
        const std::string digits = s.substr(0, s.size() - 2);
        cw.share = std::strtod(digits.c_str(), &end);
        if (end != digits.c_str() + digits.size() || !(cw.share > 0) || cw.share > 1000) {
          r_.error(w, "a column's share is a number greater than zero before 'fr', such as 2fr");
          continue;
        }
      } else if (auto l = r_.length(w, "a column width (or auto, or a share such as 2fr)",
                                    LengthRule::PositiveOrPercent)) {
        cw.kind = model::ColumnWidth::Kind::Fixed;
        cw.length = *l;
      } else {
        continue;
      }
      b.column_widths.push_back(cw);
    }
    if (width > 0 && v.size() != width)
      r_.error(v, "'widths' gives " + std::to_string(v.size()) + " widths for " + std::to_string(width) + " columns");
  }

  void load_quote(const Node& n, Block& b) {
    if (!n.IsMap()) {
      b.text = required_text(n, "quote", n);
      return;
    }
    r_.map(n, "quote", {"text", "by"});
    if (const auto v = r_.get(n, "text")) b.text = required_text(v, "quote 'text'", n);
    else r_.error(n, "missing required key 'text' in quote");
    if (const auto v = r_.get(n, "by")) b.by = r_.text(v, "quote 'by'");
  }

  void load_callout(const Node& n, Block& b) {
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

  void load_qr(const Node& n, Block& b) {
    if (n.IsMap()) {
      r_.map(n, "qr", {"data", "size", "caption", "align"});
      if (const auto v = r_.get(n, "align")) b.align = alignment(v);
      if (const auto v = r_.get(n, "size")) b.size = r_.length(v, "qr 'size'", LengthRule::Positive);
      if (const auto v = r_.get(n, "caption")) b.caption = r_.text(v, "'caption'");
      if (!r_.get(n, "data")) {
        r_.error(n, "missing required key 'data' in qr");
        return;
      }
    }
    const Node value = n.IsMap() ? r_.get(n, "data") : n;
    if (auto s = r_.string(value, "qr 'data'")) {
      // Version 40 at the lowest error correction holds 2953 bytes; data
      // with {{variables}} is measured again once they are expanded.
      const bool fixed = s->find("{{") == std::string::npos;
      if (s->empty()) r_.error(value, "qr 'data' is empty");
      else if (fixed ? !fits_qr(*s) : s->size() > 2953)
        r_.error(value, "qr 'data' is too long for a QR code: " + std::to_string(s->size()) +
                            " bytes, and at error-correction level M a code holds at most 2331 bytes of text (3391 "
                            "of digits and capital letters, 5596 of digits only)");
      else b.data = *s;
    }
  }

  // Whether some QR code at level M (galley's, layout/detail/qr_codes.h)
  // can hold `data`: the fewest bits any encoding takes (a digit 10/3 in
  // numeric mode, one of 0-9, A-Z and " $%*+-./:" 5.5 in alphanumeric,
  // any other byte 8, plus one segment's header) against version 40's
  // 18,672 data bits. libqrencode can do no better, so what fails here
  // fails there; the exact fit is layout's.
  static bool fits_qr(const std::string& data) {
    double bits = 4 + 13;
    for (const char c : data) {
      if (c >= '0' && c <= '9') bits += 10.0 / 3;
      else if ((c >= 'A' && c <= 'Z') || std::string_view(" $%*+-./:").find(c) != std::string_view::npos) bits += 5.5;
      else bits += 8;
    }
    return bits <= 18672;
  }

  Reader r_;
  bool defer_markdown_;
  std::set<std::string> ids_;
};

}  // namespace

std::optional<model::Document> read_document(const std::string& path, Diagnostics& diags, const Options& opts) {
  if (!check_inside_root(path, opts.root, "content file", diags)) return std::nullopt;
  auto parsed = read_yaml(path, "content", diags);
  if (!parsed) return std::nullopt;
  DocumentLoader loader(path, diags, parsed->text, opts.root, opts.defer_markdown);
  model::Document doc = loader.load(parsed->root);
  doc.root = opts.root;
  return doc;
}

std::optional<model::Document> load_document(const std::string& path, Diagnostics& diags, const Options& opts) {
  Diagnostics local;
  auto doc = read_document(path, local, opts);
  append_in_file_order(local, diags);
  if (local.has_errors()) return std::nullopt;
  return doc;
}

}  // namespace galley::load
