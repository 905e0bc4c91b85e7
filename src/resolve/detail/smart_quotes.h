// Typographic quotation marks and apostrophes for the straight ones an
// author types, in the paragraph's (or a run's) language: "x" → “x” in
// English, „x“ in German, « x » (with U+202F) in French; don't → don’t.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "resolve/styled.h"

namespace galley::resolve {

// Stand for `\"` and `\'` while markup is parsed and quotes are smartened
// (cmark would drop the backslash): noncharacters, like kLiteralBraces.
inline constexpr std::string_view kLiteralDoubleQuote = "\xEF\xB7\x91";  // U+FDD1
inline constexpr std::string_view kLiteralSingleQuote = "\xEF\xB7\x92";  // U+FDD2

// A language's marks: outer pair, inner pair, and whether a narrow no-break
// space (U+202F) goes inside the outer pair (French guillemets).
struct QuoteMarks {
  std::string_view open, close, inner_open, inner_close;
  bool spaced = false;
};
// By BCP 47 tag, language subtag first, then the region where it matters
// (de-CH, pt-BR, zh-TW); English marks for a language not in the table.
const QuoteMarks& quote_marks(std::string_view language);

// `\"` → kLiteralDoubleQuote and `\'` → kLiteralSingleQuote in markup
// source; `\\` stays as it is.
std::string protect_quotes(const std::string& source);

// Replaces the straight quotes of a paragraph's runs in place, runs read as
// one text so a quote sees its neighbours across a style change. Runs with
// `literal[i]` (code) keep theirs. A run's language is its style's, else
// `language`.
void smarten_quotes(std::vector<Run>& runs, const std::vector<bool>& literal, const std::string& language);

// The markers back to the quotes they stand for: with their backslash in
// code (a code span keeps backslashes), without it elsewhere.
void restore_quotes(std::string& text, bool code);

}  // namespace galley::resolve
