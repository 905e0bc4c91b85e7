// resolve(): every block of every flow in its style, with its text as runs.
#include "resolve/resolve.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <type_traits>

#include "detail/cascade.h"
#include "detail/expand.h"
#include "detail/footnotes.h"
#include "detail/list_markers.h"
#include "detail/markup.h"
#include "detail/nearest.h"
#include "resolve/chart.h"
#include "detail/number_format.h"

namespace galley::resolve {

namespace {

using model::BlockKind;

// The document information strings go into the PDF's Info dictionary,
// where libharu takes at most 65,535 bytes (UTF-16: two per UTF-8 byte at
// worst); the XMP packet repeats them. An image's or chart's alt text is
// its Figure element's /Alt, a string the same.
constexpr size_t kMaxMetaBytes = 32000;

class Resolver {
 public:
  Resolver(const model::Document& doc, const model::Layout& layout, const Variables& vars, Diagnostics& diags,
           const Prepared* prepared)
      : layout_(layout),
        vars_(vars),
        diags_(diags),
        cascade_(prepared && prepared->cascade()
                     ? prepared->shared_cascade()
                     : std::make_shared<const Cascade>(layout, doc.meta.language, diags)),
        markup_(prepared ? &prepared->markup() : nullptr),
        notes_(doc.notes, *cascade_, diags) {
    expansion_.root = doc.root;
  }

  // What resolves a flow's pending text again (Flow::pending): the same
  // layout, variables, cascade and markup, and no footnotes, as the blocks
  // it resolves reference none.
  struct Again {
    const model::Layout& layout;
    Variables vars;
    std::shared_ptr<const Cascade> cascade;
    MarkupCache* markup = nullptr;
    std::string root;
  };
  Resolver(const Again& again, Diagnostics& diags)
      : layout_(again.layout),
        vars_(again.vars),
        diags_(diags),
        cascade_(again.cascade),
        markup_(again.markup),
        notes_(no_notes(), *cascade_, diags) {
    expansion_.root = again.root;
  }

  const std::shared_ptr<const Cascade>& cascade() const { return cascade_; }
  std::vector<Footnote> notes() { return notes_.finish(); }
  MarkupCache* markup() const { return markup_; }

  // Markdown text handed on whole before files are deferred (defer_text).
  void keep_whole(size_t bytes) { whole_left_ = bytes; }

  // Resolves block `b` again for its text (Flow::pending).
  Block again(const model::Block& b) { return block(b); }

  // The flow `index` of the document; its fixed blocks are copied from
  // `reuse` when it has them, and kept in `record` when given. A flow
  // given as non-const is spent: each model block is freed once resolved.
  template <class ModelFlow>
  Flow flow(ModelFlow& f, size_t index, const FixedBlocks* reuse, FixedBlocks* record) {
    constexpr bool kSpend = !std::is_const_v<ModelFlow>;
    Flow out{f.name, f.loc, {}, {}};
    // Exactly: each chunk is then made at its final size, and a short
    // flow's one chunk holds no room for blocks it never gets.
    size_t total = 0;
    for (const model::Block& b : f.blocks) total += b.deferred ? b.deferred->count : 1;
    out.blocks.reserve(total);
    // A heading right before a table of contents is its title ("Contents"),
    // not an entry of it, unless it says otherwise.
    bool toc_title = false;
    const auto take = [&](const model::Block& b) {
      const size_t j = out.blocks.size();
      if (j > 0 && toc_title && b.kind == BlockKind::Toc) out.blocks[j - 1].in_toc = false;
      toc_title = b.kind == BlockKind::Heading && !b.in_toc;
      if (const Block* kept = reuse ? reuse->at(index, j) : nullptr) {
        out.blocks.push_back(*kept);
      } else {
        // A block that met no variable reference, reported nothing and cut
        // no footnote reference depends on nothing but the model.
        const size_t references = expansion_.references, said = diags_.all().size(), cuts = cuts_;
        out.blocks.push_back(block(b));
        out.blocks.back().fixed =
            expansion_.references == references && diags_.all().size() == said && cuts_ == cuts;
      }
    };
    const size_t count = f.blocks.size();
    for (size_t j = 0; j < count; ++j) {
      const model::Block& b = f.blocks[kSpend ? 0 : j];
      if (!b.deferred) {
        take(b);
      } else {
        // Made here, a block at a time, each let go once resolved.
        const size_t first = out.blocks.size();
        b.deferred->each(diags_, [&](model::Block&& made) { take(made); });
        if constexpr (kSpend) defer_text(out, first, b.deferred);
      }
      if constexpr (kSpend) f.blocks.pop_front();
    }
    if (record) {
      if (record->flows.size() <= index) record->flows.resize(index + 1);
      auto& kept = record->flows[index];
      kept.assign(out.blocks.size(), nullptr);
      for (size_t j = 0; j < out.blocks.size(); ++j)
        if (out.blocks[j].fixed) kept[j] = std::make_shared<const Block>(out.blocks[j]);
    }
    return out;
  }

