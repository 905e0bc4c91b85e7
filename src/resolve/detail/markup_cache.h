// Inline markup parsed once per source text. The parse does not depend on
// variables (they are substituted after parsing) nor on styles, so a batch
// parses each text once and every row only styles and substitutes the runs.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "base/memo.h"

namespace galley::resolve {

// Character styles a run is in, innermost last.
enum class CharOp : unsigned char { Strong, Emphasis, Code, Link, Strike };

// One run of the parse: its text with {{vars}} still in it, and the
// character styles to apply over the paragraph's, outermost first.
struct ParsedRun {
  std::string text;
  std::vector<CharOp> ops;
  int link = -1;   // index into ParsedMarkup::urls when inside a link
  int image = -1;  // index into ParsedMarkup::images: an inline image (text U+FFFC)
};

// `![alt](file)` inside text, as written: placed in the line as an icon.
struct InlineImage {
  std::string url;
  std::string alt;
};

struct ParsedMarkup {
  // Link destinations in document order, {{vars}} unsubstituted: they are
  // substituted before the runs, as the parse met them.
  std::vector<std::string> urls;
  std::vector<InlineImage> images;
  std::vector<ParsedRun> runs;

  size_t bytes() const;  // what it holds, for the memo's budget
};

// Null when cmark runs out of memory.
std::shared_ptr<const ParsedMarkup> parse_markup(const std::string& source);

// The memo key of parse_markup(source): the parse depends on the text alone.
std::string markup_key(const std::string& source);

// Parses kept by markup_key() in a base::Memo; thread-safe. At most
// kMaxBytes are kept; beyond that the kept parses are dropped and made again
// when next asked for.
class MarkupCache {
 public:
  static constexpr size_t kMaxBytes = size_t{16} << 20;

  std::shared_ptr<const ParsedMarkup> get(const std::string& source);

 private:
  base::Memo<ParsedMarkup> memo_{kMaxBytes};
};

}  // namespace galley::resolve
