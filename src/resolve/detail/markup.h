// Inline markup → runs. cmark parses the text (block syntax shielded, see
// block_shield.h) and each inline node becomes text in a character style:
// **strong**, *emphasis*, `code`, ~~strike~~ (GitHub's, two tildes),
// [links](url) (internal as "#id"); a soft
// break is a space, a hard break and a blank line are U+2028; HTML comes
// out as its literal text; an image `![alt](file)` is a run of its own
// (CharStyle::image), its file relative to the text's file and an error
// when missing. {{vars}} are substituted after
// parsing, in the text and link URLs, so a value's `*` stays literal.
// Straight quotes then become the language's marks unless the paragraph
// style turns `smart-quotes` off; `\"` and `\'` stay straight
// (smart_quotes.h), and so does everything in `code`.
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "cascade.h"
#include "markup_cache.h"
#include "resolve/styled.h"

namespace galley::resolve {

struct Expansion;  // resolve/detail/expand.h

// The character styles of one resolve's runs, each made once and shared
// by every run in it (Shared): a paragraph style's own, and its own with
// the markup's character styles and a link over it. Not thread-safe: one
// per resolve.
class RunStyles {
 public:
  explicit RunStyles(const Cascade* cascade) : cascade_(cascade) {}
  // char_style(*para).
  const Shared<CharStyle>& plain(const Shared<ParaStyle>& para);
  // plain(para) with `ops` applied, innermost last, and `link` set.
  const Shared<CharStyle>& marked(const Shared<ParaStyle>& para, const std::vector<CharOp>& ops,
                                  const std::string& link);

 private:
  struct Plain {
    Shared<ParaStyle> para;  // keeps the key's address from being reused
    Shared<CharStyle> style;
  };
  const Cascade* cascade_;
  std::map<const ParaStyle*, Plain> plain_;
  std::map<std::tuple<const ParaStyle*, std::string, std::string>, Shared<CharStyle>> marked_;
};

// `cascade` gives the layout's character styles; null (master text set by
// layout/) uses their built-in effects. With a `cache`, the text is parsed
// once for every use of it. `expansion`: ExpandOptions::document. `styles`
// shares the runs' styles with other paragraphs' (one of the call's own
// when null); made with `cascade`.
std::vector<Run> markup_runs(const model::Text& text, const Shared<ParaStyle>& para, const Cascade* cascade,
                             const Variables& vars, Diagnostics& diags, MarkupCache* cache = nullptr,
                             Expansion* expansion = nullptr, RunStyles* styles = nullptr);

}  // namespace galley::resolve
