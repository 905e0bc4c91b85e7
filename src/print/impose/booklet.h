// Internal to print/: a saddle-stitched booklet imposed from reader pages
// (see sheets.h for what its callers must know).
#pragma once
#include "print/impose/sheets.h"  // first: sets qpdf options

namespace galley::print::detail {

bool impose_booklet(QPDF& pdf, Diagnostics& diags, const SourceLoc& where);

}  // namespace galley::print::detail
