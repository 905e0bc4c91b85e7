// UTF-8, the one decoder every stage uses: the loader's encoding check,
// itemisation and line breaking, preflight's character names and the PDF's
// UTF-16 strings all read text with next_code_point().
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::base {

// Decodes the code point starting at `pos` and advances `pos` past it.
// Malformed or truncated sequences (overlong forms, surrogates and code
// points past U+10FFFF included) yield U+FFFD and consume one byte, so a bad
// byte never stalls a loop.
inline char32_t next_code_point(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) { ++pos; return b0; }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { ++pos; return 0xFFFD; }
  if (pos + len > s.size()) { ++pos; return 0xFFFD; }
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) { ++pos; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return 0xFFFD; }
  pos += len;
  return cp;
}

// Length of the well-formed sequence starting at `pos`, 0 when it is
// malformed (what next_code_point() would turn into U+FFFD).
inline size_t sequence_length(std::string_view s, size_t pos) {
  size_t end = pos;
  const char32_t cp = next_code_point(s, end);
  const size_t n = end - pos;
  // A U+FFFD that took one byte stands for a malformed one; the real
  // character takes three.
  return cp == 0xFFFD && n == 1 ? 0 : n;
}

// Appends `cp` as UTF-16: one unit, or a surrogate pair above U+FFFF.
inline void append_utf16(std::u16string& out, char32_t cp) {
  if (cp >= 0x10000) {
    out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
  } else {
    out.push_back(static_cast<char16_t>(cp));
  }
}

}  // namespace galley::base
