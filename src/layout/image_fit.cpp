#include "detail/image_fit.h"

#include <algorithm>

namespace galley::layout {

void fit_image(Image& img, double x, double y, double w, double h, model::Fit fit, double focus_x,
               double focus_y) {
  img.clip_x = x, img.clip_y = y, img.clip_w = w, img.clip_h = h;
  img.x = x, img.y = y, img.w = w, img.h = h;
  if (fit == model::Fit::Fill || img.pixel_width <= 0 || img.pixel_height <= 0) return;
  const double sx = w / img.pixel_width, sy = h / img.pixel_height;
  const double s = fit == model::Fit::Contain ? std::min(sx, sy) : std::max(sx, sy);
  img.w = img.pixel_width * s;
  img.h = img.pixel_height * s;
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
