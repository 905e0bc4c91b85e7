// Preflight: what would go wrong at the printer, found before the file leaves.
#pragma once
#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print {

// Low image resolution (<300 dpi warning, <150 error), RGB in a PDF/X job,
// content in the safe zone (0.125in inside the trim), fonts that forbid
// embedding. Each finding names the page, the element and its source.
void preflight(const layout::DisplayList& list, Diagnostics& diags);

}  // namespace galley::print
