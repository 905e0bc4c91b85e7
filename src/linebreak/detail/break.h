// Line breaking: a shaped paragraph and the width of each line in, lines out.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "diag/diagnostic.h"
#include "linebreak/line.h"
#include "text/text.h"
#include "text/shaped.h"

namespace galley::linebreak {

struct Options {
  double tolerance = 200;      // TeX \tolerance (badness)
  double pretolerance = 100;   // TeX \pretolerance: first pass without hyphenation
  double line_penalty = 10;
  double hyphen_penalty = 50;
  // Splitting the paragraph's last word leaves a fragment alone on the last
  // line: allowed, but only to spare the lines above a gap about 2.5 times
  // the natural space (its square, 10^6 demerits, is such a line's cost).
  double last_word_hyphen_penalty = 1000;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  double adj_demerits = 10000;   // adjacent fitness classes more than one apart
  int left_hyphen_min = 2, right_hyphen_min = 3;
  int max_hyphen_run = 2;        // consecutive lines ending in a hyphen; 0: no limit
  bool hyphenate_capitalized = true;
  bool greedy = false;           // first-fit, for comparison and huge paragraphs
  size_t greedy_above_words = 5000;
};

// The hyphen a face draws at a line break (U+2010, else U+002D): glyph id
// and advance per em; gid 0 when the face has neither.
struct HyphenGlyph {
  uint32_t gid = 0;
  double advance = 0;
};
using HyphenGlyphs = std::function<HyphenGlyph(int face)>;
HyphenGlyphs hyphen_glyphs(const text::FontBook& fonts);

// `width(i)` is the measure of line i (0-based) — frames and wraps may give
// each line its own. Overfull lines are warnings at the paragraph's location.
std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const text::FontBook& fonts,
                                  const std::function<double(int)>& width, const Options& opts,
                                  Diagnostics& diags);

// The same at one measure for every line, through the memo of lines
// (line_memo.h) when the shaping has a memo key: the same lines and
// warnings as breaking again.
std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const text::FontBook& fonts, double width,
                                  const Options& opts, Diagnostics& diags);

// The same without a FontBook: hyphens come from `hyphen` (for tests and
// benchmarks that shape by hand).
std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const HyphenGlyphs& hyphen,
                                  const std::function<double(int)>& width, const Options& opts,
                                  Diagnostics& diags);

}  // namespace galley::linebreak
