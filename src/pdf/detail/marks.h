// Printer's marks in the slug: crop marks at the trim corners and
// registration targets at the middle of each side, all outside the bleed
// (offset by kMarkGap) and in the registration colour /All at 0.25 pt.
#pragma once
#include <string>

#include "layout/page.h"

namespace galley::pdf {

inline constexpr double kMarkGap = 3;      // points between bleed and marks
inline constexpr double kMarkLength = 18;  // longest crop mark, points

// Operators for the marks; `all` is the page resource name of the /All
// Separation. Empty when the slug has no room for marks.
std::string mark_ops(const layout::Page& page, bool crop, bool registration, const std::string& all);

}  // namespace galley::pdf
