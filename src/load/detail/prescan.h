// The byte-level checks before yaml-cpp sees a descriptor (see
// yaml_source.h for why): UTF-8, control characters, tabs in indentation,
// nesting depth and the number of values.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::load {

inline constexpr int kMaxDepth = 64;  // nesting levels
// The parsed tree (yaml_tree.h) spends about 64 bytes a value: cap the
// count before parsing (a brochure has a few thousand, a 10,000-page
// report about 400,000) so a 16 MiB list of one-letter values, 8 million of
// them, cannot take half a gigabyte.
inline constexpr long kMaxSourceNodes = 1'000'000;

// A byte that is not valid UTF-8, or a control character other than tab,
// LF and CR, at `offset` in some text.
struct BadByte {
  size_t offset = 0;
  bool control = false;
  unsigned char byte = 0;
};
// The first such byte of `s`: text from outside a descriptor (a --set
// value, a data file) is held to the descriptors' rules.
std::optional<BadByte> find_bad_byte(std::string_view s);
// "invalid UTF-8 (byte 0xFF)" or "control character U+0000".
std::string describe(const BadByte& bad);
// The 1-based line and character column of byte `offset` in `text`.
SourceLoc loc_of_offset(std::string_view text, size_t offset, const std::string& path);
// The same, given where `text`'s lines start (0 and each byte after a
// '\n', ascending): a Markdown file's blocks each ask, and counting the
// lines from the start each time made a long file's load quadratic.
SourceLoc loc_of_offset(std::string_view text, size_t offset, const std::string& path,
                        const std::vector<size_t>& line_starts);

// Checks the raw bytes before parsing: valid UTF-8 without control
// characters, no tab in indentation, nesting no deeper than kMaxDepth, no
// more than about kMaxSourceNodes nodes (counted from keys, list entries,
// separators and values, erring high).
// Reports the first problem of each kind at its line:col; false on error.
bool prescan(std::string_view bytes, const std::string& path, Diagnostics& diags);

}  // namespace galley::load
