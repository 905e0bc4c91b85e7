// Measuring a list block at a column width into slices (see measured.h).
#pragma once
#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

MeasuredBlock measure_list(const resolve::Block& b, double width, TextSetter& ts);

}  // namespace galley::layout
