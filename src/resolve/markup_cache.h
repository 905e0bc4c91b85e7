// Inline markup parsed once per source text. The parse does not depend on
// variables (they are substituted after parsing) nor on styles, so a batch
// parses each text once and every row only styles and substitutes the runs.
#pragma once
#include <cstddef>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace galley::resolve {

// Character styles a run is in, innermost last.
enum class CharOp : unsigned char { Strong, Emphasis, Code, Link };

// One run of the parse: its text with {{vars}} still in it, and the
// character styles to apply over the paragraph's, outermost first.
struct ParsedRun {
  std::string text;
  std::vector<CharOp> ops;
  int link = -1;  // index into ParsedMarkup::urls when inside a link
};

struct ParsedMarkup {
  // Link destinations in document order, {{vars}} unsubstituted: they are
  // substituted before the runs, as the parse met them.
  std::vector<std::string> urls;
  std::vector<ParsedRun> runs;
};

// Null when cmark runs out of memory.
std::shared_ptr<const ParsedMarkup> parse_markup(const std::string& source);

// Parses keyed by the source text; thread-safe. Holds at most kMaxEntries
// texts and kMaxBytes of source: a text beyond that is parsed per use.
class MarkupCache {
 public:
  static constexpr size_t kMaxEntries = 4096;
  static constexpr size_t kMaxBytes = size_t{16} << 20;

  std::shared_ptr<const ParsedMarkup> get(const std::string& source);

 private:
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const ParsedMarkup>> parsed_;
  size_t bytes_ = 0;
};

}  // namespace galley::resolve
