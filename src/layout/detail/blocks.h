// Measuring each kind of block at a column width into slices (see
// measured.h). One function per block kind; all share the line model of
// text_setter.h.
#pragma once
#include <string>
#include <vector>

#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

// One line of a table of contents, with the printed page label.
struct TocEntry {
  std::string title;
  int level = 1;
  std::string dest;
  std::string page;  // "" until the first pass has placed the heading
};

// Appends a slice per line of `para` set at `width`, shifted right by `x`.
// The first slice gets `gap` above it; breaks honour widows and orphans
// (and never after fewer than `min_first` lines).
void append_lines(const resolve::Paragraph& para, double width, double x, double gap,
                  int min_first, TextSetter& ts, std::vector<Slice>& out);

// Draws `para` at (x, y) into one list of items; returns its height.
double draw_paragraph(const resolve::Paragraph& para, double width, double x, double y,
                      TextSetter& ts, std::vector<Item>& items, std::vector<Link>& links);

// Folds slices into one unbreakable slice (callouts, boxes).
Slice merge_slices(const std::vector<Slice>& slices);

// title, heading, paragraph, quote, callout
MeasuredBlock measure_text_block(const resolve::Block& b, double width, TextSetter& ts);
MeasuredBlock measure_list(const resolve::Block& b, double width, TextSetter& ts);
MeasuredBlock measure_table(const resolve::Block& b, double width, TextSetter& ts);
MeasuredBlock measure_image(const resolve::Block& b, double width, double height, TextSetter& ts);
// A figure's caption (image, QR code, chart), set at the column's width
// with its gap above, to go under the drawing.
struct Caption {
  std::vector<Item> items;
  std::vector<Link> links;
  double height = 0;
};
Caption measure_caption(const resolve::Block& b, double width, TextSetter& ts);
// Ends a figure block of one slice `s` whose drawing is `h` tall: the
// caption under it, the block's spacing and anchor.
void finish_figure(const resolve::Block& b, Slice s, double h, Caption caption, MeasuredBlock& m);

MeasuredBlock measure_chart(const resolve::Block& b, double width, double height, TextSetter& ts);
MeasuredBlock measure_qr(const resolve::Block& b, double width, TextSetter& ts);
MeasuredBlock measure_toc(const resolve::Block& b, double width, TextSetter& ts,
                          const std::vector<TocEntry>& entries,
                          const std::map<std::string, resolve::ParaStyle>& styles);

// Adds an anchor for the block's id (and the outline entry of a heading)
// to its first slice.
void add_block_anchor(const resolve::Block& b, MeasuredBlock& m);

}  // namespace galley::layout
