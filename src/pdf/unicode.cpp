#include "detail/unicode.h"

#include <cstdint>

#include "base/utf8.h"
#include "detail/value.h"

namespace galley::pdf {
namespace {

void put16(std::string& out, uint32_t unit) {
  out.push_back(static_cast<char>(unit >> 8));
  out.push_back(static_cast<char>(unit & 0xFF));
}

}  // namespace

std::string utf16be(const std::string& utf8) {
  std::u16string units;
  for (size_t i = 0; i < utf8.size();) base::append_utf16(units, base::next_code_point(utf8, i));
  std::string out;
  out.reserve(2 * units.size());
  for (char16_t u : units) put16(out, u);
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
