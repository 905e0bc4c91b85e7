// A table of contents: its entries, and measuring its block at a column
// width (see measured.h).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "measured.h"
#include "text_setter.h"
#include "resolve/styled.h"

namespace galley::layout {

// One line of a table of contents, with the printed page label.
struct TocEntry {
  std::string title;
  int level = 1;
  std::string dest;
  std::string page;  // "" until the first pass has placed the heading
};

MeasuredBlock measure_toc(const resolve::Block& b, double width, TextSetter& ts,
                          const std::vector<TocEntry>& entries,
                          const std::map<std::string, resolve::ParaStyle>& styles);

}  // namespace galley::layout
