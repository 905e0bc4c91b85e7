// print/'s contract: preflight of a display list and imposition of the
// written PDF. Everything else in print/ is detail/.
#pragma once
#include "detail/booklet_sides.h"  // booklet_sides()
#include "detail/impose.h"     // impose()
#include "detail/preflight.h"  // preflight()
