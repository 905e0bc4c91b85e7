// How a data value is written in a table cell or a chart label
// (`format:` in docs/format.md); applied by resolve/number_format.h.
#pragma once
#include <string>

namespace galley::model {

struct CellFormat {
  enum class Kind { Text, Number, Percent, Date };
  Kind kind = Kind::Text;   // Text: the value as written
  int decimals = -1;        // Number, Percent: digits after the point; -1: as written
  bool grouping = true;     // Number, Percent: thousands separators of the language
  // Date: iso, short, medium, long, full, or an ICU skeleton such as yMMM.
  std::string date = "medium";
};

}  // namespace galley::model
