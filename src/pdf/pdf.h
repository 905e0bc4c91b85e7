// pdf/'s contract: a display list (layout/page.h) written as PDF bytes,
// work that can start before layout ends, and the content-stream writer
// print/ draws its marks with. Everything else in pdf/ is detail/.
#pragma once
#include "detail/ahead.h"    // prepare_ahead()
#include "detail/content.h"  // page operators: num(), color_op(), paths
#include "detail/marks.h"    // printer's marks as operators
#include "detail/write.h"    // write_pdf()
