#include "detail/stats.h"

#include <algorithm>
#include <cmath>

namespace galley::linebreak {

void Stats::add(const Stats& o) {
  lines += o.lines;
  justified += o.justified;
  hyphenated += o.hyphenated;
  overfull += o.overfull;
  longest_hyphen_run = std::max(longest_hyphen_run, o.longest_hyphen_run);
  gaps.insert(gaps.end(), o.gaps.begin(), o.gaps.end());
  steps.insert(steps.end(), o.steps.begin(), o.steps.end());
  max_expansion = std::max(max_expansion, o.max_expansion);
}

Stats measure_lines(const std::vector<Line>& lines) {
  Stats s;
  int run = 0;
  double prev = -1;  // the gap of the justified line before, if it was one
  for (const Line& l : lines) {
    ++s.lines;
    s.overfull += l.overfull;
    if (l.hyphenated) {
      ++s.hyphenated;
      s.longest_hyphen_run = std::max(s.longest_hyphen_run, ++run);
    } else {
      run = 0;
    }
    s.max_expansion = std::max(s.max_expansion, std::abs(l.scale - 1));
    s.justified += l.justified;
    if (!l.justified || l.gap <= 0) {
      prev = -1;
      continue;
    }
    if (prev >= 0) s.steps.push_back(static_cast<float>(std::abs(l.gap - prev)));
    s.gaps.push_back(static_cast<float>(l.gap));
    prev = l.gap;
  }
  return s;
}

double percentile(std::vector<float> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))];
}

}  // namespace galley::linebreak
