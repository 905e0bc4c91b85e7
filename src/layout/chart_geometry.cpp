#include "detail/chart_geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace galley::layout::chart {

Scale nice_scale(double min, double max, int target) {
  min = std::min(min, 0.0);
  max = std::max(max, 0.0);
  if (!(max > min)) max = min + 1;
  const double raw = (max - min) / std::max(target, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * magnitude;
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw * (1 - 1e-9)) {
      step = m * magnitude;
      break;
    }
  Scale s;
  s.step = step;
  // A little slack, so 0.30000000000000004 does not add a tick above 0.3.
  s.lo = std::floor(min / step + 1e-9) * step;
  s.hi = std::ceil(max / step - 1e-9) * step;
  s.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  const long n = std::lround((s.hi - s.lo) / step);
  for (long i = 0; i <= n; ++i) {
    double v = (std::round(s.lo / step) + static_cast<double>(i)) * step;
    s.ticks.push_back(v == 0 ? 0.0 : v);  // never -0
  }
  return s;
}

std::pair<double, double> value_range(const std::vector<std::vector<double>>& series, bool stacked) {
  double lo = 0, hi = 0;
  if (!stacked) {
    for (const auto& s : series)
      for (double v : s) lo = std::min(lo, v), hi = std::max(hi, v);
    return {lo, hi};
  }
  size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.size());
  for (size_t i = 0; i < n; ++i) {
    double up = 0, down = 0;
    for (const auto& s : series)
      if (i < s.size()) (s[i] >= 0 ? up : down) += s[i];
    lo = std::min(lo, down);
    hi = std::max(hi, up);
  }
  return {lo, hi};
}

double position(const Scale& scale, double v, double from, double to) {
  return from + (v - scale.lo) / (scale.hi - scale.lo) * (to - from);
}

double band_centre(size_t i, size_t n, double from, double to) {
  return from + (static_cast<double>(i) + 0.5) * (to - from) / static_cast<double>(std::max<size_t>(n, 1));
}

std::vector<Bar> bars(const std::vector<std::vector<double>>& series, const Scale& scale, const Box& plot,
                      bool stacked, bool horizontal) {
  std::vector<Bar> out;
  size_t n = 0;
  for (const auto& s : series) n = std::max(n, s.size());
  if (n == 0 || series.empty()) return out;
  // Along the category axis: each band is 70 % bars, 30 % gap.
  const double band = (horizontal ? plot.h : plot.w) / static_cast<double>(n);
  const double fill = 0.7 * band;
  const size_t across = stacked ? 1 : series.size();
  const double thick = fill / static_cast<double>(across);
  // Along the value axis: page coordinates of a value.
  const double v_from = horizontal ? plot.x : plot.y + plot.h;
  const double v_to = horizontal ? plot.x + plot.w : plot.y;
  const auto at = [&](double v) { return position(scale, v, v_from, v_to); };
  for (size_t c = 0; c < n; ++c) {
    const double band_start = (horizontal ? plot.y : plot.x) + static_cast<double>(c) * band + (band - fill) / 2;
    double up = 0, down = 0;
    for (size_t k = 0; k < series.size(); ++k) {
      if (c >= series[k].size()) continue;
      const double v = series[k][c];
      double base = 0;
      if (stacked) {
        double& acc = v >= 0 ? up : down;
        base = acc;
        acc += v;
      }
      const double a = at(base), b = at(base + v);
      const double across_at = band_start + (stacked ? 0 : static_cast<double>(k) * thick);
      Bar bar;
      bar.series = k;
      bar.category = c;
      if (horizontal) bar.box = {std::min(a, b), across_at, std::abs(b - a), thick};
      else bar.box = {across_at, std::min(a, b), thick, std::abs(b - a)};
      out.push_back(bar);
    }
  }
  return out;
}

std::vector<Slice> pie_slices(const std::vector<double>& values) {
  double total = 0;
  for (double v : values)
    if (v > 0) total += v;
  std::vector<Slice> out;
  if (!(total > 0)) return out;
  double start = 0, sum = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!(values[i] > 0)) continue;
    sum += values[i];
    // From the running sum, so the last slice closes the circle exactly.
    const double end = 360 * sum / total;
    out.push_back({i, start, end - start});
    start = end;
  }
  return out;
}

namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180; }

// A point at `angle` degrees clockwise from twelve o'clock (y grows down).
std::pair<double, double> at_angle(double cx, double cy, double r, double angle) {
  return {cx + r * std::sin(radians(angle)), cy - r * std::cos(radians(angle))};
}

// Appends arc segments from `start` sweeping `sweep` degrees (negative:
// anticlockwise); the pen is already at the arc's start.
void arc(std::vector<Path::Op>& ops, double cx, double cy, double r, double start, double sweep) {
  const int pieces = std::max(1, static_cast<int>(std::ceil(std::abs(sweep) / 90 - 1e-9)));
  const double step = sweep / pieces;
  // The control-point distance that makes a cubic follow a circular arc.
  const double k = 4.0 / 3.0 * std::tan(radians(step) / 4) * r;
  for (int i = 0; i < pieces; ++i) {
    const double a0 = start + i * step, a1 = a0 + step;
    const auto [x0, y0] = at_angle(cx, cy, r, a0);
    const auto [x3, y3] = at_angle(cx, cy, r, a1);
    // Tangents: the derivative of (sin a, -cos a) is (cos a, sin a).
    Path::Op op;
    op.kind = Path::Op::Curve;
    op.x1 = x0 + k * std::cos(radians(a0));
    op.y1 = y0 + k * std::sin(radians(a0));
    op.x2 = x3 - k * std::cos(radians(a1));
    op.y2 = y3 - k * std::sin(radians(a1));
    op.x = x3;
    op.y = y3;
    ops.push_back(op);
  }
}

}  // namespace

std::vector<Path::Op> slice_path(double cx, double cy, double outer, double inner, double start, double sweep) {
  std::vector<Path::Op> ops;
  const bool full = sweep >= 360 - 1e-9;
  if (inner > 0) {
    const auto [ox, oy] = at_angle(cx, cy, outer, start);
    ops.push_back({Path::Op::Move, ox, oy});
    arc(ops, cx, cy, outer, start, sweep);
    const auto [ix, iy] = at_angle(cx, cy, inner, start + sweep);
    // A full ring is two circles; the even-odd gap comes from their
    // opposite directions under the nonzero rule.
    ops.push_back({full ? Path::Op::Move : Path::Op::Line, ix, iy});
    arc(ops, cx, cy, inner, start + sweep, -sweep);
  } else {
    const auto [ox, oy] = at_angle(cx, cy, outer, start);
    if (!full) ops.push_back({Path::Op::Move, cx, cy});
    ops.push_back({full ? Path::Op::Move : Path::Op::Line, ox, oy});
    arc(ops, cx, cy, outer, start, sweep);
  }
  ops.push_back({Path::Op::Close});
  return ops;
}

std::vector<Placed> legend_rows(const std::vector<double>& widths, double width, double gap) {
  std::vector<Placed> out;
  double x = 0;
  int row = 0;
  for (double w : widths) {
    if (x > 0 && x + w > width) {
      x = 0;
      ++row;
    }
    out.push_back({x, row});
    x += w + gap;
  }
  return out;
}

}  // namespace galley::layout::chart
