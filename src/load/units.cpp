#include "detail/units.h"

#include <charconv>
#include <cmath>

namespace galley::load {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<ParsedLength> parse_length(std::string_view text, std::string& why) {
  std::string_view s = trim(text);
  size_t n = 0;
  while (n < s.size() && (std::isdigit(static_cast<unsigned char>(s[n])) || s[n] == '.' ||
                          s[n] == '-' || s[n] == '+' || s[n] == 'e' || s[n] == 'E')) {
    // An 'e' only belongs to the number when an exponent follows, so that
    // "1em" reads as a number and a (bad) unit.
    if ((s[n] == 'e' || s[n] == 'E') &&
        !(n + 1 < s.size() && (std::isdigit(static_cast<unsigned char>(s[n + 1])) ||
                               s[n + 1] == '-' || s[n + 1] == '+')))
      break;
    ++n;
  }
  auto number = parse_number(s.substr(0, n));
  std::string_view unit = trim(s.substr(n));
  if (!number) {
    why = "expected a length such as 12pt, 3mm, 0.5in or 50%, found '" + std::string(text) + "'";
    return std::nullopt;
  }
  double v = *number;
  ParsedLength out;
  if (unit.empty() || unit == "pt") {
    out.value = v;
  } else if (unit == "mm") {
    out.value = v * 72.0 / 25.4;
  } else if (unit == "cm") {
    out.value = v * 72.0 / 2.54;
  } else if (unit == "in") {
    out.value = v * 72.0;
  } else if (unit == "pc") {
    out.value = v * 12.0;
  } else if (unit == "%") {
    out.value = v;
    out.percent = true;
  } else {
    why = "unknown unit '" + std::string(unit) + "' in '" + std::string(text) +
          "' (use pt, mm, cm, in, pc or %)";
    return std::nullopt;
  }
  return out;
}

}  // namespace galley::load
