// Preflight: what would go wrong at the printer, found before the file leaves.
#pragma once
#include <memory>
#include <vector>

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

// The same a page at a time, as layout finishes them (layout::PageSink,
// through cli/): page() checks one page's items (the fonts they use are in
// `list` by then) and reports its findings; finish() what needs every page
// (RGB uses, counted over the document; PDF/UA-1 and PDF/A-2) once `list`
// is complete. preflight() is this over a whole list.
class PagePreflight {
 public:
  explicit PagePreflight(Diagnostics& diags);
  ~PagePreflight();
  PagePreflight(const PagePreflight&) = delete;
  PagePreflight& operator=(const PagePreflight&) = delete;
  void page(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items);
  void finish(const layout::DisplayList& list);

 private:
  class Checks;
  std::unique_ptr<Checks> checks_;
};

}  // namespace galley::print
