// Styled blocks: what resolve/ hands to text/ and layout/. Variables are
// substituted, the style cascade (`base:`) is flattened, and inline markup
// has become runs with character styles.
#pragma once
#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/chunked.h"
#include "diag/diagnostic.h"
#include "model/document.h"
#include "model/layout.h"
#include "detail/markup_cache.h"

namespace galley::resolve {

using model::Align;
using model::Color;

// A style that paragraphs, runs, shaped runs and lines share instead of a
// copy each (a ParaStyle is about 700 bytes, a CharStyle 350; a long
// report's text held one per paragraph and run, 22 MB for 1,000 pages).
// Immutable once shared: edit() gives a handle its own copy first when any
// other holds it, so a thread reading a style (the measuring worker, the
// writer thread, a batch or serve request reusing a cached block) never sees
// it change. Reads go through `->` or the conversion to `const T&`.
template <class T>
class Shared {
 public:
  // The default style, one for the process: a default-made run or
  // paragraph allocates nothing.
  Shared() : p_(fallback()) {}
  Shared(const T& value) : p_(std::make_shared<T>(value)) {}
  Shared(T&& value) : p_(std::make_shared<T>(std::move(value))) {}

  const T& operator*() const { return *p_; }
  const T* operator->() const { return p_.get(); }
  operator const T&() const { return *p_; }

  // This handle's style to change, copied first unless this handle is its
  // only holder. A holder let go on another thread released its count
  // (acq_rel), so the acquire fence orders its last reads before our writes.
  T& edit() {
    if (p_.use_count() == 1) std::atomic_thread_fence(std::memory_order_acquire);
    else p_ = std::make_shared<T>(*p_);
    return *p_;
  }

  // The same style object, not merely equal values.
  bool same(const Shared& other) const { return p_ == other.p_; }

 private:
  static const std::shared_ptr<T>& fallback() {
    static const std::shared_ptr<T> value = std::make_shared<T>();
    return value;
  }
  std::shared_ptr<T> p_;
};

// An optional value held out of line, for a field of Block that few blocks
// set: a model::Length is 56 bytes (with its SourceLoc) and a long report
// keeps one Block per paragraph, most of them images of none. Reads like a
// std::optional (`if (v) v->...`); a copy copies the value.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}
  Boxed(const T& value) : p_(std::make_unique<T>(value)) {}
  Boxed(const std::optional<T>& value) : p_(value ? std::make_unique<T>(*value) : nullptr) {}
  Boxed(const Boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;

  explicit operator bool() const { return p_ != nullptr; }
  bool has_value() const { return p_ != nullptr; }
  const T& operator*() const { return *p_; }
  const T* operator->() const { return p_.get(); }

 private:
  std::unique_ptr<T> p_;
};

// A fully resolved paragraph style: every field has a value.
struct ParaStyle {
  std::string name;
  double leading = 13;
  Align align = Align::Left;
  Color color = Color::black();
  std::optional<Color> background, border;
  // Justification (docs/linebreaking.md): TeX's \emergencystretch for the
  // final pass, a percentage of `size` when `percent`; font expansion as a
  // fraction of a glyph's width, each way.
  model::Length emergency_stretch{100, true, {}};
  double expansion = 0.02;
  // The plain and character keys with their defaults (model/style_keys.h):
  // font, weight, slant, size, language, OpenType features, tracking
  // (em/1000), hyphenate, indents and spacing, widows and orphans, box
  // padding and border width, uppercase, smart quotes (straight quotes
  // become the language's), optical margin alignment (protrusion).
#define GALLEY_STYLE_MEMBER(key, member, type, fallback, read) type member = fallback;
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_MEMBER)
#undef GALLEY_STYLE_MEMBER
  // Set by layout, never by a style: a line may break between any two
  // graphemes, for a word wider than its table cell.
  bool break_anywhere = false;
};

// The character-level part of a style, for one run of text.
struct CharStyle {
  // The character keys (model/style_keys.h), with a style's defaults.
#define GALLEY_STYLE_MEMBER(key, member, type, fallback, read) type member = fallback;
  GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_MEMBER)
#undef GALLEY_STYLE_MEMBER
  Color color = Color::black();
  std::string link;       // URI or "#id" for internal links; empty for none
  bool code = false;
  // A footnote reference: its note, StyledDoc::notes[note - 1], or -note
  // for a repeated reference, which prints the number only; 0 for none.
  int note = 0;
  double rise = 0;        // points the baseline is raised (a reference mark)
  bool strike = false;    // `~~text~~`: drawn with a line through it
  // `![alt](file)` inside text: the run is one U+FFFC that text/ sets as a
  // box of the image's width at the font's cap height, layout/ draws the
  // image there. An absolute path; empty for text.
  std::string image;
  std::string image_alt;
};

