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

// Saddle-stitch sheet sides for `pages` reader pages: each entry is {left,
// right} as 0-based reader pages, -1 for a blank. Sides alternate front,
// back of sheet 1, front, back of sheet 2, ... Blanks that pad to a multiple
// of 4 go before the last page, so the back cover stays on the back.
std::vector<std::array<int, 2>> booklet_sides(int pages);

}  // namespace galley::print
