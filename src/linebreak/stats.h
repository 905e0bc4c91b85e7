// Quality figures of one paragraph's lines, for `galley build --stats`.
#pragma once
#include <vector>

#include "linebreak/line.h"

namespace galley::linebreak {

// Loose lines stretch their spaces more than the glue allows (r > 1); tight
// lines would need more shrink than it has (r < -1), which only overfull
// justified lines do.
Stats measure_lines(const std::vector<Line>& lines);

}  // namespace galley::linebreak
