#include "detail/stand_ins.h"

#include <algorithm>

namespace galley::load {

namespace {

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Shorter values are not worth it, and none of them is then a null word
// (`~`, `null`), which yaml-cpp reads as no value.
constexpr std::size_t kShortest = 16;

// Whether the plain scalar `v` (trimmed, alone on the rest of its line)
// runs to the line's end in block context, whatever its first character
// was asked to start.
bool whole_line_plain(std::string_view v) {
  if (v.size() < kShortest || v.back() == ':') return false;
  // A first character that is an indicator starts something else; `-`,
  // `?` and `:` only before a blank, but they are rare enough to leave.
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(v[i]);
    if (c > ':') continue;  // letters and most punctuation: nearly every byte
    if (c < 0x20 && c != '\t') return false;
    if (c == ':' && i + 1 < v.size() && (v[i + 1] == ' ' || v[i + 1] == '\t')) return false;
  }
  // ` #` starts a comment.
  for (std::size_t at = v.find('#'); at != std::string_view::npos; at = v.find('#', at + 1))
    if (at > 0 && (v[at - 1] == ' ' || v[at - 1] == '\t')) return false;
  return true;
}

}  // namespace

std::vector<StandIn> find_stand_ins(std::string_view bytes) {
  std::vector<StandIn> out;
  // A byte order mark shifts yaml-cpp's columns on the first line.
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.size() > UINT32_MAX) return out;
  struct Pending {
    StandIn at;
    int parent = 0;  // the line is continued by one indented deeper than this
    bool set = false;
  } pending;
  int skip_deeper = -1;  // inside a block scalar, or a quoted or flow value left open
  int line_no = 0;
  for (std::size_t start = 0; start < bytes.size(); ++line_no) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    const std::size_t line_start = start;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    if (indent == line.size() || line[indent] == '#') continue;
    const int col = static_cast<int>(indent);
    if (skip_deeper >= 0 && col > skip_deeper) continue;
    skip_deeper = -1;
    if (pending.set) {
      if (col <= pending.parent) out.push_back(pending.at);
      else skip_deeper = pending.parent;
      pending.set = false;
      if (skip_deeper >= 0) continue;
    }
    // `- - key: value`, `- value`, `key: value`.
    std::size_t pos = indent;
    int parent = col;
    bool dash = false;
    while (pos < line.size() && line[pos] == '-' && (pos + 1 == line.size() || line[pos + 1] == ' ')) {
      parent = static_cast<int>(pos);
      dash = true;
      ++pos;
      while (pos < line.size() && line[pos] == ' ') ++pos;
    }
    std::size_t k = pos;
    while (k < line.size() && key_char(line[k])) ++k;
    if (k > pos && k + 1 < line.size() && line[k] == ':' && line[k + 1] == ' ') {
      parent = static_cast<int>(pos);
      pos = k + 1;
      while (pos < line.size() && line[pos] == ' ') ++pos;
    } else if (!dash) {
      continue;  // some other form, or a line continuing a value
    }
    std::string_view v = line.substr(pos);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    if (v.empty()) continue;
    const char first = v.front();
    if (first == '|' || first == '>') {
      skip_deeper = parent;
      continue;
    }
    const char close = first == '[' ? ']' : first == '{' ? '}' : first;
    if (first == '\'' || first == '"' || first == '[' || first == '{') {
      if (v.size() < 2 || v.back() != close) skip_deeper = parent;
      continue;
    }
    // yaml-cpp guesses the encoding from the first four bytes.
    if (line_start + pos < 4 || !whole_line_plain(v)) continue;
    pending.at = {static_cast<std::uint32_t>(line_start + pos), static_cast<std::uint32_t>(v.size()), line_no,
                  static_cast<int>(pos)};
    pending.parent = parent;
    pending.set = true;
  }
  if (pending.set) out.push_back(pending.at);
  return out;
}

Condensed::Condensed(std::string_view bytes, const std::vector<StandIn>& stand_ins) : stand_ins_(stand_ins) {
  std::size_t total = 0;
  for (const auto& s : stand_ins) total += s.length - 1;
  text_.reserve(bytes.size() - total);
  left_out_.reserve(stand_ins.size());
  std::size_t from = 0;
  std::uint32_t left_out = 0;
  for (const auto& s : stand_ins) {
    text_.append(bytes.substr(from, s.offset - from));
    text_ += 'x';
    from = s.offset + s.length;
    left_out += s.length - 1;
    left_out_.push_back(left_out);
  }
  text_.append(bytes.substr(from));
}

std::size_t Condensed::end_of(std::size_t i) const {
  const StandIn& s = stand_ins_[i];
  return s.offset + s.length - left_out_[i];
}

YAML::Mark Condensed::original(YAML::Mark m) const {
  if (m.pos < 0) return m;
  const auto pos = static_cast<std::size_t>(m.pos);
  // The last stand-in whose "x" ends at or before `pos`.
  std::size_t lo = 0, hi = stand_ins_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (end_of(mid) <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return m;
  const std::size_t i = lo - 1;
  m.pos = static_cast<int>(pos + left_out_[i]);
  if (stand_ins_[i].line == m.line) m.column += static_cast<int>(stand_ins_[i].length - 1);
  return m;
}

}  // namespace galley::load
