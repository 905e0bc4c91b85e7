// A paragraph's lines at one measure, kept in the one memo (base/memo.h)
// by every input they depend on. A long report sets the same paragraph
// many times: measured ahead, measured again where a page ends, drawn, and
// its text repeated (the 995-page report breaks 1,100 distinct paragraphs
// 22,400 times).
#pragma once
#include <string>
#include <vector>

#include "break.h"

namespace galley::linebreak {

struct LinesEntry {
  std::vector<Line> lines;
  std::vector<std::string> warnings;  // replayed at each hit's own location
  size_t bytes() const;
};

// Everything break_paragraph() reads at a constant measure `width`: the
// shaping's memo key (text, run styles' character keys, fonts), every
// plain key of the paragraph style and the others linebreak/ reads, and
// every option. Empty when the shaping has no key.
std::string lines_key(const text::ShapedParagraph& para, double width, const Options& opts);

// Cached lines given the run styles of `para` (a cached line's runs carry
// the styles of the paragraph first broken).
std::vector<Line> restyle_lines(const std::vector<Line>& cached, const text::ShapedParagraph& para);

}  // namespace galley::linebreak