 private:
  static const std::vector<model::NoteDef>& no_notes() {
    static const std::vector<model::NoteDef> none;
    return none;
  }

  // Empties the runs of the blocks from `first` that `source` made and
  // that come out the same whenever they are resolved, to be resolved
  // again when layout reaches them (Flow::pending): a long report's styled
  // text is then never whole. Headings keep theirs (layout makes their ids
  // and the table of contents from them before placing anything).
  void defer_text(Flow& out, size_t first, const std::shared_ptr<const model::DeferredBlocks>& source);

  void check_alt(const std::string& alt, const SourceLoc& loc) {
    if (alt.size() > kMaxMetaBytes)
      diags_.error(loc, "alt text is " + std::to_string(alt.size()) + " bytes long; a PDF's alt text takes at most " +
                            std::to_string(kMaxMetaBytes));
  }
  Block block(const model::Block& b) {
    Block out;
    out.kind = b.kind;
    out.loc = b.loc;
    out.id = b.id;
    out.level = b.level;
    out.span_all = b.span_all;
    out.in_toc = b.in_toc.value_or(true);
    const std::string name = default_name(b);
    const Shared<ParaStyle> style = block_style(b, name);
    out.box = box(b.style, name, style);
    switch (b.kind) {
      case BlockKind::Title:
      case BlockKind::Heading:
      case BlockKind::Paragraph:
      case BlockKind::Callout:
        out.paras.push_back(para(b.text, style));
        break;
      case BlockKind::Quote:
        out.paras.push_back(para(b.text, style));
        if (!b.by.value.empty()) {
          Paragraph by = para(b.by, fallback("quote-by"));
          // A run of its own, so errors in the text keep their columns; an
          // author who wrote the dash keeps it.
          const std::string& v = b.by.value;
          if (v.compare(0, 3, "\u2014") != 0 && v.compare(0, 2, "- ") != 0)
            by.runs.insert(by.runs.begin(), Run{"\u2014 ", runs_.plain(by.style)});
          out.paras.push_back(std::move(by));
        }
        break;
      case BlockKind::List:
        list_items(b.items, b.ordered, 0, style, out.items);
        break;
      case BlockKind::Image: {
        Figure& f = out.figure.edit();
        f.src = b.src;
        f.alt = b.alt;
        check_alt(b.alt, b.loc);
        f.decorative = b.decorative;
        f.width = b.width;
        f.fit = b.fit;
        f.height = b.height;
        f.focus_x = b.focus_x;
        f.focus_y = b.focus_y;
        f.align = b.align;
        f.page = b.page;
        f.recolor = recolor(b.recolor);
        caption(b, f);
        break;
      }
      case BlockKind::Qr: {
        Figure& f = out.figure.edit();
        f.data = expand_text(b.data, b.loc);
        if (b.size && !b.size->percent && b.size->value > 0) f.qr_size = b.size->value;
        f.align = b.align;
        caption(b, f);
        break;
      }
      case BlockKind::Table:
        table(b, out.figure.edit());
        break;
      case BlockKind::Chart: {
        Figure& f = out.figure.edit();
        if (b.chart) {
          numbers_loaded(b.loc, diags_);  // ticks and labels are formatted numbers
          f.chart = resolve_chart(*b.chart, layout_, style, diags_);
          f.alt = b.chart->alt.empty() ? chart_summary(*f.chart) : b.chart->alt;
          check_alt(f.alt, b.loc);
          f.width = b.chart->width;
        }
        caption(b, f);
        break;
      }
      case BlockKind::Toc:
        break;
      case BlockKind::Break:
        out.break_kind = b.break_kind;
        break;
    }
    out.keep_with_next = keep_with_next(b, name, style);
    for (Paragraph& p : out.paras) p.style = keeping(p.style, out.keep_with_next);
    return out;
  }

