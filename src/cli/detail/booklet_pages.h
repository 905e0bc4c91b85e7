// A saddle-stitched booklet is folded sheets of four pages: a page count
// that is not a multiple of 4 gets blank pages the author did not plan.
#pragma once
#include "diag/diagnostic.h"
#include "model/layout.h"

namespace galley::cli {

// Warns (an error with `strict`) when `pages` is not a multiple of 4, at the
// layout's last `repeat: until-empty` entry (what decides the count), else
// at the layout file.
void check_booklet_pages(int pages, const model::Layout& layout, bool strict, Diagnostics& diags);

}  // namespace galley::cli
