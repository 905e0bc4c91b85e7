// The page order of a saddle-stitched booklet, shared by imposition (the
// impose module) and by the checks before it.
#pragma once
#include <array>
#include <vector>

namespace galley::print {

// Saddle-stitch sheet sides for `pages` reader pages: each entry is {left,
// right} as 0-based reader pages, -1 for a blank. Sides alternate front,
// back of sheet 1, front, back of sheet 2, ... Blanks that pad to a multiple
// of 4 go before the last page, so the back cover stays on the back.
std::vector<std::array<int, 2>> booklet_sides(int pages);

}  // namespace galley::print
