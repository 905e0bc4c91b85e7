// Measuring a QR code block at a column width (see measured.h).
#pragma once
#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

MeasuredBlock measure_qr(const resolve::Block& b, double width, TextSetter& ts);

}  // namespace galley::layout
