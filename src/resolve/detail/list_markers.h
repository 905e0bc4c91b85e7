// List markers by depth: bullets "•", "–", then "◦"; ordered "1.", nested
// "a.", deeper "i." (lower-case roman).
#pragma once
#include <string>

namespace galley::resolve {

// `number` counts from 1 within its list.
std::string list_marker(bool ordered, int depth, int number);

}  // namespace galley::resolve
