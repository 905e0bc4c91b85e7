// PDF names as the writer makes them (pdf/hpdf_objects.cpp, libharu W1): a
// byte that is white space, a delimiter, '#' or outside printable ASCII is
// written #xx. libharu holds at most 127 bytes of a name, PDF's own longest
// (ISO 32000-1, annex C), and wrote a longer one as an empty name, so what
// becomes a name in galley's PDF (a spot colour's, a placed graphic's) is
// checked against this where it is read, with its place.
#pragma once
#include <cstddef>
#include <string_view>

namespace galley::base {

inline constexpr size_t kMaxPdfNameBytes = 127;

// The bytes of `name` (without its '/') as written, each escaped byte counted 3.
inline size_t pdf_name_bytes(std::string_view name) {
  size_t n = 0;
  for (unsigned char c : name)
    n += c <= 0x20 || c >= 0x7F || std::string_view("#()<>[]{}/%").find(static_cast<char>(c)) != std::string_view::npos ? 3 : 1;
  return n;
}

}  // namespace galley::base
