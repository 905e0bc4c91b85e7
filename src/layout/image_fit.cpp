#include "detail/image_fit.h"

#include <algorithm>

#include "image/image.h"
#include "image/image.h"

namespace galley::layout {

std::optional<Image> probe_image(const std::string& path, int page,
                                 std::vector<std::pair<uint32_t, Color>> recolor, const SourceLoc& loc,
                                 Diagnostics& diags) {
  const auto info = image::probe(path, diags, loc);
  if (!info) return std::nullopt;
  Image img;
  img.path = path;
  img.loc = loc;
  if (info->format == image::Format::Pdf || info->format == image::Format::Svg) {
    const auto vector = image::probe_vector(path, page, diags, loc);
    if (!vector) return std::nullopt;
    img.page = page;
    img.natural_w = vector->width;
    img.natural_h = vector->height;
    std::sort(recolor.begin(), recolor.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    img.recolor = std::move(recolor);
    return img;
  }
  if (info->width <= 0 || info->height <= 0) return std::nullopt;
  img.pixel_width = info->width;
  img.pixel_height = info->height;
  return img;
}

double height_at(const Image& img, double w) {
  return img.page > 0 ? w * img.natural_h / img.natural_w : w * img.pixel_height / img.pixel_width;
}

void fit_image(Image& img, double x, double y, double w, double h, model::Fit fit, double focus_x,
               double focus_y) {
  img.clip_x = x, img.clip_y = y, img.clip_w = w, img.clip_h = h;
  img.x = x, img.y = y, img.w = w, img.h = h;
  const double nw = img.page > 0 ? img.natural_w : img.pixel_width;
  const double nh = img.page > 0 ? img.natural_h : img.pixel_height;
  if (fit == model::Fit::Fill || !(nw > 0) || !(nh > 0)) return;
  const double sx = w / nw, sy = h / nh;
  const double s = fit == model::Fit::Contain ? std::min(sx, sy) : std::max(sx, sy);
  img.w = nw * s;
  img.h = nh * s;
  const bool cover = fit == model::Fit::Cover;
  img.x = x + (w - img.w) * (cover ? focus_x : 0.5);
  img.y = y + (h - img.h) * (cover ? focus_y : 0.5);
  if (fit == model::Fit::Contain) {
    img.clip_x = img.x, img.clip_y = img.y, img.clip_w = img.w, img.clip_h = img.h;
  }
}

double aligned_x(std::optional<model::HAlign> align, model::HAlign fallback, double w, double width) {
  switch (align.value_or(fallback)) {
    case model::HAlign::Left: return 0;
    case model::HAlign::Center: return (width - w) / 2;
    case model::HAlign::Right: return width - w;
  }
  return 0;
}

}  // namespace galley::layout
