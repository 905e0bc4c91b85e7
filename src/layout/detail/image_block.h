// Measuring an image block, and the caption every figure block (image, QR
// code, chart) sets under its drawing.
#pragma once
#include <vector>

#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

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

}  // namespace galley::layout
