// Hyphenation points from TeX patterns (patterns.h), per language.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "resolve/styled.h"

namespace galley::linebreak {

// The files that may hold `language`'s patterns (BCP 47, "de-AT"), in the
// order they are tried: /usr/share/hyphen/hyph_de_AT.dic, hyph_de.dic,
// hyph_de_DE.dic. Empty for a tag that is not letters, digits and hyphens.
std::vector<std::string> hyphenation_files(const std::string& language);

// Whether patterns exist for `language`. Dictionaries are loaded once per
// process and shared between threads.
bool has_hyphenation(const std::string& language);

// Starts reading `language`'s patterns on another thread (4 ms for en-US,
// 40 ms for German's 78,000 lines) so that it overlaps loading the layout
// and fonts; the first lookup waits for it. Does nothing for a language
// already known.
void prefetch_hyphenation(const std::string& language);

// Byte offsets inside `word` (UTF-8, letters only) before which a hyphen may
// go, at least `left_min` characters from the start and `right_min` from the
// end. Empty for unknown languages and words longer than 64 characters.
std::vector<uint32_t> hyphenation_points(const std::string& language, std::string_view word,
                                         int left_min, int right_min);

// The memo key of hyphenation_points(): every input its result depends on.
std::string hyphenation_key(const std::string& language, std::string_view word, int left_min,
                            int right_min);

// A warning, once per language, at the first paragraph that asks for
// hyphenation in a language with no patterns: such text is never silently
// set unhyphenated (`--strict` makes it an error).
void check_hyphenation(const resolve::StyledDoc& doc, Diagnostics& diags);

}  // namespace galley::linebreak
