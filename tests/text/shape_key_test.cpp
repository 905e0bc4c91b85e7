// The shape memo's key (text/shape_cache.h) covers every input shape()
// reads (each character key of model/style_keys.h among them), and nothing
// else: two paragraphs that shape differently never
// share a key, two that differ only in colour, link or place do.
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "detail/shape.h"
#include "detail/shape_cache.h"

using namespace galley;
using galley::testing::paragraph;
using galley::testing::sample_layout;

namespace {

const text::FontBook& fonts() { return galley::testing::sample_book(); }

resolve::Paragraph two_runs() {
  resolve::Paragraph p = paragraph("Office hours ");
  resolve::Run r = p.runs[0];
  r.text = "Tuesday";
  p.runs.push_back(r);
  return p;
}

// A value unlike `v`, for any character key's type.
bool other(bool v) { return !v; }
double other(double v) { return v + 1.5; }
std::string other(const std::string& v) { return v + "x"; }
std::vector<std::string> other(std::vector<std::string> v) {
  v.push_back("smcp");
  return v;
}

model::Color magenta() {
  model::Color c;
  c.space = model::Color::Space::Cmyk;
  c.v = {0, 1, 0, 0};
  return c;
}

}  // namespace

TEST_CASE("the shape key changes with every input shaping reads") {
  using Change = std::function<void(resolve::Paragraph&)>;
  std::vector<std::pair<const char*, Change>> changes = {
      {"text", [](auto& p) { p.runs[1].text = "Thursday"; }},
      {"run boundary", [](auto& p) { p.runs[0].text += "T"; p.runs[1].text = "uesday"; }},
      {"feature order", [](auto& p) { p.runs[1].style.edit().features = {"smcp", "-liga"}; }},
      {"feature order swapped", [](auto& p) { p.runs[1].style.edit().features = {"-liga", "smcp"}; }},
      {"paragraph family", [](auto& p) { p.style.edit().font = "Noto Sans Arabic"; }},
      {"paragraph language", [](auto& p) { p.style.edit().language = "he"; }},
  };
  // Every character key of model/style_keys.h, in either run.
#define GALLEY_STYLE_CHANGE(key, member, type, fallback, read)                                      \
  changes.push_back({key, [](auto& p) { p.runs[1].style.edit().member = other(p.runs[1].style->member); }}); \
  changes.push_back({key, [](auto& p) { p.runs[0].style.edit().member = other(p.runs[0].style->member); }});
  GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_CHANGE)
#undef GALLEY_STYLE_CHANGE
  const std::string base = text::shape_key(two_runs(), fonts());
  REQUIRE(!base.empty());
  std::set<std::string> keys{base};
  for (const auto& [what, change] : changes) {
    resolve::Paragraph p = two_runs();
    change(p);
    INFO(std::string(what));
    CHECK(keys.insert(text::shape_key(p, fonts())).second);
  }
  Diagnostics d;
  auto other = text::FontBook::load(sample_layout(), d);
  REQUIRE(other);
  CHECK(text::shape_key(two_runs(), *other) != base);
}

TEST_CASE("the shape key ignores what shaping does not read") {
  const std::string base = text::shape_key(two_runs(), fonts());
  const std::vector<std::function<void(resolve::Paragraph&)>> changes = {
      [](auto& p) { p.runs[1].style.edit().color = magenta(); },
      [](auto& p) { p.runs[1].style.edit().link = "https://example.org"; },
      [](auto& p) { p.loc.line = 99; },
      [](auto& p) { p.style.edit().leading = 30; },
      [](auto& p) { p.style.edit().align = model::Align::Justify; },
  };
  for (const auto& change : changes) {
    resolve::Paragraph p = two_runs();
    change(p);
    CHECK(text::shape_key(p, fonts()) == base);
  }
}

TEST_CASE("a memo hit is the shaping of the paragraph itself") {
  Diagnostics d1, d2;
  resolve::Paragraph p = two_runs();
  p.runs[1].style.edit().features = {"not a feature!"};
  const auto first = text::shape(p, fonts(), d1);
  p.loc.line = 40;
  p.runs[1].style.edit().color = magenta();
  const auto again = text::shape(p, fonts(), d2);
  REQUIRE(first.runs.size() == again.runs.size());
  for (size_t i = 0; i < first.runs.size(); ++i) CHECK(first.runs[i].glyphs.size() == again.runs[i].glyphs.size());
  CHECK(again.loc.line == 40);
  CHECK(again.runs.back().style->color.v[1] == doctest::Approx(1));
  // The feature warning is reported again, at the paragraph asking.
  REQUIRE(d2.all().size() == 1);
  CHECK(d2.all()[0].loc.line == 40);
}
