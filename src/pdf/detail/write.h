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

// The same bytes from a list handed over: each page's drawing is freed once
// the page is written, so a long document's items are not held beside its
// PDF objects.
std::optional<std::string> write_pdf(layout::DisplayList&& list, Diagnostics& diags);

}  // namespace galley::pdf
