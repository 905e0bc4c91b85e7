// Internal to print/: how a preflight finding names an element, e.g.
// "text 'Program history of the…'", "image 'campus.png'".
#pragma once
#include <string>

#include "layout/page.h"

namespace galley::print::detail {

std::string describe(const layout::GlyphRun& run);
std::string describe(const layout::Image& image);
std::string describe(const layout::Figure& figure);  // "figure 'QR code: https://…'"

}  // namespace galley::print::detail