// A run in paragraph style `p` with no character style: its character keys
// and colour.
CharStyle char_style(const ParaStyle& p);

// One run of text in one character style. U+00A0, U+00AD and U+2028 (a hard
// line break from the markup) are kept as characters for the line breaker.
struct Run {
  std::string text;  // UTF-8
  Shared<CharStyle> style;
};

struct Paragraph {
  Shared<ParaStyle> style;
  std::vector<Run> runs;
  SourceLoc loc;

  std::string plain_text() const;  // the runs' text concatenated
};

// A default ParaStyle, shared: blocks made without a style allocate none.
const std::shared_ptr<const ParaStyle>& default_box();

struct ListItem {
  std::string marker;  // "•", "1.", "a." ...
  int depth = 0;       // 0 = top level
  Paragraph para;
};

struct TableCell {
  Paragraph para;
  // A cell of a column aligned on the decimal sign: the byte of
  // para.runs[0].text where the sign is, or the text's end when it has none.
  std::optional<size_t> decimal_at = std::nullopt;
};

// A chart with its colours and label style resolved (layout/chart_block.cpp).
struct Chart {
  model::ChartType type = model::ChartType::Bar;
  bool stacked = false, horizontal = false;
  bool legend = false;
  bool labels = false;                    // bar, line: values printed at the bars or points
  double hole = 0;                        // pie: donut hole, a fraction of the radius
  std::vector<std::string> categories;
  std::vector<model::ChartSeries> series;
  std::vector<Color> colors;              // series i (pie: slice i) takes colors[i % size]; never empty
  std::string x_label, y_label;           // axis titles; "" for none
  ParaStyle text;                         // axis, tick and legend labels
  std::optional<model::Length> width, height;
  double aspect = 0;                      // width / height
  model::CellFormat format;               // values and ticks (`format:`)
};

// What only an image, table, QR code or chart block holds (Block::figure).
struct Figure {
  std::string src;                  // image
  std::string alt;
  Boxed<model::Length> width;       // image, chart: the box's width
  Boxed<model::Length> height;      // image: the box's height
  model::Fit fit = model::Fit::Contain;
  std::optional<model::HAlign> align;    // image, qr: left, center or right in the column
  int page = 1;                     // image: the page of a PDF
  double focus_x = 0.5, focus_y = 0.5;   // image: kept in view when cropped
  // image: a vector graphic's RGB colours (0xRRGGBB) and what prints them.
  std::vector<std::pair<uint32_t, model::Color>> recolor;
  std::shared_ptr<const Paragraph> caption;  // image, qr; null for none

  std::vector<TableCell> header;                 // table
  std::vector<std::vector<TableCell>> rows;
  std::vector<model::ColumnWidth> column_widths;  // empty: all automatic
  bool header_repeat = true;
  bool row_headers = false;         // the first cell of each row is its header
  bool decorative = false;          // image: an artifact in tagged PDF

  std::string data;                 // qr
  double qr_size = 72;

  std::shared_ptr<const Chart> chart;  // chart; its alt text is `alt`
};

struct Block {
  model::BlockKind kind = model::BlockKind::Paragraph;
  model::BreakKind break_kind = model::BreakKind::Page;  // break
  SourceLoc loc;
  std::string id;
  bool keep_with_next = false;
  bool span_all = false;            // across every column of its frame
  int level = 1;                    // heading
  bool in_toc = true;               // heading: listed in a table of contents
  // Reads no variable and references no footnote: the same block in every
  // build of its document (resolve::FixedBlocks), so layout/ may reuse its
  // measurements from an earlier build (layout::Options::reuse).
  bool fixed = false;

  // title, heading, paragraph, callout: one; quote: text then attribution.
  std::vector<Paragraph> paras;
  // The box style (background, border, padding, spacing) of quotes,
  // callouts, tables, images and QR codes; never null. It and the caption
  // live out of line, shared by copies of the block: layout empties each
  // block it has placed, and a long report's emptied blocks stay small.
  std::shared_ptr<const ParaStyle> box = default_box();

  std::vector<ListItem> items;      // list, flattened in reading order

  // The image, table, QR code and chart fields, out of line and shared by
  // copies of the block: a long report keeps one Block per paragraph until
  // layout takes it, and in line these fields would be two thirds of each.
  // Read through `->`; set through edit().
  Shared<Figure> figure;
};

// A footnote's text in the `footnote` style. Its first run is its number;
// layout/ renumbers it and the references
// (CharStyle::note) by where they land (per page or through the document).
struct Footnote {
  Paragraph para;
};

