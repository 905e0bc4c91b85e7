// UTF-8 → UTF-16BE for PDF text strings, /ToUnicode, /ActualText and /Alt.
#pragma once
#include <string>

namespace galley::pdf {

// Malformed UTF-8 becomes U+FFFD, so bad input cannot produce bad PDF.
std::string utf16be(const std::string& utf8);

// A text string as a content-stream operand: UTF-16BE with a BOM, in hex.
std::string hex_text_string(const std::string& utf8);
// The same, but printable ASCII as an escaped literal, so qpdf --qdf and a
// reader of the content stream see the words.
std::string text_string_operand(const std::string& utf8);

}  // namespace galley::pdf
