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

#include <yaml-cpp/mark.h>

#include "diag/diagnostic.h"
#include "prescan.h"
#include "yaml_tree.h"  // the checks before parsing, and their limits

namespace galley::load {

inline constexpr std::size_t kMaxFileBytes = 16u << 20;  // 16 MiB
inline constexpr long kMaxNodes = 1'000'000;               // after alias expansion

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
  Node root;
  std::shared_ptr<const SourceText> text;
};

// Parses `text` (already prescanned) into one document whose node count
// after alias expansion and depth stay within the limits. `path` names the
// file in diagnostics.
std::optional<Node> parse_yaml(const SourceText& text, const std::string& path,
                                     Diagnostics& diags);

// Reads `path` (refusing missing files, directories, special files and files
// over kMaxFileBytes), prescans and parses it, and requires a mapping at the
// top level. `what` names the descriptor in messages ("content", "layout").
std::optional<ParsedYaml> read_yaml(const std::string& path, std::string_view what,
                                    Diagnostics& diags);

}  // namespace galley::load
