#include <doctest/doctest.h>

#include "fixtures.h"
#include "detail/stats.h"

using namespace galley;
using namespace galley::lbtest;

namespace {

linebreak::Stats set_all(bool greedy, double width) {
  linebreak::Stats total;
  linebreak::Options opts;
  opts.greedy = greedy;
  for (const std::string& text : seed_paragraphs()) {
    linebreak::Stats s;
    Diagnostics d;
    set(shaped(paragraph(text)), width, opts, &d, &s);
    total.add(s);
  }
  return total;
}

}  // namespace

// The brochure's body: Noto Serif 10pt, justified and hyphenated, in the
// inside pages' columns ((7in - 0.25in) / 2) and narrower ones. Word gaps
// as a reader sees them (Line::gap): the loose end of the distribution and
// the change from line to line.
TEST_CASE("Knuth–Plass beats greedy on the customer's body text") {
  for (double width : {3.375 * 72, 3.3 * 72, 3.0 * 72, 2.5 * 72}) {
    CAPTURE(width);
    const linebreak::Stats greedy = set_all(true, width);
    const linebreak::Stats optimal = set_all(false, width);
    const auto p95 = [](const linebreak::Stats& s) { return linebreak::percentile(s.gaps, 0.95); };
    const auto max = [](const linebreak::Stats& s) { return linebreak::percentile(s.gaps, 1); };
    const auto steps = [](const linebreak::Stats& s) { return linebreak::percentile(s.steps, 0.95); };
    MESSAGE("width " << width << ": greedy gap p95 " << p95(greedy) << " max " << max(greedy) << " change p95 "
                     << steps(greedy) << "; optimal gap p95 " << p95(optimal) << " max " << max(optimal)
                     << " change p95 " << steps(optimal) << " hyphenated " << optimal.hyphenated
                     << " hyphen run " << optimal.longest_hyphen_run);
    REQUIRE(optimal.lines > 30);
    CHECK(p95(optimal) < p95(greedy));
    // Demerits are minimised, not the worst line; but none may gape.
    CHECK(max(optimal) < 3);
    CHECK(steps(optimal) < steps(greedy));
    CHECK(optimal.overfull == 0);
    CHECK(optimal.longest_hyphen_run <= 2);
    CHECK(optimal.justified > 0);
  }
}

TEST_CASE("stats add up over paragraphs") {
  linebreak::Stats a, b;
  a.lines = 3;
  a.gaps = {1.5f, 1.0f};
  a.steps = {0.5f};
  a.longest_hyphen_run = 2;
  a.max_expansion = 0.01;
  b.lines = 4;
  b.gaps = {3.0f};
  b.longest_hyphen_run = 1;
  b.max_expansion = 0.02;
  a.add(b);
  CHECK(a.lines == 7);
  CHECK(a.gaps.size() == 3);
  CHECK(a.steps.size() == 1);
  CHECK(a.longest_hyphen_run == 2);
  CHECK(a.max_expansion == 0.02);
  CHECK(linebreak::percentile(a.gaps, 0.5) == 1.5f);
  CHECK(linebreak::percentile(a.gaps, 1) == 3.0f);
  CHECK(linebreak::percentile({}, 0.95) == 0);
}
