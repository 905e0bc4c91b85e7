// Internal to print/: the individual preflight checks, each about one
// display-list item on one page. `page` is the finding's prefix, e.g. "page 3".
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "print/font_facts.h"

namespace galley::print::detail {

inline constexpr double kSafeZone = 9;        // 0.125in inside the trim, points
inline constexpr double kGoodDpi = 300;
inline constexpr double kPoorDpi = 150;

// How a finding names an element: "text 'Program history of the…'",
// "image 'campus.png'".
std::string describe(const layout::GlyphRun& run);
std::string describe(const layout::Image& image);

// Ink bounds of a run (trailing and leading spaces ignored), in page
// coordinates; nullopt when the run draws nothing but spaces.
struct Bounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::optional<Bounds> run_bounds(const layout::GlyphRun& run, const FontFacts& font);

void check_resolution(const layout::Image& image, const std::string& page, Diagnostics& diags);
void check_safe_zone(const layout::Page& page, const Bounds& ink, bool may_bleed, const std::string& what,
                     const std::string& page_name, const SourceLoc& loc, Diagnostics& diags);

}  // namespace galley::print::detail
