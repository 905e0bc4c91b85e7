#include "detail/markdown.h"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/gfm.h"
#include "detail/yaml_source.h"

namespace galley::load {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
// GitHub's extensions register their node types at run time: known by name.
bool is(cmark_node* n, const char* type) { return std::strcmp(cmark_node_get_type_string(n), type) == 0; }

// Lists nest this deep at most: Markdown is not bounded by YAML's nesting
// limit, and later stages recurse once per level.
constexpr int kMaxListDepth = 16;

class Converter {
 public:
  Converter(const std::string& text, const MarkdownOrigin& origin, const ImagePath& image_path, Diagnostics& diags,
            bool render)
      : text_(text), origin_(origin), image_path_(image_path), diags_(diags), render_(render) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  // Each top-level node's blocks handed to `take` as soon as they are
  // made, and the node freed: no node reads another, so the tree shrinks
  // as the blocks go (a long file's tree is four times its text).
  void blocks(cmark_node* parent, const BlockSink& take) {
    std::vector<model::Block> out;
    while (cmark_node* n = cmark_node_first_child(parent)) {
      block(n, out);
      for (model::Block& b : out) take(std::move(b));
      out.clear();
      cmark_node_free(n);  // unlinks it first
    }
  }

 private:
  // cmark's 1-based line and byte column → the author's file:line:col.
  SourceLoc at(cmark_node* n) const {
    const int line = std::max(1, cmark_node_get_start_line(n));
    const int col = std::max(1, cmark_node_get_start_column(n));
    const size_t start = line_starts_[std::min<size_t>(static_cast<size_t>(line - 1), line_starts_.size() - 1)];
    SourceLoc l = loc_of_offset(text_, std::min(text_.size(), start + static_cast<size_t>(col - 1)), origin_.file,
                                line_starts_);
    if (origin_.own_file) return l;
    if (line == 1) return {origin_.file, origin_.first.line, origin_.first.col + l.col - 1};
    return {origin_.file, origin_.first.line + line - 1, origin_.indent + l.col};
  }

  void warn(cmark_node* n, const std::string& message) { diags_.warning(at(n), message); }

