// Knuth–Plass total-fit line breaking on TeX's box/glue/penalty model,
// independent of text: the items carry only dimensions and penalties.
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

namespace galley::linebreak {

inline constexpr double kInfPenalty = 10000;   // a penalty this high forbids the break
inline constexpr double kInfBad = 10000;       // TeX's inf_bad: badness cap

struct Item {
  enum Kind : unsigned char { Box, Glue, Penalty };
  Kind kind = Box;
  double width = 0;            // a penalty's width counts only when the line breaks there
  double stretch = 0, shrink = 0;
  bool fil = false;            // glue with infinite stretch (\parfillskip)
  double penalty = 0;          // >= kInfPenalty: never; <= -kInfPenalty: forced
  bool flagged = false;        // a hyphen break, for double/final hyphen demerits
  bool breakable = true;       // glue: UAX #14 allows a break here
  bool hyphenation = false;    // from patterns: only tried from the second pass on
  // Protrusion (points) a line gives back when it starts at this box (its
  // first glyph) or ends at it (a box: its last glyph; a penalty: its hyphen).
  float hang_start = 0, hang_end = 0;
};

struct Params {
  double threshold = 200;           // the largest badness a line may have
  double line_penalty = 10;
  double double_hyphen_demerits = 10000;
  double final_hyphen_demerits = 5000;
  double adj_demerits = 10000;
  double background_stretch = 0;    // added to every line (ragged rightskip, emergency stretch)
  double expansion = 0;             // font expansion: this fraction of box widths stretches and shrinks
  bool hyphenation = true;          // try Item::hyphenation penalties
  int max_hyphen_run = 0;           // most consecutive lines ending at flagged breaks; 0: any
  bool final_pass = false;          // take lines beyond the threshold too, rather than fail
};

struct Breakpoints {
  std::vector<size_t> at;    // item index of each line's break; the last is the final item
  double demerits = 0;       // total over the paragraph
};

// Which items start a line broken at `b` (TeX: glue and penalties after a
// break are discarded up to the next box or forced break).
size_t line_start_after(const std::vector<Item>& items, size_t b);

// The protrusion a line from item `start` to the break `b` gives back.
double line_hang(const std::vector<Item>& items, size_t start, size_t b);

// The badness of a line that must cover `shortfall` (> 0: stretch) with the
// given stretch/shrink; kInfBad + 1 when it cannot (overfull).
double badness(double shortfall, double stretch, double shrink, bool fil);

// Fitness class as in TeX: 0 very loose, 1 loose, 2 decent, 3 tight.
int fitness_class(double shortfall, double badness);

// The optimal breaks for `items` (which must end with a forced break), or an
// empty result when no sequence of lines is within the threshold and this is
// not the final pass. Every line costs its demerits from its real badness:
// the final pass always succeeds, taking lines looser than the threshold
// priced by their badness without TeX's cap at 10000 (so the slack is spread
// rather than left in one gaping line), and breaking overfull where nothing
// else is left (TeX's artificial demerits).
// A line's width is its items' less the protrusion of its first and last
// glyphs; its stretch and shrink include `expansion` of its boxes' width.
// `width(i)` is read once for each line the items could make (one per legal
// break), so it must depend on the line number only.
Breakpoints knuth_plass(const std::vector<Item>& items, const std::function<double(int)>& width,
                        const Params& params);

// First-fit: each line takes as much as fits with full shrink.
Breakpoints greedy(const std::vector<Item>& items, const std::function<double(int)>& width,
                   double background_stretch);

}  // namespace galley::linebreak
