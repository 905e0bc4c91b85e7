// Measuring a chart block at a column width (see measured.h).
#pragma once
#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

MeasuredBlock measure_chart(const resolve::Block& b, double width, double height, TextSetter& ts);

}  // namespace galley::layout