  // The node's inline content as galley's inline markup (CommonMark);
  // nothing when only checking (rendering is most of the walk's time).
  std::string inline_markup(cmark_node* n) const {
    if (!render_) return {};
    char* s = cmark_render_commonmark(n, CMARK_OPT_DEFAULT, 0);
    std::string out = s ? s : "";
    std::free(s);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  model::Text text_of(cmark_node* n) {
    check_inlines(n);
    return {inline_markup(n), at(n)};
  }

  // Walked with cmark's iterator: inline nesting may be deep.
  void check_inlines(cmark_node* parent) {
    std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(parent));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it.get());
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE)
        warn(n, "HTML is not supported in Markdown; it is set as text");
    }
  }

  // A node's inline children as markup, rendered as a paragraph's: a
  // heading's without its #s, a table cell's without its pipes.
  model::Text inline_text(cmark_node* n, const SourceLoc& loc) {
    std::unique_ptr<cmark_node, NodeFree> p(cmark_node_new(CMARK_NODE_PARAGRAPH));
    while (cmark_node* c = cmark_node_first_child(n)) cmark_node_append_child(p.get(), c);
    check_inlines(p.get());
    return {inline_markup(p.get()), loc};
  }

  // A GitHub table: its first row the header, `:--`, `:-:`, `--:` the
  // columns' alignment.
  void table(cmark_node* n, model::Block& b) {
    b.kind = model::BlockKind::Table;
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
    bool aligned = false;
    for (uint16_t c = 0; aligns && c < columns; ++c) {
      const model::ColumnAlign a = aligns[c] == 'l'   ? model::ColumnAlign::Left
                                   : aligns[c] == 'c' ? model::ColumnAlign::Center
                                   : aligns[c] == 'r' ? model::ColumnAlign::Right
                                                      : model::ColumnAlign::Auto;
      aligned = aligned || a != model::ColumnAlign::Auto;
      b.column_aligns.push_back(a);
    }
    if (!aligned) b.column_aligns.clear();
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<model::Text> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
        cells.push_back(inline_text(cell, at(cell)));
      if (cmark_gfm_extensions_get_table_row_is_header(row)) b.columns = std::move(cells);
      else b.rows.push_back(std::move(cells));
    }
  }

  // A paragraph holding one image and nothing else is an image block.
  bool image_block(cmark_node* para, std::vector<model::Block>& out) {
    cmark_node* img = cmark_node_first_child(para);
    if (!img || cmark_node_get_type(img) != CMARK_NODE_IMAGE || cmark_node_next(img)) return false;
    model::Block b;
    b.kind = model::BlockKind::Image;
    b.loc = at(img);
    for (cmark_node* t = cmark_node_first_child(img); t; t = cmark_node_next(t))
      if (const char* lit = cmark_node_get_literal(t)) b.alt += lit;
    const char* url = cmark_node_get_url(img);
    if (auto p = image_path_(url ? url : "", b.loc)) b.src = *p;
    const char* title = cmark_node_get_title(img);
    if (title && *title) b.caption = {title, b.loc};
    if (!b.src.empty()) out.push_back(std::move(b));
    return true;
  }

  void block(cmark_node* n, std::vector<model::Block>& out) {
    model::Block b;
    b.loc = at(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: {
        if (image_block(n, out)) return;
        b.kind = model::BlockKind::Paragraph;
        b.text = text_of(n);
        break;
      }
      case CMARK_NODE_HEADING: {
        b.kind = model::BlockKind::Heading;
        b.level = cmark_node_get_heading_level(n);
        if (b.level > 4) {
          warn(n, "heading level " + std::to_string(b.level) + " is set as level 4, the deepest galley has");
          b.level = 4;
        }
        b.text = inline_text(n, b.loc);
        break;
      }
      case CMARK_NODE_LIST:
        b.kind = model::BlockKind::List;
        b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        items(n, b.items, 1);
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        b.kind = model::BlockKind::Quote;
        b.text = {paragraphs(n, "a block quote"), b.loc};
        break;
      case CMARK_NODE_CODE_BLOCK:
        b.kind = model::BlockKind::Paragraph;
        b.text = {code(cmark_node_get_literal(n)), b.loc};
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        warn(n, "a thematic break (---) is left out: galley has no rule block; draw rules in the layout");
        return;
      case CMARK_NODE_HTML_BLOCK:
        warn(n, "HTML is not supported in Markdown; this block is left out");
        return;
      default:
        if (is(n, "table")) {
          table(n, b);
          break;
        }
        warn(n, std::string("Markdown '") + cmark_node_get_type_string(n) + "' is not supported; left out");
        return;
    }
    out.push_back(std::move(b));
  }

  // The paragraphs of a quote or list item as one text, a blank line
  // between them; anything else in it but `lists` (a list item's, set as
  // its sub-list) is reported.
  std::string paragraphs(cmark_node* parent, const std::string& what, bool lists = false) {
    std::string text;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      if (lists && cmark_node_get_type(c) == CMARK_NODE_LIST) continue;
      if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) {
        warn(c, std::string("only paragraphs are set inside ") + what + "; this " +
                    cmark_node_get_type_string(c) + " is left out");
        continue;
      }
      if (!text.empty()) text += "\n\n";
      text += text_of(c).value;
    }
    return text;
  }

  void items(cmark_node* list, std::vector<model::ListItem>& out, int depth) {
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
      model::ListItem li;
      bool nested = false;
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) != CMARK_NODE_LIST) continue;
        if (depth >= kMaxListDepth) {
          warn(c, "lists nest at most " + std::to_string(kMaxListDepth) + " deep; this one is left out");
          break;
        }
        if (!nested) li.children_ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST;
        nested = true;
        items(c, li.children, depth + 1);
      }
      li.text = {paragraphs(item, "a list item", true), at(item)};
      out.push_back(std::move(li));
    }
  }

  // A code block: each line as inline code, hard breaks between, its
  // indentation kept as no-break spaces.
  static std::string code(const char* literal) {
    std::string s = literal ? literal : "";
    while (!s.empty() && s.back() == '\n') s.pop_back();
    std::string out;
    size_t from = 0;
    while (from <= s.size()) {
      size_t nl = s.find('\n', from);
      if (nl == std::string::npos) nl = s.size();
      std::string line = s.substr(from, nl - from);
      std::string lead;
      size_t k = 0;
      // A word joiner first: spaces at the start of a line are dropped.
      while (k < line.size() && line[k] == ' ') lead += lead.empty() ? "\u2060\u00A0" : "\u00A0", ++k;
      line = line.substr(k);
      if (!out.empty()) out += "\\\n";
      if (!line.empty()) {
        // A fence longer than any run of backticks in the line.
        size_t longest = 0, run = 0;
        for (char c : line) run = c == '`' ? run + 1 : 0, longest = std::max(longest, run);
        const std::string fence(longest + 1, '`');
        out += fence + " " + lead + line + " " + fence;
      } else {
        out += lead.empty() ? "\u00A0" : lead;
      }
      from = nl + 1;
    }
    return out;
  }

  const std::string& text_;
  const MarkdownOrigin& origin_;
  const ImagePath& image_path_;
  Diagnostics& diags_;
  bool render_;
  std::vector<size_t> line_starts_;
};

}  // namespace

void markdown_blocks(const std::string& text, const MarkdownOrigin& origin, const ImagePath& image_path,
                     Diagnostics& diags, const BlockSink& take, bool with_text) {
  std::unique_ptr<cmark_node, NodeFree> doc(base::parse_gfm(text, {"table", "strikethrough"}));
  if (!doc) {
    diags.error(origin.first, "cannot parse the Markdown (out of memory)");
    return;
  }
  Converter(text, origin, image_path, diags, with_text).blocks(doc.get(), take);
}

std::vector<model::Block> markdown_blocks(const std::string& text, const MarkdownOrigin& origin,
                                          const ImagePath& image_path, Diagnostics& diags) {
  std::vector<model::Block> out;
  markdown_blocks(text, origin, image_path, diags, [&out](model::Block&& b) { out.push_back(std::move(b)); });
  return out;
}

}  // namespace galley::load
