// UTF-8 decoding for itemisation: code points with their byte offsets, so
// every later stage can point back into ShapedParagraph::text.
#pragma once
#include <cstdint>
#include <string_view>

namespace galley::text {

// Decodes the code point starting at `pos` and advances `pos` past it.
// Malformed or truncated sequences yield U+FFFD and consume one byte, so a
// bad byte never stalls a loop.
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

}  // namespace galley::text
