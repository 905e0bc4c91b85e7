// Safe reading of a YAML descriptor. yaml-cpp trusts its input: it recurses
// once per nesting level (a deep file overflows the stack), expands aliases
// by sharing nodes (a walk over a "billion laughs" file never ends) and reads
// any size. Everything here runs before or around the parser so that hostile
// input becomes a diagnostic instead of a crash, a hang or an OOM kill.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "diag/diagnostic.h"

namespace galley::load {

inline constexpr std::size_t kMaxFileBytes = 16u << 20;  // 16 MiB
inline constexpr int kMaxDepth = 64;                       // nesting levels
inline constexpr long kMaxNodes = 1'000'000;               // after alias expansion
// yaml-cpp spends about half a kilobyte per node: cap the count before
// parsing (a brochure has a few thousand) so a 16 MiB list cannot take GBs.
inline constexpr long kMaxSourceNodes = 200'000;

// The bytes of a descriptor with an index of line starts, to turn yaml-cpp
// marks (byte columns) into the character columns users see in editors —
// descriptors are full of non-ASCII text such as no-break spaces.
class SourceText {
 public:
  explicit SourceText(std::string bytes);
  const std::string& bytes() const { return bytes_; }
  // 1-based line and character column of a mark; the whole file for a null mark.
  SourceLoc loc(const std::string& path, const YAML::Mark& m) const;

 private:
  std::string bytes_;
  std::vector<size_t> line_starts_;
};

struct ParsedYaml {
  YAML::Node root;
  std::shared_ptr<const SourceText> text;
};

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
// "a list", "a mapping", ... for messages.
const char* describe(const YAML::Node& n);
// The 1-based line and character column of byte `offset` in `text`.
SourceLoc loc_of_offset(std::string_view text, size_t offset, const std::string& path);

// Checks the raw bytes before parsing: valid UTF-8 without control
// characters, no tab in indentation, nesting no deeper than kMaxDepth, no
// more than about kMaxSourceNodes nodes (counted from keys, list entries,
// separators and values, erring high).
// Reports the first problem of each kind at its line:col; false on error.
bool prescan(std::string_view bytes, const std::string& path, Diagnostics& diags);

// Parses `text` (already prescanned) into one document whose node count
// after alias expansion and depth stay within the limits. `path` names the
// file in diagnostics.
std::optional<YAML::Node> parse_yaml(const SourceText& text, const std::string& path,
                                     Diagnostics& diags);

// Reads `path` (refusing missing files, directories, special files and files
// over kMaxFileBytes), prescans and parses it, and requires a mapping at the
// top level. `what` names the descriptor in messages ("content", "layout").
std::optional<ParsedYaml> read_yaml(const std::string& path, std::string_view what,
                                    Diagnostics& diags);

}  // namespace galley::load
