// Styled blocks: what resolve/ hands to text/ and layout/. Variables are
// substituted, the style cascade (`base:`) is flattened, and inline markup
// has become runs with character styles.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/layout.h"
#include "resolve/markup_cache.h"

namespace galley::resolve {

class Cascade;

using model::Align;
using model::Color;

// A fully resolved paragraph style: every field has a value.
struct ParaStyle {
  std::string name;
  std::string font = "Noto Serif";  // family name in the layout's fonts
  bool bold = false, italic = false;
  double size = 10, leading = 13;
  Align align = Align::Left;
  bool hyphenate = false;
  std::string language = "en-US";
  double space_before = 0, space_after = 0;
  double first_indent = 0, left_indent = 0, right_indent = 0;
  bool keep_with_next = false;
  int widows = 2, orphans = 2;
  Color color = Color::black();
  std::optional<Color> background, border;
  double border_width = 0, padding = 0, radius = 0;
  std::vector<std::string> features;  // "smcp", "-liga", ...
  double tracking = 0;                // em/1000
  bool uppercase = false;
  bool smart_quotes = true;           // straight quotes become the language's
  // Justification (docs/linebreaking.md): TeX's \emergencystretch for the
  // final pass, a percentage of `size` when `percent`; optical margin
  // alignment; font expansion as a fraction of a glyph's width, each way.
  model::Length emergency_stretch{100, true, {}};
  bool protrusion = true;
  double expansion = 0.02;
};

// The character-level part of a style, for one run of text.
struct CharStyle {
  std::string font;
  bool bold = false, italic = false;
  double size = 10;
  Color color = Color::black();
  std::vector<std::string> features;
  double tracking = 0;
  std::string language;
  std::string link;       // URI or "#id" for internal links; empty for none
  bool code = false;
};

// One run of text in one character style. U+00A0, U+00AD and U+2028 (a hard
// line break from the markup) are kept as characters for the line breaker.
struct Run {
  std::string text;  // UTF-8
  CharStyle style;
};

struct Paragraph {
  ParaStyle style;
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
};

struct Block {
  model::BlockKind kind = model::BlockKind::Paragraph;
  SourceLoc loc;
  std::string id;
  bool keep_with_next = false;
  int level = 1;                    // heading
  bool in_toc = true;               // heading: listed in a table of contents

  // title, heading, paragraph, callout: one; quote: text then attribution.
  std::vector<Paragraph> paras;
  // The box style (background, border, padding, spacing) of quotes,
  // callouts, tables, images and QR codes; never null. It and the caption
  // live out of line, shared by copies of the block: layout empties each
  // block it has placed, and a long report's emptied blocks stay small.
  std::shared_ptr<const ParaStyle> box = default_box();

  std::vector<ListItem> items;      // list, flattened in reading order

  std::string src;                  // image
  std::string alt;
  bool decorative = false;          // image: an artifact in tagged PDF
  std::optional<model::Length> width;
  model::Fit fit = model::Fit::Contain;
  std::shared_ptr<const Paragraph> caption;  // image, qr; null for none

  std::vector<TableCell> header;                 // table
  std::vector<std::vector<TableCell>> rows;
  std::vector<model::Length> column_widths;
  bool header_repeat = true;
  bool row_headers = false;         // the first cell of each row is its header

  std::string data;                 // qr
  double qr_size = 72;

  model::BreakKind break_kind = model::BreakKind::Page;

  std::shared_ptr<const Chart> chart;  // chart; its alt text is `alt`
};

struct Flow {
  std::string name;
  SourceLoc loc;
  std::vector<Block> blocks;
};

// Values for {{name}}: "meta.title", "recipient" (= "variables.recipient"), ...
using Variables = std::map<std::string, std::string>;

struct StyledDoc {
  std::vector<Flow> flows;
  // Every style of the layout, resolved; plus, for each default style name
  // the layout lacks (body, title, h1..h4, list, quote, quote-by, callout,
  // caption, table, th, td, toc, header, footer, chart), the style resolve() used
  // in its place.
  std::map<std::string, ParaStyle> styles;
  Variables variables;
  SourceLoc meta_loc;  // the content file's `meta:`, where a missing title is reported
  // The parses resolve() used (prepared.h), for master text; null when
  // resolve() had none.
  MarkupCache* markup = nullptr;
  // The character styles resolve() used, so master text set by layout/
  // takes the same (a footer's **bold** is the layout's `strong`).
  std::shared_ptr<const Cascade> cascade;
};

}  // namespace galley::resolve
