// Images: width a length or a percentage of the column (default 100 %, never
// wider than the column), height from the aspect ratio, centred, caption
// below; never split, and scaled down to fit a column that is too short. The alt text travels to the PDF in Image::alt.
#include <algorithm>

#include "image/image.h"
#include "layout/blocks.h"
#include "layout/image_fit.h"
#include "layout/structure.h"

namespace galley::layout {

std::optional<std::pair<int, int>> image_pixels(const std::string& path, const SourceLoc& loc,
                                                Diagnostics& diags) {
  const auto info = image::probe(path, diags, loc);
  if (!info || info->width <= 0 || info->height <= 0) return std::nullopt;
  return std::pair{info->width, info->height};
}

Caption measure_caption(const resolve::Block& b, double width, TextSetter& ts) {
  Caption c;
  if (!b.caption || b.caption->runs.empty()) return c;
  const double gap = std::max(b.caption->style.space_before, 0.25 * b.caption->style.size);
  c.height = gap + draw_paragraph(*b.caption, width, 0, gap, ts, c.items, c.links);
  return c;
}

void finish_figure(const resolve::Block& b, Slice s, double h, Caption caption, MeasuredBlock& m) {
  if (!caption.items.empty()) s.items.push_back(Mark{add_node(m, "Caption", -1, b.caption->loc)});
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
  const auto px = image_pixels(b.src, b.loc, ts.diags());
  if (!px) return m;
  double w = std::clamp(b.width ? b.width->resolve(width) : width, 1.0, width);
  double h = w * px->second / px->first;
  Caption caption = measure_caption(b, width, ts);
  // An image never splits, so it shrinks to fit the column with its caption.
  if (h + caption.height > height && height - caption.height > 1) {
    const double k = (height - caption.height) / h;
    w *= k;
    h *= k;
  }
  Slice s;
  s.gap_before = b.box->space_before;
  Image img;
  img.path = b.src;
  img.pixel_width = px->first;
  img.pixel_height = px->second;
  img.alt = b.alt;
  img.loc = b.loc;
  fit_image(img, (width - w) / 2, 0, w, h, b.fit);
  // A decorative image is an artifact: its slice starts unmarked.
  if (!b.decorative) {
    const int figure = add_node(m, "Figure", -1, b.loc);
    m.structure[static_cast<size_t>(figure)].alt = b.alt;
    s.items.push_back(Mark{figure});
  }
  s.items.push_back(std::move(img));
  finish_figure(b, std::move(s), h, std::move(caption), m);
  return m;
}

}  // namespace galley::layout
