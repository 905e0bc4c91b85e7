// Several display lists as one document (`--combine`): pages in order, each
// font face once, outline and link targets kept apart per part.
#pragma once
#include <vector>

#include "layout/page.h"

namespace galley::cli {

layout::DisplayList combine(std::vector<layout::DisplayList> parts);

}  // namespace galley::cli
