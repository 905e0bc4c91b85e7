#include "print/impose/sheets.h"

#include <algorithm>

namespace galley::print::detail {

PdfRect rect_of(QPDFObjectHandle array) {
  const auto r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

QPDFObjectHandle array_of(const PdfRect& r) {
  return QPDFObjectHandle::newFromRectangle({r.llx, r.lly, r.urx, r.ury});
}

QPDFObjectHandle registration_space(QPDF& pdf) {
  return pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "[/Separation /All /DeviceCMYK"
      " << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"));
}

}  // namespace galley::print::detail
