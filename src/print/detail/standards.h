// The content requirements of the standards a layout declares besides
// PDF/X-4: PDF/UA-1 (alt text, title, language, table headers, link text)
// and PDF/A-2 (no .notdef glyphs). Part of preflight.
#pragma once
#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print {

void check_standards(const layout::DisplayList& list, Diagnostics& diags);

}  // namespace galley::print
