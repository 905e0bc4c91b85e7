// pdf/: the display list as PDF bytes, written with libharu.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A PDF written a page at a time, as layout finishes pages
// (layout::PageSink, through cli/): each page's content is deflated when
// it comes and goes into the output at once (before the file's other
// objects), so only what later objects need of it is kept (its MCIDs,
// link and figure boxes, a few records for its page object). What needs the whole document waits for
// finish(): the font subsets, /W and /ToUnicode (glyph ids are kept, so
// page content does not depend on the subset), the outline, links,
// structure tree, metadata and /ID. write_pdf() is this over a whole list.
class PdfStream {
 public:
  explicit PdfStream(Diagnostics& diags);
  ~PdfStream();
  PdfStream(const PdfStream&) = delete;
  PdfStream& operator=(const PdfStream&) = delete;

  // The output finish(..., to) will be given, before the first page: each
  // page's content goes into it as the page is written. Without it, the
  // same bytes wait for finish().
  bool write_into(std::function<bool(std::string_view)> to);
  // Each page's content deflated on a thread of its own while the next
  // page is painted, for a stream on a thread that is the build's critical
  // path (a long document written behind layout). The same bytes; the
  // last page's go into the file with the next call.
  void deflate_behind();
  // The complete list given to finish() will carry a source hash (lay_out
  // makes one for every list it finishes), from which the /ID is made: the
  // pages' contents, the /ID of a list without one, are then not hashed
  // (a tenth of a long document's writing thread). Before the first page.
  void id_from_source_hash();
  // Page p of `list` (its boxes and links; the fonts and structure elements
  // it uses are in `list` already), drawing `items`. Pages come in order.
  // False once anything failed.
  bool page(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items);
  // The roles of structure elements a list handed to page() does not hold
  // (a writer on its own thread, given only what it reads), in order, after
  // those it holds. Pages read an element's role and nothing else of it.
  bool add_roles(const std::vector<std::string>& roles);
  // Artifacts painted under page p's items (already written), known only
  // once the document is: master text naming {{pages}}.
  bool under(const layout::DisplayList& list, size_t p, const std::vector<layout::Item>& items);
  // The complete list (every page, without items). `renumber[e]` is the
  // index in list.structure of the element the pages' marks called e
  // (empty: the same).
  std::optional<std::string> finish(const layout::DisplayList& list, const std::vector<int32_t>& renumber);
  // The same bytes handed to `to` in pieces as they are written, so the
  // PDF is never held whole (a long report's file is written as it is
  // made). True when all were; when `to` refused them, nothing is reported
  // (its owner knows why), else the errors are.
  bool finish(const layout::DisplayList& list, const std::vector<int32_t>& renumber,
              const std::function<bool(std::string_view)>& to);

 private:
  struct State;
  std::unique_ptr<State> s_;
  // Everything up to saving; false when it failed (reported).
  bool prepare(const layout::DisplayList& list, const std::vector<int32_t>& renumber);
  // prepare()'s objects but the pictures'; false when one failed (reported).
  bool objects(const layout::DisplayList& list, const std::vector<int32_t>& renumber);
};

}  // namespace galley::pdf
