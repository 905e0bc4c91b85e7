#include <doctest/doctest.h>

#include "detail/units.h"

using namespace galley::load;

namespace {
double pt(const char* s) {
  std::string why;
  auto l = parse_length(s, why);
  REQUIRE_MESSAGE(l, why);
  CHECK_FALSE(l->percent);
  return l->value;
}
std::string failure(const char* s) {
  std::string why;
  CHECK_FALSE(parse_length(s, why));
  return why;
}
}  // namespace

TEST_CASE("lengths convert to points") {
  CHECK(pt("12") == doctest::Approx(12));
  CHECK(pt("12pt") == doctest::Approx(12));
  CHECK(pt("1in") == doctest::Approx(72));
  CHECK(pt("0.125in") == doctest::Approx(9));
  CHECK(pt("25.4mm") == doctest::Approx(72));
  CHECK(pt("2.54 cm") == doctest::Approx(72));
  CHECK(pt("1pc") == doctest::Approx(12));
  CHECK(pt("-3pt") == doctest::Approx(-3));
  CHECK(pt("1e1pt") == doctest::Approx(10));
}

TEST_CASE("percentages stay percentages") {
  std::string why;
  auto l = parse_length("50%", why);
  REQUIRE(l);
  CHECK(l->percent);
  CHECK(l->value == doctest::Approx(50));
}

TEST_CASE("bad lengths say why") {
  CHECK(failure("12px") == "unknown unit 'px' in '12px' (use pt, mm, cm, in, pc or %)");
  CHECK(failure("1em") == "unknown unit 'em' in '1em' (use pt, mm, cm, in, pc or %)");
  CHECK(failure("wide") == "expected a length such as 12pt, 3mm, 0.5in or 50%, found 'wide'");
  CHECK(failure("") == "expected a length such as 12pt, 3mm, 0.5in or 50%, found ''");
  CHECK(failure("1..2in").find("expected a length") == 0);
  CHECK(failure("inf").find("expected a length") == 0);
}

TEST_CASE("numbers are plain and finite") {
  CHECK(parse_number("0.5") == 0.5);
  CHECK(parse_number("+2") == 2);
  CHECK_FALSE(parse_number("0.5x"));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("1e999"));
}
