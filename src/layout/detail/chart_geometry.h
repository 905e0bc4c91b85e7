// Chart geometry without text: value scales with ticks at 1-2-5 steps, bar
// rectangles, line points, pie slices as Bézier paths, legend rows. Plain
// numbers in, page coordinates (points, y down) out, so each rule is tested
// on its own (tests/layout/chart_geometry_test.cpp); chart_block.cpp adds
// the labels and draws.
#pragma once
#include <cstddef>
#include <vector>

#include "layout/page.h"

namespace galley::layout::chart {

// A value axis: [lo, hi] holds the data (and 0), ticks every `step` from lo.
struct Scale {
  double lo = 0, hi = 1, step = 1;
  int decimals = 0;  // what a tick label needs to tell steps apart
  std::vector<double> ticks;
};

// About `target` ticks at 1, 2 or 5 times a power of ten, covering [min, max]
// and zero. An empty or flat range gets a unit scale around it.
Scale nice_scale(double min, double max, int target = 5);

// The smallest and largest value a bar or line chart plots: each value, or
// with `stacked` each category's sum of positives and of negatives.
std::pair<double, double> value_range(const std::vector<std::vector<double>>& series, bool stacked);

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

struct Bar {
  Box box;
  size_t series = 0, category = 0;
};

// The bars of `series` (each a value per category) in `plot`: categories in
// equal bands (left to right, or top to bottom when `horizontal`), bars
// side by side in a band or stacked, lengths proportional to the values
// from the scale's zero.
std::vector<Bar> bars(const std::vector<std::vector<double>>& series, const Scale& scale, const Box& plot,
                      bool stacked, bool horizontal);

// Where value `v` lies along a value axis from `from` (the scale's lo) to
// `to` (its hi), in page coordinates.
double position(const Scale& scale, double v, double from, double to);

// The centre of category `i` of `n` along [from, to].
double band_centre(size_t i, size_t n, double from, double to);

// A slice of a pie, angles in degrees clockwise from twelve o'clock.
struct Slice {
  size_t category = 0;
  double start = 0, sweep = 0;
};

// Slices for the positive values (zeros draw nothing); sweeps sum to 360.
std::vector<Slice> pie_slices(const std::vector<double>& values);

// The outline of a slice centred at (cx, cy): an annulus sector when
// `inner` > 0, else a wedge; arcs as cubic Béziers of at most 90 degrees.
std::vector<Path::Op> slice_path(double cx, double cy, double outer, double inner, double start, double sweep);

// Legend entries of the given widths set in rows no wider than `width`,
// `gap` apart: the x of each entry and its row.
struct Placed {
  double x = 0;
  int row = 0;
};
std::vector<Placed> legend_rows(const std::vector<double>& widths, double width, double gap);

}  // namespace galley::layout::chart
