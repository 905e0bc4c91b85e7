#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "detail/knuth_plass.h"

using namespace galley::linebreak;

namespace {

// A deterministic generator of synthetic paragraphs (test data only).
struct Lcg {
  uint64_t s;
  int next(int n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((s >> 33) % static_cast<uint64_t>(n));
  }
};

Item box(double w) { return Item{Item::Box, w}; }
Item glue(double w, double st, double sh) {
  Item g{Item::Glue, w, st, sh};
  g.breakable = true;
  return g;
}
Item penalty(double w, double p, bool flagged, bool hyph = false) {
  Item it{Item::Penalty, w};
  it.penalty = p;
  it.flagged = flagged;
  it.hyphenation = hyph;
  return it;
}

// \parfillskip and the forced break that end every paragraph.
void end_paragraph(std::vector<Item>& v) {
  v.push_back(penalty(0, kInfPenalty, false));
  Item fil{Item::Glue};
  fil.fil = true;
  fil.breakable = false;
  v.push_back(fil);
  v.push_back(penalty(0, -kInfPenalty, false));
}

std::vector<Item> random_paragraph(Lcg& rng, int words) {
  std::vector<Item> v;
  for (int w = 0; w < words; ++w) {
    if (w) v.push_back(glue(4, 2, 1.3));
    if (rng.next(4) == 0) {  // a hyphenatable word
      v.push_back(box(10 + rng.next(15)));
      v.push_back(penalty(3, 50, true, true));
      v.push_back(box(10 + rng.next(15)));
    } else {
      v.push_back(box(10 + rng.next(30)));
    }
    if (rng.next(9) == 0) v.push_back(penalty(0, rng.next(2) ? 0 : -100, false));
  }
  end_paragraph(v);
  return v;
}

double measure(int line) { return 100 + (line % 2) * 15; }

// The rules of TeX's demerits, written out again independently of the
// implementation, over every sequence of breaks. In the final pass a line
// looser than the threshold costs its uncapped badness, squared as any.
struct Exhaustive {
  const std::vector<Item>& items;
  Params p;
  std::function<double(int)> width = measure;
  double best = std::numeric_limits<double>::infinity();

  bool legal(size_t i) const {
    const Item& it = items[i];
    if (it.kind == Item::Penalty) return it.penalty < kInfPenalty && (p.hyphenation || !it.hyphenation);
    return it.kind == Item::Glue && it.breakable && i > 0 && items[i - 1].kind == Item::Box;
  }
  size_t after(size_t b) const {
    size_t i = b + 1;
    while (i < items.size() && items[i].kind != Item::Box &&
           !(items[i].kind == Item::Penalty && items[i].penalty <= -kInfPenalty))
      ++i;
    return i;
  }
  // `run`: how many lines before this one ended at a flagged break in a row.
  void search(size_t start, int line, int fit, int run, double total) {
    for (size_t b = start; b < items.size(); ++b) {
      const Item& it = items[b];
      const bool forced = it.kind == Item::Penalty && it.penalty <= -kInfPenalty;
      if (!legal(b)) continue;
      double nat = it.kind == Item::Penalty ? it.width : 0, st = 0, sh = 0;
      bool fil = false;
      for (size_t i = start; i < b; ++i) {
        if (items[i].kind == Item::Penalty) continue;
        nat += items[i].width;
        if (items[i].kind == Item::Glue) {
          st += items[i].stretch;
          sh += items[i].shrink;
          fil = fil || items[i].fil;
        }
      }
      const double s = width(line) - nat;
      double bad = 0;
      bool ok = true;
      if (s > 0) bad = fil ? 0 : st <= 0 ? 10000 : std::min(100 * std::pow(s / st, 3), 10000.0);
      else if (s < 0) {
        ok = -s <= sh + 1e-9;
        if (ok) bad = std::min(100 * std::pow(-s / sh, 3), 10000.0);
      }
      const bool loose = p.final_pass && ok && s > 0 && bad > p.threshold;
      const int hyphens = it.flagged ? run + 1 : 0;
      const bool run_ok = p.max_hyphen_run == 0 || hyphens <= p.max_hyphen_run;
      if (ok && (bad <= p.threshold || loose) && run_ok) {
        const double shown = !loose ? bad : st <= 0 ? 1e7 : std::min(100 * std::pow(s / st, 3), 1e7);
        const double l = p.line_penalty + shown;
        double d = shown <= 10000 && l >= 10000 ? 1e8 : l * l;
        if (it.kind == Item::Penalty && it.penalty > 0) d += it.penalty * it.penalty;
        else if (it.kind == Item::Penalty && it.penalty > -kInfPenalty) d -= it.penalty * it.penalty;
        if (it.flagged && run > 0) d += p.double_hyphen_demerits;
        else if (b + 1 == items.size() && run > 0) d += p.final_hyphen_demerits;
        const int f = s > 0 ? (bad > 99 ? 0 : bad > 12 ? 1 : 2) : (bad > 12 ? 3 : 2);
        if (std::abs(f - fit) > 1) d += p.adj_demerits;
        if (b + 1 == items.size()) best = std::min(best, total + d);
        else search(after(b), line + 1, f, hyphens, total + d);
      }
      if (forced) return;  // a forced break cannot be skipped
    }
  }
};

}  // namespace

