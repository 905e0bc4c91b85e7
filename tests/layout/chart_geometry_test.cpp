#include <doctest/doctest.h>

#include <cmath>

#include "detail/chart_geometry.h"

using galley::layout::Path;
using namespace galley::layout::chart;

TEST_CASE("nice_scale: ticks at 1, 2 or 5 times a power of ten, from zero") {
  Scale s = nice_scale(412, 655);
  CHECK(s.lo == 0);
  CHECK(s.step == 200);
  CHECK(s.hi == 800);
  CHECK(s.ticks == std::vector<double>{0, 200, 400, 600, 800});
  CHECK(s.decimals == 0);

  s = nice_scale(0, 1);
  CHECK(s.step == doctest::Approx(0.2));
  CHECK(s.decimals == 1);
  CHECK(s.ticks.size() == 6);
  CHECK(s.ticks.back() == doctest::Approx(1.0));

  s = nice_scale(-37, 120);
  CHECK(s.step == 50);
  CHECK(s.lo == -50);
  CHECK(s.hi == 150);
  CHECK(s.ticks.front() == -50);

  s = nice_scale(0.3, 0.3);
  CHECK(s.lo == 0);
  CHECK(s.hi == doctest::Approx(0.3));
  for (double t : s.ticks) CHECK(!std::signbit(t));
}

TEST_CASE("nice_scale: a flat or empty range still has a unit scale") {
  Scale s = nice_scale(0, 0);
  CHECK(s.lo == 0);
  CHECK(s.hi == 1);
  CHECK(s.ticks.size() >= 2);
}

TEST_CASE("value_range: stacked sums positives and negatives apart") {
  std::vector<std::vector<double>> series{{10, -5}, {20, -7}};
  CHECK(value_range(series, false) == std::pair{-7.0, 20.0});
  CHECK(value_range(series, true) == std::pair{-12.0, 30.0});
}

TEST_CASE("bars: heights proportional to the values, from the zero line") {
  const std::vector<std::vector<double>> series{{100, 250, 400}};
  const Scale s = nice_scale(0, 400);
  const Box plot{10, 20, 300, 200};
  const auto b = bars(series, s, plot, false, false);
  REQUIRE(b.size() == 3);
  CHECK(b[1].box.h / b[0].box.h == doctest::Approx(2.5));
  CHECK(b[2].box.h / b[0].box.h == doctest::Approx(4.0));
  for (const Bar& bar : b) CHECK(bar.box.y + bar.box.h == doctest::Approx(220));  // on the baseline
  CHECK(b[0].box.x < b[1].box.x);
  CHECK(b[0].box.w == doctest::Approx(0.7 * 100));
}

TEST_CASE("bars: grouped side by side, stacked on top, negatives below zero") {
  const std::vector<std::vector<double>> series{{10, -10}, {30, 20}};
  const Scale s = nice_scale(-10, 30);
  const Box plot{0, 0, 200, 100};
  const double zero = position(s, 0, 100, 0);

  auto grouped = bars(series, s, plot, false, false);
  REQUIRE(grouped.size() == 4);
  CHECK(grouped[0].box.x + grouped[0].box.w == doctest::Approx(grouped[1].box.x));  // same band, side by side
  CHECK(grouped[1].box.h == doctest::Approx(3 * grouped[0].box.h));
  CHECK(grouped[2].box.y == doctest::Approx(zero));  // -10 hangs from the zero line

  auto stacked = bars(series, s, plot, true, false);
  REQUIRE(stacked.size() == 4);
  CHECK(stacked[1].box.y + stacked[1].box.h == doctest::Approx(stacked[0].box.y));  // on top of the first
  CHECK(stacked[0].box.x == stacked[1].box.x);

  auto across = bars(series, s, plot, false, true);
  CHECK(across[1].box.w == doctest::Approx(3 * across[0].box.w));
  CHECK(across[0].box.x == doctest::Approx(position(s, 0, 0, 200)));
}

TEST_CASE("pie_slices: sweeps sum to 360, zeros draw nothing") {
  const auto s = pie_slices({1, 0, 2, 3.5, 0.25});
  REQUIRE(s.size() == 4);
  double sum = 0;
  for (const Slice& x : s) sum += x.sweep;
  CHECK(sum == doctest::Approx(360).epsilon(1e-12));
  CHECK(s[0].start == 0);
  CHECK(s[1].category == 2);
  CHECK(s[1].start == doctest::Approx(s[0].sweep));
  CHECK(s.back().start + s.back().sweep == 360);
  CHECK(pie_slices({0, 0}).empty());
}

TEST_CASE("slice_path: arcs stay on the circle") {
  const auto ops = slice_path(100, 100, 50, 0, 0, 270);
  // Centre, then the arc start at twelve o'clock, three 90-degree curves.
  REQUIRE(ops.size() == 6);
  CHECK(ops[0].x == 100);
  CHECK(ops[1].x == doctest::Approx(100));
  CHECK(ops[1].y == doctest::Approx(50));
  for (size_t i = 2; i < 5; ++i) {
    REQUIRE(ops[i].kind == Path::Op::Curve);
    CHECK(std::hypot(ops[i].x - 100, ops[i].y - 100) == doctest::Approx(50));
  }
  // Ninety degrees clockwise from twelve is three o'clock.
  CHECK(ops[2].x == doctest::Approx(150));
  CHECK(ops[2].y == doctest::Approx(100));
  const auto ring = slice_path(0, 0, 50, 25, 0, 90);
  CHECK(std::hypot(ring.back().x, ring.back().y) == doctest::Approx(0));  // Close
  CHECK(std::hypot(ring[ring.size() - 2].x, ring[ring.size() - 2].y) == doctest::Approx(25));
}

TEST_CASE("legend_rows: entries wrap at the width") {
  const auto p = legend_rows({40, 40, 40}, 100, 10);
  REQUIRE(p.size() == 3);
  CHECK(p[0].row == 0);
  CHECK(p[1].x == 50);
  CHECK(p[2].row == 1);
  CHECK(p[2].x == 0);
}
