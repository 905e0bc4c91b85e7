#include <algorithm>
#include <cmath>

#include "detail/resolution.h"
#include "detail/describe.h"

namespace galley::print::detail {

void check_resolution(const layout::Image& image, const std::string& page, Diagnostics& diags) {
  if (image.w <= 0 || image.h <= 0 || image.pixel_width <= 0 || image.pixel_height <= 0) return;
  // Pixels over the placed size of the whole image: a `cover` crop shows
  // part of it at this same scale.
  const double dpi = std::min(image.pixel_width / (image.w / 72), image.pixel_height / (image.h / 72));
  const std::string at = page + ": " + describe(image) + " is " + std::to_string(static_cast<long>(std::floor(dpi))) + " dpi";
  if (dpi < kPoorDpi) {
    diags.warning(image.loc, at + " (under 150 dpi: it will print visibly pixelated)");
  } else if (dpi < kGoodDpi) {
    diags.warning(image.loc, at + " (under 300 dpi)");
  }
}

}  // namespace galley::print::detail