TEST_CASE("Knuth–Plass finds the optimum of an exhaustive search") {
  Lcg rng{42};
  int compared = 0, infeasible = 0;
  for (int round = 0; round < 150; ++round) {
    const auto items = random_paragraph(rng, 8 + rng.next(7));
    for (double threshold : {100.0, 400.0, 3000.0}) {
      Params p;
      p.threshold = threshold;
      p.hyphenation = round % 3 != 0;
      Exhaustive ex{items, p};
      ex.search(0, 0, 2, false, 0);
      const Breakpoints kp = knuth_plass(items, measure, p);
      if (std::isinf(ex.best)) {
        CHECK(kp.at.empty());
        ++infeasible;
        continue;
      }
      REQUIRE_FALSE(kp.at.empty());
      CHECK(kp.at.back() == items.size() - 1);
      CHECK(kp.demerits == doctest::Approx(ex.best).epsilon(1e-9));
      ++compared;
    }
  }
  CHECK(compared > 50);  // the generator must exercise feasible paragraphs
  CHECK(infeasible > 0);
}

// Nodes are merged whatever their line number once every later line has the
// same measure (TeX's easy_line); before that line they are kept apart.
TEST_CASE("Knuth–Plass finds the optimum with widths constant from some line on") {
  Lcg rng{7};
  const std::function<double(int)> widths[] = {
      [](int) { return 110.0; },
      [](int line) { return line == 0 ? 90.0 : 110.0; },
      [](int line) { return line < 3 ? 100.0 + 10 * line : 105.0; },
  };
  int compared = 0;
  for (int round = 0; round < 120; ++round) {
    const auto items = random_paragraph(rng, 8 + rng.next(7));
    for (const auto& width : widths) {
      for (bool final_pass : {false, true}) {
        Params p;
        p.threshold = final_pass ? 100 : 400;
        p.final_pass = final_pass;
        p.max_hyphen_run = round % 2 ? 1 : 0;
        p.double_hyphen_demerits = round % 4 < 2 ? 0 : 10000;
        Exhaustive ex{items, p, width};
        ex.search(0, 0, 2, 0, 0);
        const Breakpoints kp = knuth_plass(items, width, p);
        if (std::isinf(ex.best)) {
          CHECK(kp.at.empty());
          continue;
        }
        REQUIRE_FALSE(kp.at.empty());
        CHECK(kp.demerits == doctest::Approx(ex.best).epsilon(1e-12));
        ++compared;
      }
    }
  }
  CHECK(compared > 300);
}

TEST_CASE("the final pass breaks overfull rather than failing") {
  std::vector<Item> items{box(50), glue(4, 2, 1), box(500), glue(4, 2, 1), box(30)};
  items.push_back(penalty(0, kInfPenalty, false));
  Item fil{Item::Glue};
  fil.fil = true;
  fil.breakable = false;
  items.push_back(fil);
  items.push_back(penalty(0, -kInfPenalty, false));
  Params p;
  CHECK(knuth_plass(items, measure, p).at.empty());
  p.final_pass = true;
  const Breakpoints b = knuth_plass(items, measure, p);
  // The long word gets a line of its own; the short one before it stays underfull.
  REQUIRE(b.at.size() == 3);
  CHECK(b.at[0] == 1);
  CHECK(b.at[1] == 3);
  CHECK(b.at[2] == items.size() - 1);
}

TEST_CASE("greedy takes as much as fits on each line") {
  std::vector<Item> items;
  for (int i = 0; i < 10; ++i) {
    if (i) items.push_back(glue(4, 2, 1));
    items.push_back(box(20));
  }
  items.push_back(penalty(0, kInfPenalty, false));
  Item fil{Item::Glue};
  fil.fil = true;
  fil.breakable = false;
  items.push_back(fil);
  items.push_back(penalty(0, -kInfPenalty, false));
  // 4 words = 80 + 3 * 4 = 92 fit in 100; 5 words = 100 + 16 - 4 shrink = 112 do not.
  const Breakpoints b = greedy(items, [](int) { return 100.0; }, 0);
  REQUIRE(b.at.size() == 3);
  CHECK(b.at[0] == 7);
  CHECK(b.at[1] == 15);
}

