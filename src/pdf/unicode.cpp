#include "pdf/unicode.h"

#include <cstdint>

#include "pdf/value.h"

namespace galley::pdf {
namespace {

void put16(std::string& out, uint32_t unit) {
  out.push_back(static_cast<char>(unit >> 8));
  out.push_back(static_cast<char>(unit & 0xFF));
}

// Decodes one code point at `i`, advancing it; U+FFFD on malformed input.
uint32_t next_code_point(const std::string& s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const uint32_t min_for[4] = {0, 0x80, 0x800, 0x10000};
  i += extra + 1;
  if (cp < min_for[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  return cp;
}

}  // namespace

std::string utf16be(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put16(out, 0xD800 + (cp >> 10));
      put16(out, 0xDC00 + (cp & 0x3FF));
    } else {
      put16(out, cp);
    }
  }
  return out;
}

std::string hex_text_string(const std::string& utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "<FEFF";
  for (unsigned char c : utf16be(utf8)) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out + ">";
}

std::string text_string_operand(const std::string& utf8) {
  const String s = text_string(utf8);
  if (s.bytes.starts_with("\xFE\xFF")) return hex_text_string(utf8);
  std::string out = "(";
  for (char c : s.bytes) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + ")";
}

String text_string(const std::string& utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) return String{utf8};
  return String{"\xFE\xFF" + utf16be(utf8)};
}

}  // namespace galley::pdf
