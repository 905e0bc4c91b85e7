// Images: width a length or a percentage of the column (default 100 %, never
// wider than the column), height from the aspect ratio unless given (then
// the picture is fitted to that box, cropped by default), aligned in the
// column (centred by default), caption below; never split, and scaled down
// to fit a column that is too short. The alt text travels to the PDF in
// Image::alt.
#include <algorithm>

#include "image/image.h"
#include "detail/image_block.h"
#include "detail/paragraph_block.h"
#include "detail/image_fit.h"
#include "detail/structure.h"

namespace galley::layout {

Caption measure_caption(const resolve::Block& b, double width, TextSetter& ts) {
  Caption c;
  if (!b.figure->caption || b.figure->caption->runs.empty()) return c;
  const double gap = std::max(b.figure->caption->style->space_before, 0.25 * b.figure->caption->style->size);
  c.height = gap + draw_paragraph(*b.figure->caption, width, 0, gap, ts, c.items, c.links);
  return c;
}

void finish_figure(const resolve::Block& b, Slice s, double h, Caption caption, MeasuredBlock& m) {
  if (!caption.items.empty()) s.items.push_back(Mark{add_node(m, "Caption", -1, b.figure->caption->loc)});
  for (Item& it : caption.items) {
    translate(it, 0, h);
    s.items.push_back(std::move(it));
  }
  for (Link& l : caption.links) {
    l.y += h;
    s.links.push_back(std::move(l));
  }
  s.height = h + caption.height;
  m.slices.push_back(std::move(s));
  m.space_after = b.box->space_after;
  m.keep_with_next = b.keep_with_next;
  add_block_anchor(b, m);
}

MeasuredBlock measure_image(const resolve::Block& b, double width, double height, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  auto probed = probe_image(b.figure->src, b.figure->page, b.figure->recolor, b.loc, ts.diags());
  if (!probed) return m;
  double w = std::clamp(b.figure->width ? b.figure->width->resolve(width) : width, 1.0, width);
  // A given height is a box of its own; a percentage is of the column's.
  double h = b.figure->height ? std::max(1.0, b.figure->height->resolve(height)) : height_at(*probed, w);
  Caption caption = measure_caption(b, width, ts);
  // An image never splits, so it shrinks to fit the column with its caption.
  if (h + caption.height > height && height - caption.height > 1) {
    const double k = (height - caption.height) / h;
    w *= k;
    h *= k;
  }
  Slice s;
  s.gap_before = b.box->space_before;
  Image img = std::move(*probed);
  img.alt = b.figure->alt;
  fit_image(img, aligned_x(b.figure->align, model::HAlign::Center, w, width), 0, w, h, b.figure->fit, b.figure->focus_x, b.figure->focus_y);
  // A decorative image is an artifact: its slice starts unmarked.
  if (!b.figure->decorative) {
    const int figure = add_node(m, "Figure", -1, b.loc);
    m.structure[static_cast<size_t>(figure)].alt = b.figure->alt;
    s.items.push_back(Mark{figure});
  }
  s.items.push_back(std::move(img));
  finish_figure(b, std::move(s), h, std::move(caption), m);
  return m;
}

}  // namespace galley::layout
