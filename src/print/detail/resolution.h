// Internal to print/: the check that an image has enough pixels for its
// printed size. `page` is the finding's prefix, e.g. "page 3".
#pragma once
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print::detail {

inline constexpr double kGoodDpi = 300;
inline constexpr double kPoorDpi = 150;

void check_resolution(const layout::Image& image, const std::string& page, Diagnostics& diags);

}  // namespace galley::print::detail
