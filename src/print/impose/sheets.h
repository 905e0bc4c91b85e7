// Internal to print/: what the imposition files share (sheets.cpp): page
// boxes as arrays and the registration colour. Included first by each of
// them, as it sets libqpdf's options. The impositions themselves are in
// booklet.h and trifold.h; each edits the document in place and reports at
// `where`; libqpdf throws, so callers catch around them.
#pragma once
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>


#include "diag/diagnostic.h"
#include "print/detail/impose.h"
#include "print/impose/sheet_marks.h"

namespace galley::print::detail {

inline constexpr const char* kAllName = "/GxAll";  // registration colour resource

PdfRect rect_of(QPDFObjectHandle array);
QPDFObjectHandle array_of(const PdfRect& r);
// The registration colour /All as a Separation with a CMYK alternate.
QPDFObjectHandle registration_space(QPDF& pdf);

}  // namespace galley::print::detail
