// Internal to print/: the libqpdf work behind impose(). Each function edits
// the document in place and reports at `where`; libqpdf throws, so callers
// catch around them.
#pragma once
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "diag/diagnostic.h"
#include "print/impose.h"
#include "print/sheet_marks.h"

namespace galley::print::detail {

inline constexpr const char* kAllName = "/GxAll";  // registration colour resource

PdfRect rect_of(QPDFObjectHandle array);
QPDFObjectHandle array_of(const PdfRect& r);
// The registration colour /All as a Separation with a CMYK alternate.
QPDFObjectHandle registration_space(QPDF& pdf);

bool impose_booklet(QPDF& pdf, Diagnostics& diags, const SourceLoc& where);
bool impose_trifold(QPDF& pdf, const ImposeOptions& options, Diagnostics& diags, const SourceLoc& where);

}  // namespace galley::print::detail
