#include <doctest/doctest.h>

#include "detail/number_format.h"

using namespace galley;
using namespace galley::resolve;
using Kind = model::CellFormat::Kind;

namespace {
model::CellFormat fmt(Kind kind, int decimals = -1, bool grouping = true, std::string date = "medium") {
  return {kind, decimals, grouping, std::move(date)};
}
}  // namespace

TEST_CASE("numbers: thousands separators and decimal sign per language") {
  CHECK(format_value("1234567.5", fmt(Kind::Number), "en-US") == "1,234,567.5");
  CHECK(format_value("1234567.5", fmt(Kind::Number), "de-DE") == "1.234.567,5");
  CHECK(format_value("1234.5", fmt(Kind::Number, -1, false), "en-US") == "1234.5");
  CHECK(format_value("1234", fmt(Kind::Number), "en-US") == "1,234");
  CHECK(decimal_sign("en-US") == ".");
  CHECK(decimal_sign("fr-FR") == ",");
}

TEST_CASE("numbers: fixed decimals round and pad; as written keeps trailing zeros") {
  CHECK(format_value("3.14159", fmt(Kind::Number, 2), "en-US") == "3.14");
  CHECK(format_value("3", fmt(Kind::Number, 2), "en-US") == "3.00");
  CHECK(format_value("12.50", fmt(Kind::Number), "en-US") == "12.50");
}

TEST_CASE("percent: a fraction times 100 with the language's sign") {
  CHECK(format_value("0.913", fmt(Kind::Percent), "en-US") == "91.3%");
  CHECK(format_value("0.913", fmt(Kind::Percent, 0), "en-US") == "91%");
  CHECK(format_value("0.5", fmt(Kind::Percent, 1), "de-DE") == "50,0\u00A0%");
}

TEST_CASE("dates: ISO input, the language's month names") {
  CHECK(format_value("2024-03-05", fmt(Kind::Date), "en-US") == "Mar 5, 2024");
  CHECK(format_value("2024-03-05", fmt(Kind::Date, -1, true, "long"), "de-DE") == "5. März 2024");
  CHECK(format_value("2024-03", fmt(Kind::Date, -1, true, "long"), "en-US") == "March 2024");
  CHECK(format_value("2024-03-05", fmt(Kind::Date, -1, true, "iso"), "en-US") == "2024-03-05");
  CHECK_FALSE(parse_date("2023-02-29"));
}

TEST_CASE("a value that is not a number or date stays as written, and says so") {
  bool matched = true;
  CHECK(format_value("n/a", fmt(Kind::Number), "en-US", &matched) == "n/a");
  CHECK_FALSE(matched);
  CHECK(format_value("1,234", fmt(Kind::Number), "en-US", &matched) == "1,234");
  CHECK_FALSE(matched);
  CHECK(format_value("2024-13-01", fmt(Kind::Date), "en-US", &matched) == "2024-13-01");
  CHECK_FALSE(matched);
  CHECK_FALSE(parse_number(""));
  CHECK(parse_number(" 1e3 ") == 1000.0);
}
