#include "detail/booklet_pages.h"

#include <string>

namespace galley::cli {

void check_booklet_pages(int pages, const model::Layout& layout, bool strict, Diagnostics& diags) {
  if (pages <= 0 || pages % 4 == 0) return;
  SourceLoc at{layout.path, 0, 0};
  for (const model::SequenceEntry& e : layout.sequence)
    if (e.until_empty) at = e.loc;
  const int blanks = 4 - pages % 4;
  std::string message = "the document has " + std::to_string(pages) + " page" + (pages == 1 ? "" : "s") +
                        ", not a multiple of 4: the booklet gets " +
                        std::to_string(blanks) + " blank page" + (blanks == 1 ? "" : "s") +
                        " before the back cover; cut or add content, or fix the page count in the sequence";
  if (strict) diags.error(at, std::move(message));
  else diags.warning(at, std::move(message));
}

}  // namespace galley::cli
