#include <doctest/doctest.h>

#include "detail/line_memo.h"
#include "fixtures.h"

using namespace galley;
using namespace galley::lbtest;

namespace {

// Every field of two paragraphs' lines, run styles by identity.
void check_same(const std::vector<linebreak::Line>& a, const std::vector<linebreak::Line>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const linebreak::Line& x = a[i];
    const linebreak::Line& y = b[i];
    CAPTURE(i);
    CHECK(x.width == y.width);
    CHECK(x.natural == y.natural);
    CHECK(x.ascent == y.ascent);
    CHECK(x.descent == y.descent);
    CHECK(x.ratio == y.ratio);
    CHECK(x.scale == y.scale);
    CHECK(x.gap == y.gap);
    CHECK(x.overfull_by == y.overfull_by);
    CHECK(x.justified == y.justified);
    CHECK(x.hyphenated == y.hyphenated);
    CHECK(x.overfull == y.overfull);
    CHECK(x.last == y.last);
    REQUIRE(x.runs.size() == y.runs.size());
    for (size_t k = 0; k < x.runs.size(); ++k) {
      const linebreak::LineRun& r = x.runs[k];
      const linebreak::LineRun& s = y.runs[k];
      CHECK(r.face == s.face);
      CHECK(r.size == s.size);
      CHECK(r.style.same(s.style));
      CHECK(r.x == s.x);
      CHECK(r.text == s.text);
      CHECK(r.rtl == s.rtl);
      CHECK(r.width == s.width);
      CHECK(r.scale == s.scale);
      CHECK(r.shaped_run == s.shaped_run);
      CHECK(r.clusters.unpacked() == s.clusters.unpacked());
      REQUIRE(r.glyphs.size() == s.glyphs.size());
      for (size_t g = 0; g < r.glyphs.size(); ++g) {
        CHECK(r.glyphs[g].gid == s.glyphs[g].gid);
        CHECK(r.glyphs[g].x == s.glyphs[g].x);
        CHECK(r.glyphs[g].y == s.glyphs[g].y);
        CHECK(r.glyphs[g].advance == s.glyphs[g].advance);
      }
    }
  }
}

// Breaking at a constant measure through the memo: asked three times, so
// the first is broken, the second kept (the memo keeps a key on its second
// sighting) and the third a hit.
std::vector<linebreak::Line> memo_set(const text::ShapedParagraph& sp, double width,
                                      const linebreak::Options& opts, Diagnostics& diags) {
  for (int i = 0; i < 2; ++i) {
    Diagnostics quiet;
    linebreak::break_paragraph(sp, fonts(), width, opts, quiet);
  }
  return linebreak::break_paragraph(sp, fonts(), width, opts, diags);
}

}  // namespace

TEST_CASE("lines from the memo are the lines broken afresh, over the customer's body text") {
  size_t paragraphs = 0;
  for (const std::string& text : seed_paragraphs())
    for (model::Align align : {model::Align::Justify, model::Align::Left, model::Align::Center})
      for (double width : {3.375 * 72, 2.5 * 72, 1.2 * 72}) {
        CAPTURE(text.substr(0, 30));
        CAPTURE(width);
        const text::ShapedParagraph sp = shaped(paragraph(text, align));
        REQUIRE(!sp.memo_key.empty());
        linebreak::Options opts;
        Diagnostics fresh_d, memo_d;
        const auto fresh = linebreak::break_paragraph(sp, fonts(), [width](int) { return width; }, opts, fresh_d);
        const auto memo = memo_set(sp, width, opts, memo_d);
        check_same(fresh, memo);
        CHECK(fresh_d.all().size() == memo_d.all().size());
        ++paragraphs;
      }
  CHECK(paragraphs == 9 * 3 * 3);
}

