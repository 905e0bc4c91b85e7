// print/'s contract: preflight of a display list and imposition of the
// written PDF. Everything else in print/ is detail/.
#pragma once
#include "detail/impose.h"     // impose(), booklet_sides()
#include "detail/preflight.h"  // preflight()
