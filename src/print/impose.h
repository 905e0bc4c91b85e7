// Imposition: the reader's PDF rearranged for the press.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"

namespace galley::print {

enum class Imposition { None, Booklet, Trifold };

// Booklet: saddle-stitch 2-up spreads, padded with blanks to a multiple of 4.
// Trifold: the two sides with their panels in fold order.
std::optional<std::string> impose(const std::string& pdf, Imposition kind, Diagnostics& diags);

}  // namespace galley::print
