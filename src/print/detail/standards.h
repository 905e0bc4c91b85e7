// The content requirements of the standards a layout declares besides
// PDF/X-4: PDF/UA-1 (alt text, title, language, table headers, link text)
// and PDF/A-2 (no .notdef glyphs). Part of preflight.
#pragma once
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print {

// PDF/A-2: a .notdef glyph among page p's items.
void check_pdfa_page(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items,
                     Diagnostics& diags);
// The document's checks, once every page is: `pdfa_pages` holds what
// check_pdfa_page() found on the pages, reported in its place among them.
void check_standards(const layout::DisplayList& list, const Diagnostics& pdfa_pages, Diagnostics& diags);

}  // namespace galley::print
