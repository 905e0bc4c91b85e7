// Images: width a length or a percentage of the column (default 100 %, never
// wider than the column), height from the aspect ratio unless given (then
// the picture is fitted to that box, cropped by default), aligned in the
// column (centred by default), caption below; never split, and scaled down
// to fit a column that is too short. The alt text travels to the PDF in
// Image::alt.
#include <algorithm>

#include "image/image.h"
#include "detail/blocks.h"
#include "detail/image_fit.h"
#include "detail/structure.h"

namespace galley::layout {

std::optional<std::pair<int, int>> image_pixels(const std::string& path, const SourceLoc& loc,
                                                Diagnostics& diags) {
  const auto info = image::probe(path, diags, loc);
  if (!info || info->width <= 0 || info->height <= 0) return std::nullopt;
  return std::pair{info->width, info->height};
}

MeasuredBlock measure_image(const resolve::Block& b, double width, double height, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  const auto px = image_pixels(b.src, b.loc, ts.diags());
  if (!px) return m;
  double w = std::clamp(b.width ? b.width->resolve(width) : width, 1.0, width);
  // A given height is a box of its own; a percentage is of the column's.
  double h = b.height ? std::max(1.0, b.height->resolve(height)) : w * px->second / px->first;
  Slice s;
  std::vector<Item> caption_items;
  double caption_h = 0;
  if (b.caption && !b.caption->runs.empty()) {
    const double gap = std::max(b.caption->style.space_before, 0.25 * b.caption->style.size);
    caption_h = gap + draw_paragraph(*b.caption, width, 0, gap, ts, caption_items, s.links);
  }
  // An image never splits, so it shrinks to fit the column with its caption.
  if (h + caption_h > height && height - caption_h > 1) {
    const double k = (height - caption_h) / h;
    w *= k;
    h *= k;
  }
  s.gap_before = b.box->space_before;
  Image img;
  img.path = b.src;
  img.pixel_width = px->first;
  img.pixel_height = px->second;
  img.alt = b.alt;
  img.loc = b.loc;
  fit_image(img, aligned_x(b.align, model::HAlign::Center, w, width), 0, w, h, b.fit, b.focus_x, b.focus_y);
  // A decorative image is an artifact: its slice starts unmarked.
  if (!b.decorative) {
    const int figure = add_node(m, "Figure", -1, b.loc);
    m.structure[static_cast<size_t>(figure)].alt = b.alt;
    s.items.push_back(Mark{figure});
  }
  s.items.push_back(std::move(img));
  if (!caption_items.empty()) s.items.push_back(Mark{add_node(m, "Caption", -1, b.caption->loc)});
  for (Item& it : caption_items) {
    translate(it, 0, h);
    s.items.push_back(std::move(it));
  }
  for (Link& l : s.links) l.y += h;
  s.height = h + caption_h;
  m.slices.push_back(std::move(s));
  m.space_after = b.box->space_after;
  m.keep_with_next = b.keep_with_next;
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
