// Lengths as written in descriptors: a number with an optional unit.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace galley::load {

struct ParsedLength {
  double value = 0;  // points, or percent when `percent`
  bool percent = false;
};

// "10pt", "3.5 mm", "1in", "2cm", "1pc", "50%", "12" (points). On failure
// returns nothing and sets `why` to a message fit for a diagnostic.
std::optional<ParsedLength> parse_length(std::string_view text, std::string& why);

// Parses a plain decimal number (no unit, no trailing text, finite).
std::optional<double> parse_number(std::string_view text);

}  // namespace galley::load
