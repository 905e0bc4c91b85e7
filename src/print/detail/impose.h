// Imposition: the reader's PDF rearranged for the press.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::print {

enum class Imposition { None, Booklet, Trifold };

// Booklet: saddle-stitch 2-up spreads, padded with blanks to a multiple of 4.
// Trifold: the two sides with their panels in fold order.
std::optional<std::string> impose(const std::string& pdf, Imposition kind, Diagnostics& diags);

struct ImposeOptions {
  // Trifold only: fold positions in points from the left trim edge of the
  // outside (first) sheet, ascending; the inside sheet's folds are these
  // mirrored. Empty: a roll fold whose fold-in panel is 1/16in narrower than
  // the other two, fold-in panel at the outside's left (docs/imposition.md).
  std::vector<double> folds;
  // Where errors are reported: the layout's `imposition:`; empty: the
  // command line's --impose.
  SourceLoc where;
};

std::optional<std::string> impose(const std::string& pdf, Imposition kind,
                                  const ImposeOptions& options, Diagnostics& diags);

}  // namespace galley::print
