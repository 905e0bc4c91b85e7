// UTF-8 → UTF-16BE for PDF text strings, /ToUnicode and /ActualText.
#pragma once
#include <string>

namespace galley::pdf {

// Malformed UTF-8 becomes U+FFFD, so bad input cannot produce bad PDF.
std::string utf16be(const std::string& utf8);

}  // namespace galley::pdf
