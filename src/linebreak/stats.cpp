#include "linebreak/stats.h"

#include <algorithm>

namespace galley::linebreak {

void Stats::add(const Stats& o) {
  lines += o.lines;
  justified += o.justified;
  loose += o.loose;
  tight += o.tight;
  hyphenated += o.hyphenated;
  overfull += o.overfull;
  longest_hyphen_run = std::max(longest_hyphen_run, o.longest_hyphen_run);
  sum_ratio += o.sum_ratio;
  max_stretch = std::max(max_stretch, o.max_stretch);
  max_shrink = std::max(max_shrink, o.max_shrink);
}

Stats measure_lines(const std::vector<Line>& lines) {
  Stats s;
  int run = 0;
  for (const Line& l : lines) {
    ++s.lines;
    s.overfull += l.overfull;
    if (l.hyphenated) {
      ++s.hyphenated;
      s.longest_hyphen_run = std::max(s.longest_hyphen_run, ++run);
    } else {
      run = 0;
    }
    if (!l.justified) continue;
    ++s.justified;
    s.loose += l.ratio > 1;
    s.tight += l.ratio < -1;
    s.sum_ratio += l.ratio;
    if (l.ratio > 0) s.max_stretch = std::max(s.max_stretch, l.ratio);
    else s.max_shrink = std::max(s.max_shrink, -l.ratio);
  }
  return s;
}

}  // namespace galley::linebreak
