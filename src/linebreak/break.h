// Line breaking: a shaped paragraph and the width of each line in, lines out.
#pragma once
#include <functional>
#include <vector>

#include "diag/diagnostic.h"
#include "linebreak/line.h"
#include "text/font_book.h"
#include "text/shaped.h"

namespace galley::linebreak {

struct Options {
  double tolerance = 200;      // TeX \tolerance (badness)
  double pretolerance = 100;   // TeX \pretolerance: first pass without hyphenation
  double line_penalty = 10;
  double hyphen_penalty = 50;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  double adj_demerits = 10000;   // adjacent fitness classes more than one apart
  double emergency_stretch = 0;  // points; 0 = 10% of the widest line when needed
  int left_hyphen_min = 2, right_hyphen_min = 3;
  bool hyphenate_capitalized = true;
  bool greedy = false;           // first-fit, for comparison and huge paragraphs
  size_t greedy_above_words = 5000;
};

// `width(i)` is the measure of line i (0-based) — frames and wraps may give
// each line its own. Overfull lines are warnings at the paragraph's location.
std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const text::FontBook& fonts,
                                  const std::function<double(int)>& width, const Options& opts,
                                  Stats* stats, Diagnostics& diags);

}  // namespace galley::linebreak
