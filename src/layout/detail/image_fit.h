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
// centres the whole image, cover fills the box and clips the overflow
// (centred), fill stretches.
void fit_image(Image& img, double x, double y, double w, double h, model::Fit fit);

}  // namespace galley::layout
