// Internal to print/: a booklet's outline moved onto its sheets.
#pragma once
#include "print/impose/sheets.h"  // first: sets qpdf options

#include <map>

namespace galley::print::detail {

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

}  // namespace galley::print::detail
