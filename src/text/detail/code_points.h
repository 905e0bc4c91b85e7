// A paragraph's text as code points, with the byte offset (UTF-8, as in
// ShapedParagraph::text) and UTF-16 offset (as ICU wants) of each one.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

struct CodePoints {
  std::vector<char32_t> cp;
  std::vector<uint32_t> byte;  // size() + 1 entries: the last is the text's length
  std::vector<uint32_t> unit;  // UTF-16 offsets, size() + 1 entries likewise
  std::u16string utf16;

  size_t size() const { return cp.size(); }
};

CodePoints decode(std::string_view utf8);

}  // namespace galley::text
