// Internal to print/: the libqpdf work behind impose(). Each function edits
// the document in place and reports at `where`; libqpdf throws, so callers
// catch around them.
#pragma once
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>

#include "diag/diagnostic.h"
#include "print/detail/impose.h"
#include "print/impose/sheet_marks.h"

namespace galley::print::detail {

inline constexpr const char* kAllName = "/GxAll";  // registration colour resource

PdfRect rect_of(QPDFObjectHandle array);
QPDFObjectHandle array_of(const PdfRect& r);
// The registration colour /All as a Separation with a CMYK alternate.
QPDFObjectHandle registration_space(QPDF& pdf);

bool impose_booklet(QPDF& pdf, Diagnostics& diags, const SourceLoc& where);

// Where a reader page went on a booklet sheet: the sheet's page object and
// the offset from the reader page's user space to the sheet's.
struct Placement {
  QPDFObjectHandle sheet;
  double dx = 0, dy = 0;
};

// Points every outline entry at the sheet that holds its page, its position
// moved by the placement offset (explicit, named and GoTo destinations
// alike). An entry whose page is on no sheet keeps its title and loses its
// destination. Call before the reader pages and named destinations go.
void move_outline(QPDF& pdf, const std::map<QPDFObjGen, Placement>& placed);
bool impose_trifold(QPDF& pdf, const ImposeOptions& options, Diagnostics& diags, const SourceLoc& where);

}  // namespace galley::print::detail
