// A PDF build's head start: work that every PDF of these descriptors needs,
// that depends neither on a batch row nor on the laid-out pages (the images
// and colour profiles the writer embeds, pdf/detail/ahead.h), begun on another
// thread as soon as the fonts are loaded. It overlaps laying out instead
// of following it. What it makes is kept
// where the writer looks for it, the same bytes whichever thread makes it,
// and nothing is reported from it: a failure is met, and reported, in order
// by the writer when it needs the result.
#pragma once
#include <functional>
#include <thread>

#include "diag/diagnostic.h"
#include "model/document.h"
#include "model/layout.h"
#include "resolve/styled.h"

namespace galley::cli {

// Whether the images the descriptors name decode, together, to no more
// than image::kMaxDocumentImageBytes; an error at the one that goes over
// otherwise. Read from the headers, before any is decoded.
bool images_within_budget(const model::Document& doc, const model::Layout& layout, Diagnostics& diags);
// The same for a resolved document, the images inside its text counted too
// (their paths are known only once it is resolved); true at once when its
// text has none.
bool images_within_budget(const resolve::StyledDoc& styled, const model::Layout& layout, Diagnostics& diags);

// Reports every image the descriptors name whose header cannot be read
// (not a PNG, JPEG, PDF or SVG; truncated; too many pixels), or, for a PDF
// or SVG, whose page is not there or is over the budgets, at the place
// that names it, as layout would meet them: for the run that reports all,
// even when nothing can be laid out.
void check_image_headers(const model::Document& doc, const model::Layout& layout, Diagnostics& diags);

// The thread, which runs `first` (when set) before the head start; joining
// it (its destructor does) waits for the work's end.
std::jthread start_head_start(const model::Document& doc, const model::Layout& layout,
                              std::function<void()> first = {});

}  // namespace galley::cli
