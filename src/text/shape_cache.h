// A per-thread memo of shaped paragraphs. A long document repeats paragraphs
// (running text reused across a batch, boilerplate, table cells), and
// shaping is most of the text stage's time.
#pragma once
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/font_book.h"
#include "text/shaped.h"

namespace galley::text {

class ShapeCache {
 public:
  struct Entry {
    ShapedParagraph shaped;
    std::vector<std::string> warnings;  // replayed at each hit's own location
    int missing = 0;                    // characters drawn as .notdef
  };

  const Entry* find(const std::string& key) const;
  // Stores `e` if `key` was offered before: a paragraph seen once (a batch
  // row's own line, most of a report's text) is not kept, so memory does
  // not grow with the rows of a batch. When the cache outgrows its budget
  // it is emptied first, so memory stays bounded however long the document.
  void insert(std::string key, Entry e);

 private:
  // Looked up only, never iterated: their order cannot reach the output.
  std::unordered_map<std::string, Entry> map_;
  std::unordered_set<size_t> offered_;  // hashes of keys offered once, not kept
  size_t bytes_ = 0;
};

// Everything shape() reads from `para` and `fonts`: the text and, per run,
// the font, weight, slant, size, features, tracking and language; the
// paragraph's family and language. Colours, links and locations are not in
// it, so they never make two paragraphs differ. Empty when the paragraph is
// too long to be worth keeping.
std::string shape_key(const resolve::Paragraph& para, const FontBook& fonts);

// A cached result with `para`'s own paragraph style, run styles and location.
ShapedParagraph restyle(const ShapedParagraph& cached, const resolve::Paragraph& para);

}  // namespace galley::text
