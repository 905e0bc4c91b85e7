// Hints for the YAML slips people make in hand-written descriptors: a value
// lost to an unquoted `#`, a `: ` inside unquoted text, indentation that
// matches no level above. Each looks at the source around a yaml-cpp mark
// and returns the sentence to add to the message, or nothing.
#pragma once
#include <optional>
#include <string>

#include <yaml-cpp/mark.h>

namespace galley::load {

struct CommentSlip {
  YAML::Mark at;     // the `#`
  std::string hint;  // "`#` starts a comment in YAML; quote the colour: \"#eef7f4\""
};

// When the empty value whose node starts at `empty` is empty because the
// text after its key began with ` #`, where that `#` is and what to say.
std::optional<CommentSlip> comment_slip(const std::string& bytes, const YAML::Mark& empty);

// A hint for yaml-cpp's parse error `message` at `at`, or "".
std::string parse_error_hint(const std::string& bytes, const std::string& message, const YAML::Mark& at);

}  // namespace galley::load