  // The style of a block of style `b.style` (its kind's default when
  // empty) and kind `name`, made once and shared by every such block. A
  // style unknown to the layout is not kept: each block naming it reports
  // it.
  Shared<ParaStyle> block_style(const model::Block& b, const std::string& name) {
    const auto key = std::make_pair(b.style, name);
    if (auto it = styles_.find(key); it != styles_.end()) return it->second;
    const size_t said = diags_.all().size();
    Shared<ParaStyle> style = own_or(b, name);
    if (diags_.all().size() == said) styles_.emplace(key, style);
    return style;
  }

  // cascade_->fallback(name), shared.
  Shared<ParaStyle> fallback(const std::string& name) {
    auto [it, made] = styles_.try_emplace({std::string(), name});
    if (made) it->second = cascade_->fallback(name);
    return it->second;
  }

  // `style` with keep_with_next set to `keep`, one per style.
  Shared<ParaStyle> keeping(const Shared<ParaStyle>& style, bool keep) {
    if (style->keep_with_next == keep) return style;
    auto [it, made] = keeping_.try_emplace(&*style);
    if (made) {
      ParaStyle changed = *style;
      changed.keep_with_next = keep;
      it->second = {style, std::move(changed)};
    }
    return it->second.second;
  }

  // A heading keeps with what follows unless its style or the block says not.
  bool keep_with_next(const model::Block& b, const std::string& name, const ParaStyle& style) const {
    if (b.keep_with_next) return *b.keep_with_next;
    if (b.kind == BlockKind::Heading) {
      const model::Style* s = cascade_->flat(b.style.empty() ? name : b.style);
      return s && s->keep_with_next ? *s->keep_with_next : true;
    }
    return style.keep_with_next;
  }

  // Names unknown to the palette are cross_check's error.
  std::vector<std::pair<uint32_t, model::Color>> recolor(const std::vector<model::Recolor>& in) const {
    std::vector<std::pair<uint32_t, model::Color>> out;
    for (const model::Recolor& m : in) {
      if (m.color) {
        out.emplace_back(m.rgb, *m.color);
      } else if (auto it = layout_.colors.find(m.swatch); it != layout_.colors.end()) {
        out.emplace_back(m.rgb, it->second);
      } else if (m.swatch == "black" || m.swatch == "white") {
        out.emplace_back(m.rgb, m.swatch == "black" ? model::Color::black() : model::Color::white());
      }
    }
    return out;
  }

  static std::string default_name(const model::Block& b) {
    switch (b.kind) {
      case BlockKind::Title: return "title";
      case BlockKind::Heading: return "h" + std::to_string(std::clamp(b.level, 1, 4));
      case BlockKind::Paragraph: return "body";
      case BlockKind::List: return "list";
      case BlockKind::Quote: return "quote";
      case BlockKind::Callout: return "callout";
      case BlockKind::Image: return "image";
      case BlockKind::Qr: return "qr";
      case BlockKind::Table: return "table";
      case BlockKind::Toc: return "toc";
      case BlockKind::Break: return "body";
      case BlockKind::Chart: return "chart";
    }
    return "body";
  }

  // One box style per (style, kind) pair, shared by every block that has
  // it: own_or() gives the same style for the same pair, and a long
  // report's blocks would otherwise each hold a copy.
  std::shared_ptr<const ParaStyle> box(const std::string& style_name, const std::string& kind,
                                       const Shared<ParaStyle>& style) {
    auto& shared = boxes_[{style_name, kind}];
    if (!shared) shared = std::make_shared<const ParaStyle>(style);
    return shared;
  }

