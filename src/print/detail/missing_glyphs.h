// Internal to print/: characters drawn as .notdef (glyph id 0), which the
// text stage does when no font of the style's chain has them. Collected
// over a page's runs and reported once per element (paragraph, footer) and
// page, listing the characters, so a paragraph broken over ten lines is one
// finding.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"

namespace galley::print::detail {

class MissingGlyphs {
 public:
  void add(const layout::GlyphRun& run, const std::string& family);
  // Reports what add() collected as findings of page `page_name`, then
  // forgets it.
  void report(const std::string& page_name, Diagnostics& diags);

 private:
  struct Element {
    SourceLoc loc;
    std::string what, family;
    std::vector<std::string> chars;  // distinct cluster texts, in order
  };
  std::vector<Element> elements_;
};

}  // namespace galley::print::detail
