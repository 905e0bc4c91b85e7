#include "detail/block_shield.h"

#include <cctype>
#include <string_view>

namespace galley::resolve {

namespace {

bool blank_or_end(std::string_view line, size_t i) {
  return i >= line.size() || line[i] == ' ' || line[i] == '\t';
}

// "---", "* * *", "___", "===": a thematic break or a setext underline.
bool rule_line(std::string_view line) {
  const char c = line[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  int n = 0;
  for (char ch : line) {
    if (ch == c) ++n;
    else if (ch != ' ' && ch != '\t') return false;
  }
  return c == '=' || c == '-' ? n >= 1 : n >= 3;
}

// "<https://x>" or "<a@b.org>": an autolink, which is inline markup.
bool autolink(std::string_view line) {
  const size_t close = line.find('>');
  if (close == std::string_view::npos) return false;
  const std::string_view inner = line.substr(1, close - 1);
  if (inner.find(' ') != std::string_view::npos || inner.empty()) return false;
  return inner.find(':') != std::string_view::npos || inner.find('@') != std::string_view::npos;
}

// "[label]: destination" would vanish as a link reference definition.
bool reference_definition(std::string_view line) {
  const size_t close = line.find("]:");
  return close != std::string_view::npos && line.find(']') == close;
}

// 1-9 digits then '.' or ')' then a blank: the position of the delimiter.
size_t ordered_marker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 10 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || i > 9 || i >= line.size()) return std::string_view::npos;
  if ((line[i] == '.' || line[i] == ')') && blank_or_end(line, i + 1)) return i;
  return std::string_view::npos;
}

size_t run_of(std::string_view line, char c) {
  size_t n = 0;
  while (n < line.size() && line[n] == c) ++n;
  return n;
}

std::string shield_line(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.empty()) return {};
  const std::string s(line);
  switch (line[0]) {
    case '#':
    case '>':
    case '=':
      return "\\" + s;
    case '~':
      // Three make a code fence; two start ~~strikethrough~~.
      return run_of(line, '~') >= 3 ? "\\" + s : s;
    case '-':
    case '+':
    case '*':
    case '_':
      if (rule_line(line) || (line[0] != '_' && blank_or_end(line, 1))) return "\\" + s;
      return s;
    case '`':
      // A fence's info string has no backtick; "```x```" is a code span.
      if (run_of(line, '`') >= 3 && line.find('`', run_of(line, '`')) == std::string_view::npos)
        return "\\" + s;
      return s;
    case '<':
      return autolink(line) ? s : "\\" + s;
    case '[':
      return reference_definition(line) ? "\\" + s : s;
    default:
      break;
  }
  if (const size_t d = ordered_marker(line); d != std::string_view::npos)
    return s.substr(0, d) + "\\" + s.substr(d);
  return s;
}

}  // namespace

std::string shield_block_syntax(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    const std::string_view line =
        std::string_view(text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += shield_line(line);
    if (nl == std::string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace galley::resolve