  ParaStyle own_or(const model::Block& b, const std::string& name) {
    if (b.style.empty()) return cascade_->fallback(name);
    if (auto p = cascade_->for_kind(b.style, name)) return *p;
    std::vector<std::string> names;
    for (const auto& kv : layout_.styles) names.push_back(kv.first);
    diags_.error(b.style_loc.line > 0 ? b.style_loc : b.loc,
                 "unknown style '" + b.style + "'" + did_you_mean(b.style, names));
    return cascade_->fallback(name);
  }

  std::string expand_text(const std::string& text, const SourceLoc& loc) {
    ExpandOptions opts;
    opts.document = &expansion_;
    return expand(text, vars_, loc, diags_, opts);
  }

  Paragraph para(const model::Text& t, const Shared<ParaStyle>& style) {
    std::vector<int> refs;
    const std::optional<model::Text> cut =
        notes_.cut(t, refs, [this](const model::Text& note) { return para(note, fallback("footnote")); });
    Paragraph p{style, markup_runs(cut ? *cut : t, style, cascade_.get(), vars_, diags_, markup_, &expansion_, &runs_),
                t.loc};
    if (cut) {
      notes_.place(p.runs, refs);
      ++cuts_;
    }
    for (const Run& r : p.runs) check_link(r.style->link, t.loc, layout_, reported_links_, diags_);
    return p;
  }

  void caption(const model::Block& b, Figure& out) {
    const model::Text& text = b.chart ? b.chart->caption : b.caption;
    if (!text.value.empty())
      out.caption = std::make_shared<const Paragraph>(para(text, fallback("caption")));
  }

  void list_items(const std::vector<model::ListItem>& items, bool ordered, int depth, const Shared<ParaStyle>& style,
                  std::vector<ListItem>& out) {
    int number = 0;
    for (const model::ListItem& item : items) {
      out.push_back({list_marker(ordered, depth, ++number), depth, para(item.text, style)});
      // Lists nest only as deep as YAML does; the loader bounds that.
      list_items(item.children, item.children_ordered, depth + 1, style, out);
    }
  }

  void table(const model::Block& b, Figure& out) {
    const Shared<ParaStyle> th = fallback("th");
    const Shared<ParaStyle> td = fallback("td");
    if (b.table_data) data_table(b, th, td, out);
    // A column aligned in Markdown (`:-:`) sets its header and cells so,
    // in a style made once per alignment.
    std::map<std::pair<const ParaStyle*, Align>, Shared<ParaStyle>> made;
    const auto aligned = [&](const Shared<ParaStyle>& style, size_t column) {
      const model::ColumnAlign a =
          column < b.column_aligns.size() ? b.column_aligns[column] : model::ColumnAlign::Auto;
      if (a != model::ColumnAlign::Left && a != model::ColumnAlign::Center && a != model::ColumnAlign::Right)
        return style;
      const Align align = a == model::ColumnAlign::Left ? Align::Left
                          : a == model::ColumnAlign::Center ? Align::Center
                                                            : Align::Right;
      auto [it, fresh] = made.try_emplace({&*style, align});
      if (fresh) {
        ParaStyle s = *style;
        s.align = align;
        it->second = std::move(s);
      }
      return it->second;
    };
    for (size_t c = 0; c < b.columns.size(); ++c) out.header.push_back({para(b.columns[c], aligned(th, c))});
    for (const auto& row : b.rows) {
      std::vector<TableCell> cells;
      cells.reserve(row.size());
      for (size_t c = 0; c < row.size(); ++c) cells.push_back({para(row[c], aligned(td, c))});
      out.rows.push_back(std::move(cells));
    }
    out.column_widths = b.column_widths;
    out.header_repeat = b.header_repeat;
    out.row_headers = b.row_headers;
  }

