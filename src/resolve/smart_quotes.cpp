#include "detail/smart_quotes.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace galley::resolve {
namespace {

constexpr std::string_view kApostrophe = "\xE2\x80\x99";  // ’
constexpr std::string_view kNarrowSpace = "\xE2\x80\xAF"; // U+202F

struct Entry {
  std::string_view tag;  // language subtag, or language-REGION
  QuoteMarks marks;
};

// The marks each language's typography uses for straight double quotes
// (outer) and single quotes (inner).
constexpr std::array kMarks = {
    Entry{"en", {"“", "”", "‘", "’"}},
    Entry{"de", {"„", "“", "‚", "‘"}},
    Entry{"de-CH", {"«", "»", "‹", "›"}},
    Entry{"de-LI", {"«", "»", "‹", "›"}},
    Entry{"fr", {"«", "»", "“", "”", true}},
    Entry{"es", {"«", "»", "“", "”"}},
    Entry{"ca", {"«", "»", "“", "”"}},
    Entry{"it", {"«", "»", "“", "”"}},
    Entry{"pt", {"«", "»", "“", "”"}},
    Entry{"pt-BR", {"“", "”", "‘", "’"}},
    Entry{"nl", {"“", "”", "‘", "’"}},
    Entry{"da", {"»", "«", "›", "‹"}},
    Entry{"sv", {"”", "”", "’", "’"}},
    Entry{"fi", {"”", "”", "’", "’"}},
    Entry{"nb", {"«", "»", "‘", "’"}},
    Entry{"nn", {"«", "»", "‘", "’"}},
    Entry{"no", {"«", "»", "‘", "’"}},
    Entry{"pl", {"„", "”", "«", "»"}},
    Entry{"cs", {"„", "“", "‚", "‘"}},
    Entry{"sk", {"„", "“", "‚", "‘"}},
    Entry{"hu", {"„", "”", "»", "«"}},
    Entry{"ru", {"«", "»", "„", "“"}},
    Entry{"uk", {"«", "»", "„", "“"}},
    Entry{"el", {"«", "»", "“", "”"}},
    Entry{"ja", {"「", "」", "『", "』"}},
    Entry{"zh", {"“", "”", "‘", "’"}},
    Entry{"zh-TW", {"「", "」", "『", "』"}},
    Entry{"zh-HK", {"「", "」", "『", "』"}},
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_tag(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y) || (x == '_' && y == '-') || (x == '-' && y == '_');
         });
}

bool space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x2028; }

// A quote after this opens: start of text, a space, an opening bracket or
// quote, a dash or a slash.
bool opens_after(UChar32 prev) {
  if (prev < 0 || space(prev) || prev == '/') return true;
  const int8_t type = u_charType(prev);
  return type == U_START_PUNCTUATION || type == U_DASH_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

// The code point at `at` in `s` (U+FFFD for a bad byte, -1 past the end).
UChar32 code_point_at(std::string_view s, size_t at) {
  if (at >= s.size()) return -1;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}

void drop_trailing_spaces(std::string& out) {
  for (bool more = true; more;) {
    more = false;
    for (std::string_view sp : {std::string_view(" "), std::string_view("\xC2\xA0"), kNarrowSpace}) {
      if (out.size() >= sp.size() && std::string_view(out).substr(out.size() - sp.size()) == sp) {
        out.resize(out.size() - sp.size());
        more = true;
      }
    }
  }
}

}  // namespace

const QuoteMarks& quote_marks(std::string_view language) {
  const std::string_view lang = language.substr(0, std::min(language.find_first_of("-_"), language.size()));
  const std::string_view last = language.substr(std::min(language.find_last_of("-_") + 1, language.size()));
  const QuoteMarks* found = &kMarks[0].marks;
  for (const Entry& e : kMarks) {
    const size_t dash = e.tag.find('-');
    if (dash == std::string_view::npos ? same_tag(e.tag, lang)
                                       : same_tag(e.tag.substr(0, dash), lang) && same_tag(e.tag.substr(dash + 1), last))
      found = &e.marks;  // regional entries follow their language's
  }
  return *found;
}

