#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detail/prescan.h"

using namespace galley;

TEST_CASE("a place found through the line starts is the one counted from the start, at every byte") {
  // Empty lines, a line without its newline, characters of two and three
  // bytes (a column counts characters).
  const std::string text = "para one\n\n  caf\xC3\xA9 \xE2\x80\x94 x\n\nlast\nend";
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    INFO(offset);
    const SourceLoc counted = load::loc_of_offset(text, offset, "x.md");
    const SourceLoc looked_up = load::loc_of_offset(text, offset, "x.md", starts);
    CHECK(looked_up.file == "x.md");
    CHECK(looked_up.line == counted.line);
    CHECK(looked_up.col == counted.col);
  }
  const size_t dash = text.find("\xE2\x80\x94");
  CHECK(load::loc_of_offset(text, dash, "x.md", starts).line == 3);
  CHECK(load::loc_of_offset(text, dash, "x.md", starts).col == 8);  // "  café " is 7 characters
  CHECK(load::loc_of_offset(text, text.size(), "x.md", starts).line == 6);
}
