#include <doctest/doctest.h>

#include "detail/bidi.h"
#include "detail/graphemes.h"
#include "detail/scripts.h"

using namespace galley::text;

TEST_CASE("scripts: Common and Inherited join their surroundings, brackets pair") {
  const auto t = decode("12 abc (αβγ) def");
  const auto s = resolve_scripts(t);
  CHECK(s[0] == USCRIPT_LATIN);  // leading digits take the first real script
  CHECK(s[3] == USCRIPT_LATIN);
  CHECK(s[7] == USCRIPT_LATIN);   // "(" opened in Latin
  CHECK(s[8] == USCRIPT_GREEK);
  CHECK(s[11] == USCRIPT_LATIN);  // ")" closes the Latin "("
  CHECK(s[13] == USCRIPT_LATIN);
}

TEST_CASE("scripts: a combining mark takes its base's script") {
  const auto t = decode("α\u0301");
  const auto s = resolve_scripts(t);
  CHECK(s[1] == USCRIPT_GREEK);
}

TEST_CASE("graphemes: a base and its marks are one cluster") {
  const auto t = decode("e\u0301x\U0001F44D\U0001F3FD");
  const auto g = grapheme_starts(t);
  CHECK(g == std::vector<bool>{true, false, true, true, false});
}

TEST_CASE("decode keeps byte and UTF-16 offsets") {
  const auto t = decode("aé\U0001F600");
  CHECK(t.cp == std::vector<char32_t>{U'a', U'é', U'\U0001F600'});
  CHECK(t.byte == std::vector<uint32_t>{0, 1, 3, 7});
  CHECK(t.unit == std::vector<uint32_t>{0, 1, 2, 4});
}

TEST_CASE("RTL languages") {
  CHECK(is_rtl_language("he"));
  CHECK(is_rtl_language("ar-EG"));
  CHECK_FALSE(is_rtl_language("en-US"));
  CHECK_FALSE(is_rtl_language("hi"));
}
