// UAX #9 bidi levels: one of the per-code-point analyses that split a
// paragraph into shaping runs (with scripts.h and graphemes.h).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "code_points.h"

namespace galley::text {

// Languages written right to left (their paragraphs default to RTL).
bool is_rtl_language(std::string_view bcp47);

// Bidi embedding level of every code point. The paragraph level comes from
// the first strong character, or is RTL outright when `rtl_paragraph`.
// `base_level` receives the paragraph level (0 or 1).
std::vector<uint8_t> bidi_levels(const CodePoints& text, bool rtl_paragraph, uint8_t& base_level);

}  // namespace galley::text
