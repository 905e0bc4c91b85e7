// pdf/: the display list as PDF bytes, written with libharu.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::pdf {

// Fonts embedded and subset, page boxes, marks, colours in their own space,
// outline, links, metadata, and PDF/X-4 when the display list asks for it.
// Deterministic: the same display list gives the same bytes.
std::optional<std::string> write_pdf(const layout::DisplayList& list, Diagnostics& diags);

// The same bytes, emptying each page's items once the page is written (boxes,
// labels, links and destinations stay): a long document's drawing is then
// not held beside its PDF objects.
std::optional<std::string> write_pdf_draining(layout::DisplayList& list, Diagnostics& diags);

}  // namespace galley::pdf
