#include <doctest/doctest.h>

#include "fixtures.h"

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
// inside pages' columns ((7in - 0.25in) / 2) and a slightly narrower one.
TEST_CASE("Knuth–Plass beats greedy on the customer's body text") {
  for (double width : {3.375 * 72, 3.3 * 72, 3.0 * 72, 2.5 * 72}) {
    CAPTURE(width);
    const linebreak::Stats greedy = set_all(true, width);
    const linebreak::Stats optimal = set_all(false, width);
    MESSAGE("width " << width << ": greedy loose " << greedy.loose << " max stretch " << greedy.max_stretch
                     << " hyphen run " << greedy.longest_hyphen_run << "; optimal loose " << optimal.loose
                     << " max stretch " << optimal.max_stretch << " hyphenated " << optimal.hyphenated
                     << " hyphen run " << optimal.longest_hyphen_run);
    REQUIRE(optimal.lines > 30);
    CHECK(optimal.loose <= greedy.loose);
    CHECK(optimal.max_stretch < greedy.max_stretch);
    CHECK(optimal.overfull == 0);
    CHECK(optimal.longest_hyphen_run <= 2);
    CHECK(optimal.justified > 0);
  }
}

TEST_CASE("stats add up over paragraphs") {
  linebreak::Stats a, b;
  a.lines = 3;
  a.loose = 1;
  a.longest_hyphen_run = 2;
  a.max_stretch = 0.5;
  b.lines = 4;
  b.longest_hyphen_run = 1;
  b.max_stretch = 1.5;
  b.sum_ratio = 2;
  a.add(b);
  CHECK(a.lines == 7);
  CHECK(a.loose == 1);
  CHECK(a.longest_hyphen_run == 2);
  CHECK(a.max_stretch == 1.5);
  CHECK(a.sum_ratio == 2);
}