std::string protect_quotes(const std::string& source) {
  if (source.find('\\') == std::string::npos) return source;
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    const char next = i + 1 < source.size() ? source[i + 1] : '\0';
    if (source[i] == '\\' && (next == '"' || next == '\'')) {
      out += next == '"' ? kLiteralDoubleQuote : kLiteralSingleQuote;
      ++i;
    } else if (source[i] == '\\' && next == '\\') {
      out += "\\\\";
      ++i;
    } else {
      out += source[i];
    }
  }
  return out;
}

void smarten_quotes(std::vector<Run>& runs, const std::vector<bool>& literal, const std::string& language) {
  const bool any = std::any_of(runs.begin(), runs.end(), [](const Run& r) {
    return r.text.find_first_of("\"'") != std::string::npos;
  });
  if (!any) return;
  UChar32 prev = -1;
  bool just_opened = false;  // the last character was an opening mark
  bool double_open = false, single_open = false;
  bool skip_spaces = false;  // after a spaced opening mark
  for (size_t r = 0; r < runs.size(); ++r) {
    const std::string_view text = runs[r].text;
    const bool keep = r < literal.size() && literal[r];
    const QuoteMarks& marks = quote_marks(runs[r].style->language.empty() ? language : runs[r].style->language);
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t i = 0; i < text.size();) {
      const UChar32 c = code_point_at(text, i);
      int32_t end = static_cast<int32_t>(i);
      U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), end, static_cast<int32_t>(text.size()));
      const std::string_view bytes = text.substr(i, static_cast<size_t>(end) - i);
      i = static_cast<size_t>(end);
      if (skip_spaces && (c == ' ' || c == 0xA0)) continue;
      skip_spaces = false;
      if (keep || (c != '"' && c != '\'')) {
        out += bytes;
        prev = c;
        just_opened = false;
        continue;
      }
      // The character after the quote, in this run or the next with text.
      UChar32 next = code_point_at(text, i);
      for (size_t n = r + 1; next < 0 && n < runs.size(); ++n) next = code_point_at(runs[n].text, 0);
      const bool before_space = next < 0 || space(next);
      const bool opening = just_opened || opens_after(prev);
      prev = c;
      just_opened = false;
      if (c == '\'' && !opening && next >= 0 && u_isalpha(next)) {
        out += kApostrophe;  // don't, department's
        continue;
      }
      const bool open = c == '"' ? (opening && !before_space) || (opening && !double_open)
                                 : opening && !before_space && !(next >= 0 && u_isdigit(next));
      if (c == '\'' && !open && !single_open) {
        out += kApostrophe;  // students', '90s
        continue;
      }
      bool& is_open = c == '"' ? double_open : single_open;
      is_open = open;
      just_opened = open;
      const std::string_view mark =
          c == '"' ? (open ? marks.open : marks.close) : (open ? marks.inner_open : marks.inner_close);
      const bool spaced = marks.spaced && c == '"';
      if (open) {
        out += mark;
        if (spaced) {
          out += kNarrowSpace;
          skip_spaces = true;
        }
      } else {
        if (spaced) {
          drop_trailing_spaces(out);
          out += kNarrowSpace;
        }
        out += mark;
      }
    }
    runs[r].text = std::move(out);
  }
}

void restore_quotes(std::string& text, bool code) {
  for (const auto& [marker, quote] : {std::pair{kLiteralDoubleQuote, std::string_view("\"")},
                                      std::pair{kLiteralSingleQuote, std::string_view("'")}}) {
    const std::string with = code ? "\\" + std::string(quote) : std::string(quote);
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + with.size()))
      text.replace(at, marker.size(), with);
  }
}

}  // namespace galley::resolve