TEST_CASE("a hit carries the caller's run styles, which the shape key leaves out") {
  // Colours and links are not in the shape key: two paragraphs differing
  // only in them share a shaping and lines, yet each draws its own.
  const auto two_runs = [](model::Color colour, const std::string& link) {
    resolve::Paragraph p = paragraph(body_sample());
    resolve::CharStyle second = *p.runs[0].style;
    second.color = colour;
    second.link = link;
    p.runs.push_back({" and a linked tail that wraps onto a later line of the paragraph", second});
    return p;
  };
  const resolve::Paragraph a = two_runs(model::Color::black(), "https://a.example");
  const resolve::Paragraph b = two_runs(model::Color::gray(0.5), "https://b.example");
  const text::ShapedParagraph sa = shaped(a), sb = shaped(b);
  REQUIRE(sa.memo_key == sb.memo_key);
  Diagnostics d;
  memo_set(sa, 200, {}, d);
  const auto lines = linebreak::break_paragraph(sb, fonts(), 200.0, {}, d);  // a hit
  const auto fresh = linebreak::break_paragraph(sb, fonts(), [](int) { return 200.0; }, {}, d);
  check_same(fresh, lines);
  bool saw_link = false;
  for (const auto& l : lines)
    for (const auto& r : l.runs) {
      CHECK(r.style.same(sb.runs[static_cast<size_t>(r.shaped_run)].style));
      saw_link = saw_link || r.style->link == "https://b.example";
      CHECK(r.style->link != "https://a.example");
    }
  CHECK(saw_link);
}

TEST_CASE("a hit reports the overfull lines at its own location") {
  resolve::Paragraph p = paragraph("A Pneumonoultramicroscopicsilicovolcanoconiosis word", model::Align::Justify, false);
  const text::ShapedParagraph first = shaped(p);
  Diagnostics d1;
  memo_set(first, 60, {}, d1);
  REQUIRE(d1.all().size() == 1);
  p.loc = SourceLoc{"other.yaml", 40, 7};
  const text::ShapedParagraph second = shaped(p);
  Diagnostics d2;
  linebreak::break_paragraph(second, fonts(), 60.0, {}, d2);
  REQUIRE(d2.all().size() == 1);
  CHECK(d2.all()[0].message == d1.all()[0].message);
  CHECK(d2.all()[0].loc.line == 40);
}

TEST_CASE("the lines' key holds the paragraph style, the measure and the options") {
  const text::ShapedParagraph sp = shaped(paragraph(body_sample()));
  const std::string base = linebreak::lines_key(sp, 200, {});
  REQUIRE(!base.empty());
  CHECK(linebreak::lines_key(sp, 200, {}) == base);
  CHECK(linebreak::lines_key(sp, 201, {}) != base);
  linebreak::Options opts;
  opts.tolerance = 300;
  CHECK(linebreak::lines_key(sp, 200, opts) != base);
  opts = {};
  opts.greedy = true;
  CHECK(linebreak::lines_key(sp, 200, opts) != base);
  text::ShapedParagraph indented = sp;
  indented.style.edit().first_indent = 12;
  CHECK(linebreak::lines_key(indented, 200, {}) != base);
  text::ShapedParagraph ragged = sp;
  ragged.style.edit().align = model::Align::Left;
  CHECK(linebreak::lines_key(ragged, 200, {}) != base);
  text::ShapedParagraph loose = sp;
  loose.style.edit().emergency_stretch.value = 50;
  CHECK(linebreak::lines_key(loose, 200, {}) != base);
  // Its first indent changes the lines, so a hit must not serve it.
  Diagnostics d;
  const auto plain = memo_set(sp, 200, {}, d);
  const auto first = linebreak::break_paragraph(indented, fonts(), 200.0, {}, d);
  check_same(linebreak::break_paragraph(indented, fonts(), [](int) { return 200.0; }, {}, d), first);
  CHECK(first.front().runs.front().x != plain.front().runs.front().x);
  text::ShapedParagraph unkeyed = sp;
  unkeyed.memo_key.clear();
  CHECK(linebreak::lines_key(unkeyed, 200, {}).empty());
}
