#include "detail/yaml_hints.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

namespace galley::load {

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

size_t line_start(const std::string& b, size_t pos) {
  const size_t nl = pos == 0 ? std::string::npos : b.rfind('\n', pos - 1);
  return nl == std::string::npos ? 0 : nl + 1;
}

// The line holding `pos`, without its end of line.
std::string_view line_at(const std::string& b, size_t pos) {
  const size_t start = line_start(b, pos);
  size_t end = b.find('\n', start);
  if (end == std::string::npos) end = b.size();
  if (end > start && b[end - 1] == '\r') --end;
  return std::string_view(b).substr(start, end - start);
}

int indentation(std::string_view line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  const size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos || line[i] == '#';
}

}  // namespace

std::optional<CommentSlip> comment_slip(const std::string& b, const YAML::Mark& empty) {
  if (empty.is_null() || empty.pos < 0 || static_cast<size_t>(empty.pos) > b.size()) return std::nullopt;
  // An empty value's mark is where the parser went on: after the comment,
  // often on the next line. The comment is the last thing before it.
  size_t end = static_cast<size_t>(empty.pos);
  while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == '\n' || b[end - 1] == '\r')) --end;
  if (end == 0) return std::nullopt;
  const size_t start = line_start(b, end - 1);
  const std::string_view line = std::string_view(b).substr(start, end - start);
  // `key: #...` or `- #...`: the `#` right after the key's colon or a list dash.
  size_t hash = line.find(" #");
  while (hash != std::string_view::npos) {
    std::string_view before = line.substr(0, hash);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (!before.empty() && (before.back() == ':' || before.back() == '-')) break;
    hash = line.find(" #", hash + 1);
  }
  if (hash == std::string_view::npos) return std::nullopt;
  std::string_view value = line.substr(hash + 1);
  const size_t comment_at = value.find(" #");  // a real comment after the lost value
  if (comment_at != std::string_view::npos) value = value.substr(0, comment_at);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  const bool colour = (value.size() == 4 || value.size() == 7 || value.size() == 9) &&
                      std::all_of(value.begin() + 1, value.end(), is_hex);
  CommentSlip slip;
  slip.at.pos = static_cast<int>(start + hash + 1);
  slip.at.line = static_cast<int>(std::count(b.begin(), b.begin() + static_cast<long>(start), '\n'));
  slip.at.column = static_cast<int>(hash + 1);
  slip.hint = std::string("`#` starts a comment in YAML; quote the ") + (colour ? "colour" : "value") + ": \"" +
              std::string(value) + "\"";
  return slip;
}

std::string parse_error_hint(const std::string& b, const std::string& message, const YAML::Mark& at) {
  if (at.is_null() || at.pos < 0 || static_cast<size_t>(at.pos) > b.size()) return {};
  const size_t pos = static_cast<size_t>(at.pos);
  {
    // `{color: #eef7f4}`: a comment ate the closing bracket of a flow, on
    // the last line with something on it before the error.
    size_t end = pos;
    while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == '\n' || b[end - 1] == '\r')) --end;
    const size_t start = end == 0 ? 0 : line_start(b, end - 1);
    const std::string_view line = std::string_view(b).substr(start, end - start);
    for (size_t hash = line.find(" #"); hash != std::string_view::npos; hash = line.find(" #", hash + 1)) {
      const size_t prev = line.find_last_not_of(' ', hash);
      if (prev == std::string_view::npos || std::string_view(":,[{").find(line[prev]) == std::string_view::npos)
        continue;
      const std::string_view head = line.substr(0, hash);
      const auto opened = std::count(head.begin(), head.end(), '{') + std::count(head.begin(), head.end(), '[');
      const auto closed = std::count(head.begin(), head.end(), '}') + std::count(head.begin(), head.end(), ']');
      if (opened <= closed) break;
      std::string_view value = line.substr(hash + 1);
      value = value.substr(0, value.find_first_of(" ,]}"));
      return "`#` starts a comment in YAML, so the rest of the line was lost; quote the value: \"" +
             std::string(value) + "\"";
    }
  }
  if (message == "illegal map value")
    return "a `: ` inside unquoted text starts a mapping; quote the text (\"...\") or write `>-` after the key "
           "and the text indented on the lines below";
  if (message.find("end of map not found") == std::string::npos &&
      message.find("end of sequence not found") == std::string::npos &&
      message.find("bad indentation") == std::string::npos)
    return {};
  const std::string_view line = line_at(b, pos);
  if (blank_or_comment(line)) return {};
  const int indent = indentation(line);
  // The indentations still open above: each line's, less the deeper ones a
  // shallower line closed.
  std::vector<int> open;
  for (size_t s = 0, here = line_start(b, pos); s < here;) {
    size_t e = b.find('\n', s);
    if (e == std::string::npos || e >= here) e = here;
    const std::string_view l = std::string_view(b).substr(s, e - s);
    if (!blank_or_comment(l)) {
      const int n = indentation(l);
      while (!open.empty() && open.back() > n) open.pop_back();
      if (open.empty() || open.back() < n) open.push_back(n);
    }
    s = e + 1;
  }
  if (std::find(open.begin(), open.end(), indent) != open.end()) return {};
  std::string levels;
  for (int n : open) levels += (levels.empty() ? "" : ", ") + std::to_string(n);
  return "this line is indented " + std::to_string(indent) + " spaces, which matches no level above (" + levels +
         "); YAML nests by indentation, so line it up with the entries it belongs to";
}

}  // namespace galley::load
