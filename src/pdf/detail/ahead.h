// The part of write_pdf() that depends neither on the laid-out pages nor on
// a batch row: image files validated and encoded, colour profiles made and
// deflated. Run on another thread as soon as a build knows its images and
// output intent, it overlaps layout; write_pdf() then finds the work done,
// or waits for the piece it needs, instead of doing it (base/memo.h). Results
// are the same bytes whichever thread makes them. Nothing is reported here:
// a failure is met again, and reported in write_pdf()'s own order, when
// write_pdf() gets to it.
#pragma once
#include <string>
#include <vector>

#include "layout/page.h"

namespace galley::pdf {

// `pdf_a`: the document is PDF/A, so it has an output intent as PDF/X-4 has.
void prepare_ahead(const std::vector<std::string>& image_paths, const layout::OutputIntent& intent, bool pdf_a);

}  // namespace galley::pdf
