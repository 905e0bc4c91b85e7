// Placing an image of a pixel size in a box: contain, cover or fill.
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "layout/page.h"
#include "model/document.h"

namespace galley::layout {

// An image of the file at `path`, not yet placed: its pixel size (PNG,
// JPEG), or a vector graphic's page, size in points and colour mapping,
// probed and checked; nullopt after an error at `loc`.
std::optional<Image> probe_image(const std::string& path, int page,
                                 std::vector<std::pair<uint32_t, Color>> recolor, const SourceLoc& loc,
                                 Diagnostics& diags);
// Its height when `w` wide, in proportion.
double height_at(const Image& img, double w);

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