  // A table of data: each cell the field's value, formatted, as plain text
  // (data is not markup); numbers right-aligned unless told otherwise.
  void data_table(const model::Block& b, const ParaStyle& th, const ParaStyle& td, Figure& out) {
    numbers_loaded(b.loc, diags_);
    const model::DataTable& data = *b.table_data;
    const size_t ncols = b.data_columns.size();
    out.rows.assign(data.rows.size(), std::vector<TableCell>(ncols));
    const std::string sign = decimal_sign(td.language);
    for (size_t c = 0; c < ncols; ++c) {
      const model::DataColumn& col = b.data_columns[c];
      std::vector<std::string> shown(data.rows.size());
      bool numbers = false, all_numbers = true;
      for (size_t r = 0; r < data.rows.size(); ++r) {
        const std::string& raw = data.rows[r][col.field];
        bool matched = false;
        shown[r] = format_value(raw, col.format, td.language, &matched);
        if (raw.empty()) continue;
        const bool number = col.format.kind == model::CellFormat::Kind::Text ? parse_number(raw).has_value()
                            : col.format.kind == model::CellFormat::Kind::Date ? false
                                                                                : matched;
        numbers = numbers || number;
        all_numbers = all_numbers && number;
      }
      model::ColumnAlign align = col.align;
      if (align == model::ColumnAlign::Auto)
        align = numbers && all_numbers ? model::ColumnAlign::Right : model::ColumnAlign::Left;
      ParaStyle cell_style = td, head_style = th;
      cell_style.align = head_style.align = align == model::ColumnAlign::Left     ? Align::Left
                                            : align == model::ColumnAlign::Center ? Align::Center
                                                                                  : Align::Right;
      const Shared<ParaStyle> cell = std::move(cell_style), head = std::move(head_style);
      if (col.renamed) out.header.push_back({para(col.title, head)});
      else out.header.push_back({plain_text(col.title.value, head, col.title.loc)});
      for (size_t r = 0; r < data.rows.size(); ++r) {
        TableCell& tc = out.rows[r][c];
        tc.para = plain_text(shown[r], cell, data.cell_location(r, col.field));
        if (align != model::ColumnAlign::Decimal) continue;
        const std::string& text = tc.para.runs[0].text;
        const size_t at = text.rfind(sign);
        tc.decimal_at = at == std::string::npos ? number_end(text) : at;
      }
    }
  }

  // Text as one run in the style's own character style. A line break in a
  // data value stays one (U+2028, as markup's hard break).
  Paragraph plain_text(const std::string& text, const Shared<ParaStyle>& style, const SourceLoc& loc) {
    std::string t;
    t.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      if (text[i] == '\n' || text[i] == '\r') t += "\u2028";
      else t += text[i];
    }
    return Paragraph{style, {Run{std::move(t), runs_.plain(style)}}, loc};
  }

  // Where a value without a decimal sign ends its digits ("12%" → 2), so
  // it lines up with the signs of its column.
  static size_t number_end(const std::string& text) {
    size_t end = text.size();
    while (end > 0 && !std::isdigit(static_cast<unsigned char>(text[end - 1]))) --end;
    return end == 0 ? text.size() : end;
  }

  const model::Layout& layout_;
  std::set<std::string> reported_links_;
  std::map<std::pair<std::string, std::string>, std::shared_ptr<const ParaStyle>> boxes_;
  // Paragraph styles by (style name, kind), as block_style() and
  // fallback() made them; keeping()'s by the style they change (which
  // they keep, so its address is not reused).
  std::map<std::pair<std::string, std::string>, Shared<ParaStyle>> styles_;
  std::map<const ParaStyle*, std::pair<Shared<ParaStyle>, Shared<ParaStyle>>> keeping_;
  const Variables& vars_;
  Diagnostics& diags_;
  std::shared_ptr<const Cascade> cascade_;  // the prepared one, or this build's own
  MarkupCache* markup_;
  Expansion expansion_;
  Footnotes notes_;
  RunStyles runs_{cascade_.get()};
  size_t cuts_ = 0;  // texts that had footnote references cut out
  std::shared_ptr<const Again> again_;  // made at the first text deferred
  size_t whole_left_ = kWholeTextBytes;
};

// A Markdown file's text resolved again (Flow::pending): the file is
// converted once more and only the blocks emptied are resolved.
class TextAgain : public PendingText {
 public:
  TextAgain(std::shared_ptr<const Resolver::Again> again, std::shared_ptr<const model::DeferredBlocks> source)
      : again_(std::move(again)), source_(std::move(source)) {}

