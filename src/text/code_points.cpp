#include "detail/code_points.h"

#include "base/utf8.h"

namespace galley::text {

CodePoints decode(std::string_view utf8) {
  CodePoints out;
  // One code point per byte at most: reserving that avoids regrowth on long text.
  out.cp.reserve(utf8.size());
  out.byte.reserve(utf8.size() + 1);
  out.unit.reserve(utf8.size() + 1);
  out.utf16.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    out.byte.push_back(static_cast<uint32_t>(pos));
    out.unit.push_back(static_cast<uint32_t>(out.utf16.size()));
    const char32_t c = base::next_code_point(utf8, pos);
    out.cp.push_back(c);
    base::append_utf16(out.utf16, c);
  }
  out.byte.push_back(static_cast<uint32_t>(utf8.size()));
  out.unit.push_back(static_cast<uint32_t>(out.utf16.size()));
  return out;
}

}  // namespace galley::text
