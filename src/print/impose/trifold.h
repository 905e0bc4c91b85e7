// Internal to print/: a tri-fold imposed from reader pages (see sheets.h
// for what its callers must know).
#pragma once
#include "print/impose/sheets.h"  // first: sets qpdf options

namespace galley::print::detail {

bool impose_trifold(QPDF& pdf, const ImposeOptions& options, Diagnostics& diags, const SourceLoc& where);

}  // namespace galley::print::detail
