// Hyphenation points from libhyphen's TeX patterns, per language.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::linebreak {

// Whether patterns exist for `language` (BCP 47, "en-US"); looked up as
// /usr/share/hyphen/hyph_en_US.dic, then hyph_en.dic. Dictionaries are loaded
// once per process and shared between threads.
bool has_hyphenation(const std::string& language);

// Starts parsing `language`'s patterns on another thread so that it
// overlaps loading the layout and fonts; the first lookup waits for it.
// Does nothing for a language already known.
void prefetch_hyphenation(const std::string& language);

// Byte offsets inside `word` (UTF-8, letters only) before which a hyphen may
// go, at least `left_min` characters from the start and `right_min` from the
// end. Empty for unknown languages and words longer than 64 characters.
std::vector<uint32_t> hyphenation_points(const std::string& language, std::string_view word,
                                         int left_min, int right_min);

}  // namespace galley::linebreak
