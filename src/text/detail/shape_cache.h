// Shaped paragraphs kept in the one memo (base/memo.h). A long document
// repeats paragraphs (running text reused across a batch, boilerplate,
// table cells), and shaping is most of the text stage's time; a batch's
// threads and a build's line-breaking workers share one shaping of each.
#pragma once
#include <string>
#include <vector>

#include "font_book.h"
#include "text/shaped.h"

namespace galley::text {

struct ShapeEntry {
  ShapedParagraph shaped;
  std::vector<std::string> warnings;  // replayed at each hit's own location
  int missing = 0;                    // characters drawn as .notdef
  size_t bytes() const;
};

// Everything shape() reads from `para` and `fonts`: the text and, per run,
// every character key of model/style_keys.h (font, weight, slant, size,
// language, features, tracking: a key declared there is in the memo's key
// without an edit here); the paragraph's family and language. Colours, links and locations are not in
// it, so they never make two paragraphs differ. Empty when the paragraph is
// too long to be worth keeping.
std::string shape_key(const resolve::Paragraph& para, const FontBook& fonts);

// A cached result with `para`'s own paragraph style, run styles and location.
ShapedParagraph restyle(const ShapedParagraph& cached, const resolve::Paragraph& para);

}  // namespace galley::text
