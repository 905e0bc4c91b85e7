// Preflight: what would go wrong at the printer, found before the file leaves.
#pragma once
#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print {

// Low image resolution (under 300 and under 150 dpi, both warnings that
// --strict promotes), RGB colours (errors) and images (warnings) in a PDF/X
// job, text, images and QR codes in the safe zone (0.125in inside the
// trim), fonts whose licence forbids embedding (errors), characters no font
// has (drawn as .notdef, warnings). Each finding is located at the
// element's source and names the page and element; docs/preflight.md.
void preflight(const layout::DisplayList& list, Diagnostics& diags);

}  // namespace galley::print