  void fill(base::Chunked<Block>& blocks, size_t first, const std::vector<bool>& stripped,
            Diagnostics& diags) const override {
    Diagnostics quiet;  // reported when the blocks were first resolved
    Resolver r(*again_, quiet);
    size_t k = 0;
    source_->each(diags, [&](model::Block&& made) {
      const size_t at = k++;
      if (at >= stripped.size() || !stripped[at] || first + at < blocks.dropped() || first + at >= blocks.size())
        return;
      Block whole = r.again(made);
      Block& kept = blocks[first + at];
      for (size_t i = 0; i < kept.paras.size() && i < whole.paras.size(); ++i)
        kept.paras[i].runs = std::move(whole.paras[i].runs);
      for (size_t i = 0; i < kept.items.size() && i < whole.items.size(); ++i)
        kept.items[i].para.runs = std::move(whole.items[i].para.runs);
    });
  }

 private:
  std::shared_ptr<const Resolver::Again> again_;
  std::shared_ptr<const model::DeferredBlocks> source_;
};

void Resolver::defer_text(Flow& out, size_t first, const std::shared_ptr<const model::DeferredBlocks>& source) {
  const auto plain = [](const Paragraph& p) {
    for (const Run& r : p.runs)
      if (r.style->note != 0 || !r.style->image.empty()) return false;
    return true;
  };
  if (whole_left_ > 0) {
    size_t bytes = 0;
    for (size_t k = first; k < out.blocks.size(); ++k) {
      const Block& b = out.blocks[k];
      for (const Paragraph& para : b.paras)
        for (const Run& r : para.runs) bytes += r.text.size();
      for (const ListItem& item : b.items)
        for (const Run& r : item.para.runs) bytes += r.text.size();
    }
    if (bytes <= whole_left_) {
      whole_left_ -= bytes;
      return;
    }
    whole_left_ = 0;
  }
  Flow::Pending p{first, std::vector<bool>(out.blocks.size() - first, false), nullptr};
  bool any = false;
  for (size_t k = 0; k < p.stripped.size(); ++k) {
    Block& b = out.blocks[first + k];
    if (!b.fixed || (b.kind != BlockKind::Paragraph && b.kind != BlockKind::Quote &&
                     b.kind != BlockKind::Callout && b.kind != BlockKind::List))
      continue;
    if (!std::all_of(b.paras.begin(), b.paras.end(), plain) ||
        !std::all_of(b.items.begin(), b.items.end(), [&](const ListItem& i) { return plain(i.para); }))
      continue;
    for (Paragraph& para : b.paras) std::vector<Run>().swap(para.runs);
    for (ListItem& item : b.items) std::vector<Run>().swap(item.para.runs);
    p.stripped[k] = any = true;
  }
  if (!any) return;
  // Without the markup cache: a build that reads its model once lets the
  // cache go after resolve (cli's build_once), and a long report's text
  // parsed again would fill it up to its budget a second time.
  if (!again_) again_ = std::make_shared<const Again>(Again{layout_, vars_, cascade_, nullptr, expansion_.root});
  p.text = std::make_shared<const TextAgain>(again_, source);
  out.pending.push_back(std::move(p));
}

// Where a variable is defined, for errors in its value.
SourceLoc definition_of(const std::string& name, const model::Document& doc) {
  const model::Meta& m = doc.meta;
  if (name == "meta.title") return m.title.loc;
  if (name == "meta.subtitle") return m.subtitle.loc;
  if (name == "meta.author") return m.author.loc;
  if (name == "meta.subject") return m.subject.loc;
  if (name.compare(0, 5, "meta.") == 0) return m.loc;
  auto it = doc.variables.find(name);
  if (it != doc.variables.end()) return it->second.loc;
  return {"--set " + name, 0, 0};
}

// A value that still holds {{...}} after make_variables() did not expand:
// report why, once per value, where it is defined. {{page}} in a value is
// fine here; it fails only where the value is used outside master text.
void check_values(const Variables& vars, const model::Document& doc, Diagnostics& diags) {
  Variables with_pages = vars;
  with_pages.emplace("page", "");
  with_pages.emplace("pages", "");
  Expansion expansion;
  for (const auto& [name, value] : vars) {
    if (!has_reference(value)) continue;
    if (name.compare(0, 10, "variables.") == 0 && vars.count(name.substr(10))) continue;
    ExpandOptions opts;
    opts.self = name;
    opts.document = &expansion;
    expand(value, with_pages, definition_of(name, doc), diags, opts);
  }
}

void check_meta_lengths(const Variables& vars, const model::Document& doc, Diagnostics& diags) {
  for (const char* name : {"meta.title", "meta.subtitle", "meta.author", "meta.subject", "meta.keywords"}) {
    const auto it = vars.find(name);
    if (it == vars.end() || it->second.size() <= kMaxMetaBytes) continue;
    diags.error(definition_of(name, doc), std::string(name + 5) + " is " + std::to_string(it->second.size()) +
                                              " bytes long; a PDF's document information takes at most " +
                                              std::to_string(kMaxMetaBytes));
  }
}

}  // namespace

