// The one UTF-8 decoder (base/utf8.h) that the loader's check, text/,
// linebreak/, print/ and pdf/ share.
#include <doctest/doctest.h>

#include <string>

#include "base/utf8.h"

using namespace galley::base;

namespace {

std::u32string decode_all(const std::string& s) {
  std::u32string out;
  for (size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos));
  return out;
}

// Well-formed sequence lengths by the table of the Unicode Standard (3-7).
size_t table_length(const std::string& s) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : lo, hi = c == 0xED ? 0x9F : hi;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : lo, hi = c == 0xF4 ? 0x8F : hi;
  else return 0;
  if (n > s.size() || b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  return n;
}

}  // namespace

TEST_CASE("well-formed text decodes to its code points") {
  CHECK(decode_all("a\u00e9\u4e2d\U0001F600") == U"a\u00e9\u4e2d\U0001F600");
  CHECK(decode_all("\xEF\xBF\xBD") == U"\uFFFD");  // a real U+FFFD
  CHECK(sequence_length("\xEF\xBF\xBD", 0) == 3);
}

TEST_CASE("each malformed byte becomes one U+FFFD and the loop moves on") {
  CHECK(decode_all("\xFF") == U"\uFFFD");
  CHECK(decode_all("\xC0\x80") == U"\uFFFD\uFFFD");              // overlong NUL
  CHECK(decode_all("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");    // a surrogate
  CHECK(decode_all("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");  // past U+10FFFF
  CHECK(decode_all("a\xE4\xB8") == U"a\uFFFD\uFFFD");           // truncated
  CHECK(decode_all("\xE4x") == U"\uFFFDx");
}

TEST_CASE("sequence_length accepts exactly the Unicode table's well-formed sequences") {
  for (int lead = 0; lead < 256; ++lead)
    for (int second = 0; second < 256; ++second)
      for (const char* tail : {"", "\x80", "\x80\xBF", "\xBF\x80", "x\x80", "\x80x"}) {
        const std::string s = std::string(1, static_cast<char>(lead)) + static_cast<char>(second) + tail;
        INFO(lead << " " << second << " " << std::string(tail).size());
        REQUIRE(sequence_length(s, 0) == table_length(s));
      }
}

TEST_CASE("UTF-16 splits astral code points into surrogate pairs") {
  std::u16string out;
  append_utf16(out, U'A');
  append_utf16(out, U'\uFFFD');
  append_utf16(out, U'\U0001F600');
  append_utf16(out, U'\U0010FFFF');
  CHECK(out == u"A\uFFFD\U0001F600\U0010FFFF");
  CHECK(out.size() == 6);
}
