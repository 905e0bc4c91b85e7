// The per-code-point analyses that split a paragraph into shaping runs:
// UAX #9 bidi levels, UAX #24 scripts, and grapheme-cluster starts.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/uscript.h>

#include "code_points.h"

namespace galley::text {

// Languages written right to left (their paragraphs default to RTL).
bool is_rtl_language(std::string_view bcp47);

// Bidi embedding level of every code point. The paragraph level comes from
// the first strong character, or is RTL outright when `rtl_paragraph`.
// `base_level` receives the paragraph level (0 or 1).
std::vector<uint8_t> bidi_levels(const CodePoints& text, bool rtl_paragraph, uint8_t& base_level);

// The script of every code point, with Common and Inherited resolved: an
// Inherited mark takes its base's script, Common characters take the script
// around them (the following script at the start of the text), and a closing
// bracket takes the script of its opening bracket.
std::vector<UScriptCode> resolve_scripts(const CodePoints& text);

// true at the first code point of each extended grapheme cluster.
std::vector<bool> grapheme_starts(const CodePoints& text);

}  // namespace galley::text
