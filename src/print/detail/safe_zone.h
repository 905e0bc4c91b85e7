// Internal to print/: where an element's ink is, and the check that it
// keeps clear of the trim edge. `page_name` is a finding's prefix, e.g.
// "page 3".
#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "font_facts.h"

namespace galley::print::detail {

inline constexpr double kSafeZone = 9;  // 0.125in inside the trim, points

// Ink bounds of a run (trailing and leading spaces ignored), in page
// coordinates; nullopt when the run draws nothing but spaces.
struct Bounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::optional<Bounds> run_bounds(const layout::GlyphRun& run, const FontFacts& font);
// What a figure's boxes, paths and images cover (a QR code's quiet zone
// included); its text is checked as text. nullopt when they cover nothing.
std::optional<Bounds> figure_bounds(std::span<const layout::Item> covered);

// `what` names the element, asked for only when there is something to
// report (a long report has a few hundred thousand runs, nearly all well
// inside the trim).
void check_safe_zone(const layout::Page& page, const Bounds& ink, bool may_bleed,
                     const std::function<std::string()>& what, const std::string& page_name, const SourceLoc& loc,
                     Diagnostics& diags);

}  // namespace galley::print::detail