// The text of a stretch of a flow's blocks, resolved again when layout
// reaches it (Flow::pending). Made by resolve/ (resolve_freeing()); layout/
// reaches it only through Flow::resolve_through().
class PendingText {
 public:
  virtual ~PendingText() = default;
  // Gives each block of `blocks` from `first` on that `stripped` marks
  // (and that is not let go) its runs back, resolved as they were the
  // first time. A source file changed since is an error in `diags`, and
  // those blocks stay without text.
  virtual void fill(base::Chunked<Block>& blocks, size_t first, const std::vector<bool>& stripped,
                    Diagnostics& diags) const = 0;
};

struct Flow {
  std::string name;
  SourceLoc loc;
  // In chunks: layout lets go of those its pages have left behind.
  base::Chunked<Block> blocks;

  // A lazy hand-off: stretches of `blocks` (a Markdown file's, from
  // resolve_freeing()) whose paragraphs and list items were resolved,
  // checked and then emptied of their runs, every other member kept
  // (kind, styles, locations, ids, headings' text). Layout makes each
  // stretch whole with resolve_through() before it reads a block's text,
  // in the order it places blocks, so a long report's styled text is never
  // whole: only the stretch in hand is. Only blocks that are the same in
  // any build are emptied (Block::fixed, no footnote reference, no image
  // inside text), so what checks the styled text before layout
  // (hyphenation languages, images inside text) finds the same.
  struct Pending {
    size_t first = 0;            // the stretch's first block
    std::vector<bool> stripped;  // by block from `first` to the stretch's end: its runs were emptied
    std::shared_ptr<const PendingText> text;
  };
  std::vector<Pending> pending;  // in block order

  // Makes whole every stretch that starts at or before `block` (SIZE_MAX:
  // all of them). Problems (a file changed since resolve) go to `diags`.
  void resolve_through(size_t block, Diagnostics& diags);
};

// Values for {{name}}: "meta.title", "recipient" (= "variables.recipient"), ...
using Variables = std::map<std::string, std::string>;

// What master text may name that is known only page by page, once the
// pages are laid out: the page number and count, and the running heads
// (docs/format.md, "Running heads"). In a template's run text slot k stands
// as the noncharacter U+FDE0 + k, which no text holds (U+FDD0 to U+FDD2
// stand for escapes while markup is parsed).
enum class Slot : unsigned char { Page, Pages, Section, SectionFirst, Chapter, ChapterFirst, Part, PartFirst };
inline constexpr std::array<std::string_view, 8> kSlotNames = {
    "page", "pages", "section", "section-first", "chapter", "chapter-first", "part", "part-first"};
inline std::string slot_marker(Slot s) {
  return {'\xEF', '\xB7', static_cast<char>(0xA0 + static_cast<int>(s))};
}
// The slot whose marker starts at `text[i]`, or -1.
inline int slot_at(const std::string& text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 2 >= text.size() || b(i) != 0xEF || b(i + 1) != 0xB7 || b(i + 2) < 0xA0 ||
      b(i + 2) >= 0xA0 + kSlotNames.size())
    return -1;
  return b(i + 2) - 0xA0;
}

// One text of a master page (a text element, header or footer) resolved
// once for the whole document: variables substituted, markup styled, the
// page's values left as slots that layout/ fills on each page.
struct TextTemplate {
  using Values = std::array<std::string, kSlotNames.size()>;  // by Slot

  Paragraph para;
  bool has_slots = false;
  // Bytes the variables added to it: set on every page, it adds them again,
  // and a document's variables may add 2 MiB in all (resolve/expand.h).
  size_t added = 0;

  // The paragraph with each slot replaced by its value (upper-cased when
  // the style says so), in its run's style; runs left empty are dropped.
  Paragraph fill(const Values& values) const;
};

struct StyledDoc {
  std::vector<Flow> flows;
  std::vector<Footnote> notes;  // in the order their first reference was resolved
  // Every style of the layout, resolved; plus, for each default style name
  // the layout lacks (body, title, h1..h4, list, quote, quote-by, callout,
  // caption, table, th, td, toc, header, footer, chart, footnote), the style resolve() used
  // in its place.
  std::map<std::string, ParaStyle> styles;
  Variables variables;
  SourceLoc meta_loc;  // the content file's `meta:` (the file, line 0, without one): where a missing title is reported
  // Master name → its text elements, then header, then footer, in that
  // order: those of every master the layout's sequence names.
  std::map<std::string, std::vector<TextTemplate>> master_text;

  // The files of the images inside text (`![alt](file)`): absolute, each
  // once, with the text that names it first; the flows' in order, their
  // notes', then master text's. Their paths are known only here (a path
  // may hold {{variables}}), so what a build reads (cli::input_files) and
  // the document's image budget take them from here.
  struct ImageUse {
    std::string path;
    SourceLoc loc;
  };
  std::vector<ImageUse> inline_images() const;
};

}  // namespace galley::resolve
