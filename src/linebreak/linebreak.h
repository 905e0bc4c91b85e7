// linebreak/'s contract: breaking a shaped paragraph into lines
// (linebreak/line.h, the hand-off to layout/), hyphenation patterns loaded
// ahead and checked, and the texture figures of `--stats`. Everything else
// in linebreak/ is detail/.
#pragma once
#include "detail/break.h"      // break_paragraph(), hyphen_glyphs()
#include "detail/hyphenate.h"  // prefetch_hyphenation(), check_hyphenation()
#include "detail/stats.h"      // measure_lines(), percentile()
#include "linebreak/line.h"