std::optional<StyledDoc> resolve(const model::Document& doc, const model::Layout& layout, const Variables& vars,
                                 Diagnostics& diags, const Prepared* prepared, const FixedBlocks* reuse,
                                 FixedBlocks* record) {
  const int errors_before = diags.error_count();
  StyledDoc out = resolve_all(doc, layout, vars, diags, prepared, reuse, record);
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

namespace {

// resolve_all() of a const document, or of one whose blocks it frees.
template <class Doc>
StyledDoc resolve_flows(Doc& doc, const model::Layout& layout, const Variables& vars, Diagnostics& diags,
                        const Prepared* prepared, const FixedBlocks* reuse, FixedBlocks* record,
                        size_t whole_text_bytes = kWholeTextBytes) {
  check_values(vars, doc, diags);
  check_meta_lengths(vars, doc, diags);
  Resolver r(doc, layout, vars, diags, prepared);
  r.keep_whole(whole_text_bytes);
  StyledDoc out;
  for (size_t i = 0; i < doc.flows.size(); ++i) out.flows.push_back(r.flow(doc.flows[i], i, reuse, record));
  out.notes = r.notes();
  out.styles = prepared && prepared->cascade() ? prepared->styles() : r.cascade()->with_defaults();
  out.variables = vars;
  // Without `meta:`, the content file itself.
  out.meta_loc = doc.meta.loc.line > 0 ? doc.meta.loc : SourceLoc{doc.path, 0, 0};
  out.master_text = master_text(layout, out.styles, vars, diags, r.cascade().get(), r.markup(), doc.root);
  return out;
}

}  // namespace

StyledDoc resolve_all(const model::Document& doc, const model::Layout& layout, const Variables& vars,
                      Diagnostics& diags, const Prepared* prepared, const FixedBlocks* reuse,
                      FixedBlocks* record) {
  return resolve_flows(doc, layout, vars, diags, prepared, reuse, record);
}

StyledDoc resolve_freeing(model::Document& doc, const model::Layout& layout, const Variables& vars,
                          Diagnostics& diags, const Prepared* prepared, size_t whole_text_bytes) {
  return resolve_flows(doc, layout, vars, diags, prepared, nullptr, nullptr, whole_text_bytes);
}

Paragraph resolve_text(const model::Text& text, const ParaStyle& style, const Variables& vars,
                       Diagnostics& diags, const Cascade* cascade, MarkupCache* cache, Expansion* expansion) {
  return Paragraph{style, markup_runs(text, style, cascade, vars, diags, cache, expansion), text.loc};
}

}  // namespace galley::resolve
