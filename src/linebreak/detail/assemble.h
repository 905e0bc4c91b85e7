// From chosen breakpoints to finished lines: glue set, hyphens added, runs
// in visual order, alignment and indents applied.
#pragma once
#include <functional>
#include <vector>

#include "items.h"
#include "linebreak/line.h"

namespace galley::linebreak {

// Where a line's content may go inside the measure `width(line)`: the style's
// indents taken off, the first-line indent on the paragraph's start side.
struct Margins {
  double left = 0, right = 0;
};
Margins margins(const text::ShapedParagraph& para, int line);

// A line's text clusters: every byte of the source the line shows belongs to
// exactly one cluster. An inserted hyphen maps to no text (a cluster with
// text "") so copying a hyphenated word gives the word; the spaces a break
// discards belong to no line.
std::vector<Line> assemble(const text::ShapedParagraph& para, const Itemized& items,
                           const std::vector<size_t>& breaks, const std::function<double(int)>& width);

}  // namespace galley::linebreak
