// Setting text blocks (title, heading, paragraph, quote, callout) and the
// line-setting every block kind shares: slices of lines at a column width
// (see measured.h), paragraphs drawn in one piece, anchors.
#pragma once
#include <vector>

#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

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

// Adds an anchor for the block's id (and the outline entry of a heading)
// to its first slice.
void add_block_anchor(const resolve::Block& b, MeasuredBlock& m);

}  // namespace galley::layout
