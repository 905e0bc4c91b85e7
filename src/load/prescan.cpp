#include "detail/prescan.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/utf8.h"

namespace galley::load {
namespace {

// Column (1-based, in characters) of byte `pos` within `line`.
int column(std::string_view line, size_t pos) {
  int col = 1;
  for (size_t i = 0; i < pos && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

bool check_encoding(std::string_view bytes, const std::string& path, Diagnostics& diags) {
  auto bad = find_bad_byte(bytes);
  if (!bad) return true;
  diags.error(loc_of_offset(bytes, bad->offset, path),
              describe(*bad) + (bad->control ? " is not allowed in YAML" : "; descriptors must be saved as UTF-8"));
  return false;
}

// Follows just enough YAML structure to know how deep the parser will
// recurse: block levels from indentation and compact `- ` / `? ` / `: `
// indicators, flow levels from brackets outside quotes and comments. Block
// scalars (`|`, `>`) are skipped. It may over-count on odd plain scalars,
// which only matters near the limit, far beyond any real descriptor.
class DepthScanner {
 public:
  DepthScanner(const std::string& path, Diagnostics& diags) : path_(path), diags_(diags) {}

  bool line(std::string_view text, int lineno) {
    text_ = text;
    lineno_ = lineno;
    if (!text.empty() && text.back() == '\r') text_ = text.substr(0, text.size() - 1);
    size_t indent = 0;
    while (indent < text_.size() && text_[indent] == ' ') ++indent;
    bool blank = indent == text_.size();
    if (block_scalar_) {
      if (blank || static_cast<int>(indent) > block_parent_) return true;
      block_scalar_ = false;
    }
    if (quote_ != 0) return scan(0, false);
    if (flow_ > 0) return scan(0, false);
    for (size_t i = 0; i < text_.size() && (text_[i] == ' ' || text_[i] == '\t'); ++i) {
      if (text_[i] == '\t') {
        size_t j = i;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
        if (j == text_.size() || text_[j] == '#') break;
        diags_.error({path_, lineno_, column(text_, i)},
                     "tab character in indentation (YAML indents with spaces only)");
        return false;
      }
    }
    if (blank || text_[indent] == '#') return true;
    line_indent_ = static_cast<int>(indent);
    std::string_view rest = text_.substr(indent);
    if ((rest.starts_with("---") || rest.starts_with("...")) && (rest.size() == 3 || rest[3] == ' ')) {
      levels_.clear();
      return rest[0] == '-' ? scan(indent + 3, true) : true;
    }
    // A comma may continue a plain scalar from the line above (indented
    // deeper than its key); anywhere else in block context it is invalid,
    // and yaml-cpp 0.7 loops forever on some such files.
    if (text_[indent] == ',' && (levels_.empty() || static_cast<int>(indent) <= levels_.back()))
      return stray_comma(indent);
    if (!push_level(static_cast<int>(indent), indent)) return false;
    size_t pos = indent;
    indicator_col_ = -1;
    while (pos < text_.size() && (text_[pos] == '-' || text_[pos] == '?' || text_[pos] == ':') &&
           (pos + 1 == text_.size() || text_[pos + 1] == ' ')) {
      indicator_col_ = static_cast<int>(pos);
      ++pos;
      while (pos < text_.size() && text_[pos] == ' ') ++pos;
      if (pos == text_.size()) return true;
      if (!push_level(static_cast<int>(pos), pos)) return false;
    }
    content_col_ = static_cast<int>(pos);
    return scan(pos, true);
  }

 // yaml-cpp accepts a quoted scalar that runs to the end of the file, which
  // silently swallows the rest of the descriptor as text.
  bool finish() {
    if (quote_ == 0) return true;
    diags_.error({path_, quote_line_, quote_col_},
                 std::string("unterminated ") + (quote_ == '"' ? "double" : "single") +
                     "-quoted string (no closing " + quote_ + " before the end of the file)");
    return false;
  }

 private:
  bool stray_comma(size_t pos) {
    diags_.error({path_, lineno_, column(text_, pos)},
                 "unexpected ',' (commas separate items only inside [...] or {...})");
    return false;
  }

  bool too_deep(size_t pos) {
    diags_.error({path_, lineno_, column(text_, pos)},
                 "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    return false;
  }

  bool count_node(size_t pos) {
    if (++nodes_ <= kMaxSourceNodes) return true;
    diags_.error({path_, lineno_, column(text_, pos)},
                 "more than " + std::to_string(kMaxSourceNodes) + " YAML values in one file");
    return false;
  }

  bool push_level(int col, size_t pos) {
    if (!count_node(pos)) return false;
    while (!levels_.empty() && levels_.back() > col) levels_.pop_back();
    if (levels_.empty() || levels_.back() < col) levels_.push_back(col);
    if (static_cast<int>(levels_.size()) + flow_ > kMaxDepth) return too_deep(pos);
    return true;
  }

  // Scans from `pos`; `value_start` says a node may begin there.
  bool scan(size_t pos, bool value_start) {
    bool after_key = false;
    for (size_t i = pos; i < text_.size(); ++i) {
      if (quote_ == 0 && flow_ == 0 && !value_start) {
        // Inside a plain value in block context only `: ` and ` #` change
        // anything below: skip to the next colon or hash.
        while (i < text_.size() && text_[i] != ':' && text_[i] != '#') ++i;
        if (i == text_.size()) break;
      }
      char c = text_[i];
      if (quote_ == '"') {
        if (c == '\\') ++i;
        else if (c == '"') quote_ = 0;
        continue;
      }
      if (quote_ == '\'') {
        if (c == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') ++i;
        else if (c == '\'') quote_ = 0;
        continue;
      }
      if (c == ' ') continue;
      if (c == '#' && (i == 0 || text_[i - 1] == ' ' || text_[i - 1] == '\t')) return true;
      bool token_start = value_start || flow_ > 0;
      if ((c == '[' || c == '{') && token_start) {
        if (!count_node(i)) return false;
        ++flow_;
        if (static_cast<int>(levels_.size()) + flow_ > kMaxDepth) return too_deep(i);
        value_start = false;
        continue;
      }
      if (c == ',' && flow_ > 0 && !count_node(i)) return false;
      if ((c == ']' || c == '}') && flow_ > 0) {
        // After a collection closes in block context only a comment, a
        // `:` or the end of the line may follow.
        if (--flow_ == 0) value_start = true;
        continue;
      }
      if (c == ',' && flow_ == 0 && value_start && i != static_cast<size_t>(line_indent_)) return stray_comma(i);
      if ((c == '"' || c == '\'') && token_start && starts_token(i)) {
        quote_ = c;
        quote_line_ = lineno_;
        quote_col_ = column(text_, i);
        continue;
      }
      if ((c == '|' || c == '>') && value_start && flow_ == 0) {
        // The scalar's lines are those indented past its parent node: the
        // key it is the value of, else the `- ` entry holding it.
        block_scalar_ = true;
        block_parent_ = after_key ? content_col_ : indicator_col_ >= 0 ? indicator_col_ : line_indent_ - 1;
        return true;
      }
      if ((c == '&' || c == '!') && value_start) {
        while (i + 1 < text_.size() && text_[i + 1] != ' ') ++i;
        continue;
      }
      if (c == ':' && (i + 1 == text_.size() || text_[i + 1] == ' ')) {
        if (!count_node(i)) return false;
        value_start = true;
        after_key = true;
        continue;
      }
      value_start = false;
    }
    return true;
  }

  // Inside flow collections a quote opens a scalar only at the start of a
  // token (`[don't]` is a plain scalar).
  bool starts_token(size_t i) const {
    if (flow_ == 0) return true;
    size_t j = i;
    while (j > 0 && text_[j - 1] == ' ') --j;
    if (j == 0) return true;
    char p = text_[j - 1];
    return p == '[' || p == '{' || p == ',' || p == ':';
  }

  const std::string& path_;
  Diagnostics& diags_;
  int quote_line_ = 0, quote_col_ = 0;
  long nodes_ = 0;
  std::string_view text_;
  int lineno_ = 0;
  int line_indent_ = 0;
  int indicator_col_ = -1;  // the last `- ` / `? ` of this line, or -1
  int content_col_ = 0;     // where this line's node starts after them
  std::vector<int> levels_;
  int flow_ = 0;
  char quote_ = 0;
  bool block_scalar_ = false;
  int block_parent_ = 0;
};

}  // namespace

std::optional<BadByte> find_bad_byte(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {  // printable ASCII, nearly every byte
      ++i;
      continue;
    }
    const size_t n = base::sequence_length(s, i);
    if (n == 0) return BadByte{i, false, c};
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return BadByte{i, true, c};
    i += n;
  }
  return std::nullopt;
}

std::string describe(const BadByte& bad) {
  char text[40];
  if (bad.control) std::snprintf(text, sizeof text, "control character U+%04X", bad.byte);
  else std::snprintf(text, sizeof text, "invalid UTF-8 (byte 0x%02X)", bad.byte);
  return text;
}

SourceLoc loc_of_offset(std::string_view text, size_t offset, const std::string& path) {
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t from = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  int line = 1;
  for (size_t i = 0; i < from; ++i) line += text[i] == '\n';
  return SourceLoc{path, line, column(text.substr(from), offset - from)};
}

SourceLoc loc_of_offset(std::string_view text, size_t offset, const std::string& path,
                        const std::vector<size_t>& line_starts) {
  // The last line start at or before `offset`: what rfind finds above.
  const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  if (after == line_starts.begin()) return loc_of_offset(text, offset, path);
  const size_t from = *(after - 1);
  return SourceLoc{path, static_cast<int>(after - line_starts.begin()), column(text.substr(from), offset - from)};
}

bool prescan(std::string_view bytes, const std::string& path, Diagnostics& diags) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!check_encoding(bytes, path, diags)) return false;
  DepthScanner scanner(path, diags);
  int lineno = 1;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    if (!scanner.line(bytes.substr(start, end - start), lineno)) return false;
    start = end + 1;
    ++lineno;
  }
  return scanner.finish();
}

}  // namespace galley::load
