// Quality figures of one paragraph's lines, for `galley build --stats`.
#pragma once
#include <vector>

#include "linebreak/line.h"

namespace galley::linebreak {

// Word gaps of the justified lines (mean space as set ÷ natural space) and
// their change from one line to the next: what a reader sees as uneven
// texture, measured as ../shared/tools/texture.py measures a PDF.
Stats measure_lines(const std::vector<Line>& lines);

// The value at fraction `q` (0–1) of the sorted values, 0 when none.
double percentile(std::vector<float> values, double q);

}  // namespace galley::linebreak
