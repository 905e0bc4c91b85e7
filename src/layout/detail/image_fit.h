// Placing an image of a pixel size in a box: contain, cover or fill.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "layout/page.h"
#include "model/document.h"

namespace galley::layout {

// The image's pixel size (width, height), probed from the file; an
// unreadable image is an error at `loc`.
std::optional<std::pair<int, int>> image_pixels(const std::string& path, const SourceLoc& loc,
                                                Diagnostics& diags);

// Sets the placement (x, y, w, h) and clip of `img` for the box; contain
// centres the whole image, cover fills the box and clips the overflow, fill
// stretches. Cover keeps the point (focus_x, focus_y) of the picture
// (fractions of its size from the top left) at the same fractions of the
// box, so it stays in view: the centre by default.
void fit_image(Image& img, double x, double y, double w, double h, model::Fit fit, double focus_x = 0.5,
               double focus_y = 0.5);

// Where a block `w` wide starts in a column `width` wide.
double aligned_x(std::optional<model::HAlign> align, model::HAlign fallback, double w, double width);

}  // namespace galley::layout