TEST_CASE("badness and fitness follow TeX") {
  CHECK(badness(10, 10, 0, false) == doctest::Approx(100));
  CHECK(badness(10, 0, 0, false) == kInfBad);
  CHECK(badness(10, 0, 0, true) == 0);
  CHECK(badness(-5, 0, 10, false) == doctest::Approx(12.5));
  CHECK(badness(-11, 0, 10, false) > kInfBad);
  CHECK(fitness_class(10, 100) == 0);
  CHECK(fitness_class(10, 50) == 1);
  CHECK(fitness_class(1, 5) == 2);
  CHECK(fitness_class(-5, 50) == 3);
}

TEST_CASE("no more consecutive hyphenated lines than allowed") {
  // Long words of 20pt syllables with free hyphenation points, lines of
  // about four syllables: most lines end in a hyphen unless limited.
  std::vector<Item> items;
  for (int w = 0; w < 8; ++w) {
    if (w) items.push_back(glue(4, 2, 1.3));
    for (int syl = 0; syl < 6; ++syl) {
      if (syl) items.push_back(penalty(3, 0, true, true));
      items.push_back(box(20));
    }
  }
  items.push_back(penalty(0, kInfPenalty, false));
  Item fil{Item::Glue};
  fil.fil = true;
  fil.breakable = false;
  items.push_back(fil);
  items.push_back(penalty(0, -kInfPenalty, false));
  const auto run_of = [&](const Breakpoints& b) {
    int longest = 0, run = 0;
    for (size_t at : b.at) {
      run = items[at].flagged ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest;
  };
  Params p;
  p.threshold = 10000;
  p.double_hyphen_demerits = 0;
  const auto width = [](int) { return 83.0; };
  const Breakpoints free = knuth_plass(items, width, p);
  REQUIRE_FALSE(free.at.empty());
  CHECK(run_of(free) > 2);
  p.max_hyphen_run = 2;
  const Breakpoints limited = knuth_plass(items, width, p);
  REQUIRE_FALSE(limited.at.empty());
  CHECK(run_of(limited) <= 2);
  CHECK(limited.demerits >= free.demerits);
}

namespace {

// Each line's glue set ratio (shortfall ÷ stretch), the last line left out.
std::vector<double> stretch_ratios(const std::vector<Item>& items, const Breakpoints& b, double width) {
  std::vector<double> out;
  size_t start = 0;
  for (size_t k = 0; k + 1 < b.at.size(); ++k) {
    double natural = 0, stretch = 0;
    for (size_t i = start; i < b.at[k]; ++i) {
      if (items[i].kind == Item::Penalty) continue;
      natural += items[i].width;
      if (items[i].kind == Item::Glue) stretch += items[i].stretch;
    }
    out.push_back((width - natural) / stretch);
    start = line_start_after(items, b.at[k]);
  }
  return out;
}

std::vector<Item> words(const std::vector<double>& widths) {
  std::vector<Item> items;
  for (double w : widths) {
    if (!items.empty()) items.push_back(glue(4, 2, 1.3));
    items.push_back(box(w));
  }
  end_paragraph(items);
  return items;
}

}  // namespace

// No sequence of lines fits r <= 1 here. Counting loose lines first (a 10^10
// penalty for each) set two of them at r = 5.3 and 4.7 beside a tight one:
// gaping holes. Priced by their real badness, the slack is spread over three
// lines at r = 1.1 to 1.5.
TEST_CASE("the final pass spreads the slack rather than minimising the number of loose lines") {
  const auto items = words({21, 11, 13, 11, 19, 14, 19, 8, 14, 18, 17, 12, 12, 13, 18, 18, 10});
  const auto width = [](int) { return 100.0; };
  Params p;
  p.threshold = 100;
  CHECK(knuth_plass(items, width, p).at.empty());
  p.final_pass = true;
  const Breakpoints b = knuth_plass(items, width, p);
  REQUIRE(b.at.size() == 4);
  const auto r = stretch_ratios(items, b, 100);
  for (double x : r) CHECK(x == doctest::Approx(1.33).epsilon(0.15));
  CHECK(*std::max_element(r.begin(), r.end()) < 1.6);
  // The emergency stretch changes the prices, not the spreading.
  p.background_stretch = 10;
  const auto with_es = stretch_ratios(items, knuth_plass(items, width, p), 100);
  CHECK(*std::max_element(with_es.begin(), with_es.end()) < 1.6);
}
