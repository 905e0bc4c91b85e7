#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "fixtures.h"
#include "detail/hyphenate.h"
#include "detail/items.h"

using namespace galley;
using namespace galley::lbtest;
using linebreak::Line;

namespace {

const std::string kNbsp = "\xC2\xA0";
const std::string kShy = "\xC2\xAD";

// Every line's text is the next piece of the paragraph; what lies between
// two lines is only the spaces the break discarded.
void check_covers(const std::string& text, const std::vector<Line>& lines) {
  size_t at = 0;
  for (const Line& l : lines) {
    const std::string t = line_text(l);
    const size_t found = text.find(t, at);
    REQUIRE(found != std::string::npos);
    for (size_t i = at; i < found; ++i) CHECK(text[i] == ' ');
    at = found + t.size();
  }
  // Trailing white space (U+00A0 too) ends no line.
  const std::string rest = text.substr(at);
  CHECK(rest.find_first_not_of(" \xC2\xA0") == std::string::npos);
}

uint32_t hyphen_gid() { return fonts().glyph(fonts().find("Noto Serif", false, false), 0x2010); }

}  // namespace

TEST_CASE("a no-break space never breaks") {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Mayo" + kNbsp + "Clinic in Jacksonville, 10" + kNbsp + "mg daily. ";
  const auto sp = shaped(paragraph(text));
  for (double width : {60.0, 90.0, 140.0, 230.0}) {
    const auto lines = set(sp, width);
    REQUIRE(lines.size() > 2);
    for (const Line& l : lines) {
      const std::string t = line_text(l);
      CHECK(t.rfind("Clinic", 0) != 0);
      CHECK(t.rfind("mg", 0) != 0);
      for (size_t m = t.find("Mayo"); m != std::string::npos; m = t.find("Mayo", m + 1))
        CHECK(t.compare(m + 4, kNbsp.size(), kNbsp) == 0);
    }
    check_covers(sp.text, lines);
  }
}

TEST_CASE("a soft hyphen is a break that shows a hyphen, and copies as the source") {
  const std::string text = "An extra" + kShy + "ordinarily long word.";
  const auto sp = shaped(paragraph(text, model::Align::Left, false));
  const auto lines = set(sp, 75);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0].hyphenated);
  const auto& last_run = lines[0].runs.back();
  CHECK(last_run.glyphs.back().gid == hyphen_gid());
  // The inserted hyphen maps to no text: copying gives the source back.
  CHECK(last_run.clusters.back().text_size == 0);
  CHECK(last_run.clusters.back().glyph_count == 1);
  CHECK(line_text(lines[0]) == "An extra" + kShy);
  check_covers(sp.text, lines);
}

TEST_CASE("a word longer than the line is one overfull line with a warning") {
  const std::string text = "Short words then Pneumonoultramicroscopicsilicovolcanoconiosis and more words.";
  const auto sp = shaped(paragraph(text, model::Align::Justify, false));
  Diagnostics d;
  linebreak::Stats stats;
  const auto lines = set(sp, 60, {}, &d, &stats);
  int overfull = 0;
  for (const Line& l : lines) {
    overfull += l.overfull;
    if (l.overfull) CHECK(line_text(l) == "Pneumonoultramicroscopicsilicovolcanoconiosis");
  }
  CHECK(overfull == 1);
  CHECK(stats.overfull == 1);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].severity == Severity::Warning);
  CHECK(d.all()[0].loc.line == 12);
  CHECK(d.all()[0].message.rfind("overfull line by ", 0) == 0);
  CHECK(d.all()[0].message.find("pt") != std::string::npos);
  check_covers(sp.text, lines);
}

TEST_CASE("degenerate input gives lines, not a crash") {
  for (const std::string& text : {std::string(), std::string("   "), std::string("word"), std::string(5000, 'x')}) {
    const auto sp = shaped(paragraph(text));
    for (double width : {0.0, 1.0, 200.0}) {
      const auto lines = set(sp, width);
      REQUIRE(!lines.empty());
      CHECK(lines.back().last);
    }
  }
}

TEST_CASE("justified lines fill the measure exactly; the last is ragged") {
  const auto body = seed_paragraphs();
  REQUIRE(body.size() >= 3);
  const double width = 3.3 * 72;
  for (const std::string& text : body) {
    auto para = paragraph(text);
    para.style.edit().first_indent = 12;
    para.style.edit().left_indent = 6;
    para.style.edit().right_indent = 4;
    para.style.edit().protrusion = false;  // hanging punctuation would go past the measure
    const auto sp = shaped(para);
    const auto lines = set(sp, width);
    REQUIRE(lines.size() > 2);
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      const double left = 6 + (i == 0 ? 12 : 0);
      CHECK(l.runs.front().x == doctest::Approx(left));
      if (l.last) {
        CHECK_FALSE(l.justified);
        CHECK(content_width(l) < width - left - 4);
      } else {
        CHECK(l.justified);
        CHECK(std::abs(content_width(l) - (width - left - 4)) <= 0.01);
      }
    }
    check_covers(sp.text, lines);
  }
}

TEST_CASE("ragged alignments keep word spaces and place the line") {
  const std::string text = body_sample();
  for (auto align : {model::Align::Left, model::Align::Right, model::Align::Center}) {
    const auto sp = shaped(paragraph(text, align));
    const auto lines = set(sp, 200);
    REQUIRE(lines.size() > 2);
    for (const Line& l : lines) {
      CHECK_FALSE(l.justified);
      const double w = content_width(l);
      const double x = l.runs.front().x;
      if (align == model::Align::Left) CHECK(x == doctest::Approx(0));
      if (align == model::Align::Right) CHECK(x + w == doctest::Approx(200));
      if (align == model::Align::Center) CHECK(x + w / 2 == doctest::Approx(100));
    }
  }
}

TEST_CASE("hyphenation points respect the 2/3 minimums") {
  const auto points = linebreak::hyphenation_points("en-US", "hyphenation", 2, 3);
  REQUIRE_FALSE(points.empty());
  for (uint32_t p : points) {
    CHECK(p >= 2);
    CHECK(std::string("hyphenation").size() - p >= 3);
  }
  CHECK(points == std::vector<uint32_t>{2, 6});  // hy-phen-ation
  CHECK(linebreak::hyphenation_points("en-US", "hyphenation", 3, 3) == std::vector<uint32_t>{6});
  CHECK(linebreak::hyphenation_points("en-US", "hyphenation", 2, 6).size() == 1);
  CHECK(linebreak::hyphenation_points("xx-YY", "hyphenation", 2, 3).empty());
  CHECK(linebreak::hyphenation_points("../../etc/passwd", "hyphenation", 2, 3).empty());
}

TEST_CASE("a thread's words looked up again are those of their language and limits") {
  // Each thread keeps the words it has looked up, per language and pair
  // of limits: asked again in any order, under five languages and limits
  // (more than the tables it keeps), every answer is the first one's.
  struct Ask {
    std::string language, word;
    int left, right;
  };
  const std::vector<Ask> asks = {
      {"en-US", "hyphenation", 2, 3}, {"en-US", "hyphenation", 3, 3}, {"de-DE", "Silbentrennung", 2, 2},
      {"en-US", "hyphenation", 2, 6}, {"en-GB", "hyphenation", 2, 3}, {"de-DE", "hyphenation", 2, 3},
      {"en-US", "hyphenate", 2, 3},   {"en-US", "hyphenations", 2, 3}, {"xx-YY", "hyphenation", 2, 3}};
  std::vector<std::vector<uint32_t>> first;
  // On a thread of its own, so that nothing this thread kept answers.
  std::thread([&] {
    for (const Ask& a : asks) first.push_back(linebreak::hyphenation_points(a.language, a.word, a.left, a.right));
  }).join();
  CHECK(first[0] == std::vector<uint32_t>{2, 6});  // hy-phen-ation
  CHECK(first[1] == std::vector<uint32_t>{6});
  CHECK(first[2] != first[5]);
  CHECK(first[8].empty());
  for (int round = 0; round < 3; ++round)
    for (size_t k = 0; k < asks.size(); ++k) {
      const size_t i = round == 1 ? asks.size() - 1 - k : k;  // backwards once
      const Ask& a = asks[i];
      INFO(a.language << " " << a.word << " " << a.left << "/" << a.right);
      CHECK(linebreak::hyphenation_points(a.language, a.word, a.left, a.right) == first[i]);
    }
}

TEST_CASE("prefetched patterns give the same points as patterns loaded on first use") {
  // "en" is used by no other test here, so the prefetch really loads it.
  linebreak::prefetch_hyphenation("en");
  linebreak::prefetch_hyphenation("en");
  linebreak::prefetch_hyphenation("xx-ZZ");
  std::vector<std::vector<uint32_t>> seen(4);
  std::vector<std::thread> lookups;
  for (auto& out : seen)
    lookups.emplace_back([&out] { out = linebreak::hyphenation_points("en", "hyphenation", 2, 3); });
  for (auto& t : lookups) t.join();
  for (const auto& out : seen) CHECK(out == linebreak::hyphenation_points("en-US", "hyphenation", 2, 3));
  CHECK(linebreak::has_hyphenation("en"));
  CHECK_FALSE(linebreak::has_hyphenation("xx-ZZ"));
}

TEST_CASE("words with digits are not hyphenated; the last word is, at a heavy penalty") {
  const auto points = [](const std::string& text, linebreak::Options opts = {}) {
    const auto sp = shaped(paragraph(text));
    std::vector<double> out;
    for (const auto& it : linebreak::itemize(sp, linebreak::hyphen_glyphs(fonts()), opts).items)
      if (it.hyphenation) out.push_back(it.penalty);
    return out;
  };
  const linebreak::Options defaults;
  // hy-phen-ation: two points in each word, the last word's at the heavy penalty.
  CHECK(points("hyphenation") == std::vector<double>{1000, 1000});
  CHECK(points("hyphenation hyphenation") == std::vector<double>{50, 50, 1000, 1000});
  CHECK(points("hyphenation hyphenation.") == std::vector<double>{50, 50, 1000, 1000});
  CHECK(points("hyphenation2 word").empty());
  // A no-break space forbids the break at the space, not inside the words.
  CHECK(points("Mayo" + kNbsp + "hyphenation word").size() == 2);
  linebreak::Options no_caps;
  no_caps.hyphenate_capitalized = false;
  CHECK(points("Hyphenation word", no_caps).empty());
  CHECK(points("Hyphenation word").size() == 2);
  auto off = paragraph("hyphenation hyphenation");
  off.style.edit().hyphenate = false;
  int n = 0;
  for (const auto& it : linebreak::itemize(shaped(off), linebreak::hyphen_glyphs(fonts()), {}).items)
    n += it.hyphenation;
  CHECK(n == 0);
}

TEST_CASE("a hard line break is a forced break") {
  const std::string text = "First line\xE2\x80\xA8second line\nthird";
  const auto sp = shaped(paragraph(text));
  const auto lines = set(sp, 300);
  REQUIRE(lines.size() == 3);
  CHECK(line_text(lines[0]) == "First line");
  CHECK(line_text(lines[1]) == "second line");
  CHECK(line_text(lines[2]) == "third");
  CHECK_FALSE(lines[0].justified);  // a line ended by a hard break is not stretched
}

TEST_CASE("an RTL line comes out in visual order, aligned right") {
  // Hebrew "shalom olam" with an embedded Latin word.
  const std::string text = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D abc \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D";
  auto para = paragraph(text, model::Align::Justify, false, "he");
  para.runs[0].style.edit().font = "Noto Sans Hebrew";
  para.style.edit().font = "Noto Sans Hebrew";
  const auto sp = shaped(para);
  REQUIRE(sp.base_level == 1);
  const auto lines = set(sp, 300);
  REQUIRE(lines.size() == 1);
  const Line& l = lines[0];
  REQUIRE(l.runs.size() >= 3);
  // Visual order, left to right: the last Hebrew word, then "abc", then the first.
  std::string visual;
  for (const auto& r : l.runs) {
    std::string t;  // logical order
    if (r.rtl) {
      const auto clusters = r.clusters.unpacked();
      for (auto c = clusters.rbegin(); c != clusters.rend(); ++c) t += r.text_of(*c);
    } else {
      for (const auto& c : r.clusters) t += r.text_of(c);
    }
    if (r.rtl) {
      CHECK(r.clusters.front().glyph_begin == 0);
      CHECK(r.glyphs.front().x <= r.glyphs.back().x);
    }
    visual += "[" + t + "]";
  }
  CHECK(l.runs.front().rtl);
  CHECK(l.runs.back().rtl);
  const size_t olam = visual.find("\xD7\xA2\xD7\x95");
  const size_t abc = visual.find("abc");
  const size_t shalom = visual.find("\xD7\xA9\xD7\x9C");
  CHECK(olam < abc);
  CHECK(abc < shalom);
  // Inside the first visual run the glyphs run right to left: its leftmost
  // cluster is the word's last letter (final mem).
  const auto& first = l.runs.front();
  std::string leftmost;
  for (const auto& c : first.clusters)
    if (c.glyph_begin == 0) leftmost = first.text_of(c);
  CHECK(leftmost == "\xD7\x9D");
  CHECK(first.x + 0 < l.runs.back().x);
  CHECK(l.runs.back().x + l.runs.back().width == doctest::Approx(300));
}

TEST_CASE("each line gets its own width") {
  auto para = paragraph(body_sample());
  para.style.edit().protrusion = false;
  const auto sp = shaped(para);
  // A wrap around an image: the first three lines are short.
  const auto width = [](int line) { return line < 3 ? 120.0 : 240.0; };
  Diagnostics d;
  const auto lines = linebreak::break_paragraph(sp, fonts(), width, {}, d);
  REQUIRE(lines.size() > 4);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    CHECK(lines[i].width == width(static_cast<int>(i)));
    CHECK(content_width(lines[i]) == doctest::Approx(width(static_cast<int>(i))).epsilon(1e-4));
  }
  check_covers(sp.text, lines);
}

TEST_CASE("a justified line's gap is its mean word space as drawn, over the natural space") {
  const auto sp = shaped(paragraph(body_sample()));
  const auto& run = sp.runs.front();
  double natural = 0;
  for (const auto& g : run.glyphs)
    if (sp.text[g.cluster] == ' ') natural = g.advance;
  REQUIRE(natural > 0);
  int checked = 0;
  for (const Line& l : set(sp, 200)) {
    if (!l.justified) {
      CHECK(l.gap == 0);
      continue;
    }
    double spaces = 0;
    int n = 0;
    for (const auto& r : l.runs)
      for (const auto& c : r.clusters)
        if (r.text_of(c) == " ") {
          spaces += r.glyphs[c.glyph_begin].advance;
          ++n;
        }
    REQUIRE(n > 0);
    CHECK(l.gap == doctest::Approx(spaces / n / natural).epsilon(1e-4));
    CHECK(std::abs(l.scale - 1) <= 0.02 + 1e-9);
    ++checked;
  }
  CHECK(checked > 3);
}

TEST_CASE("the hyphenation key covers the language, the word and both minimums") {
  using linebreak::hyphenation_key;
  const std::string base = hyphenation_key("en-US", "hyphenation", 2, 3);
  CHECK(hyphenation_key("de", "hyphenation", 2, 3) != base);
  CHECK(hyphenation_key("en-US", "hyphenations", 2, 3) != base);
  CHECK(hyphenation_key("en-US", "hyphenation", 3, 3) != base);
  CHECK(hyphenation_key("en-US", "hyphenation", 2, 2) != base);
  CHECK(hyphenation_key("en-US", "hyphenation", 3, 2) != hyphenation_key("en-US", "hyphenation", 2, 3));
  CHECK(hyphenation_key("en-US", "hyphenation", 2, 3) == base);
  // The memo's answers are the patterns' own, whatever the minimums asked
  // before.
  const auto wide = linebreak::hyphenation_points("en-US", "hyphenation", 1, 1);
  const auto narrow = linebreak::hyphenation_points("en-US", "hyphenation", 4, 4);
  CHECK(wide.size() > narrow.size());
  CHECK(linebreak::hyphenation_points("en-US", "hyphenation", 1, 1) == wide);
}

TEST_CASE("break opportunities after characters outside the BMP fall between the words") {
  // ICU reads UTF-16: each of these is a surrogate pair, two units for four
  // bytes, so a break found after them must be mapped back to its byte.
  const std::string astral = "\xF0\x9D\x90\x80\xF0\x9D\x90\x81";  // U+1D400 U+1D401, letters to ICU
  std::string text;
  for (int i = 0; i < 10; ++i) text += "word" + astral + " more" + astral + astral + " text ";
  const auto sp = shaped(paragraph(text, model::Align::Left, false));
  for (double width : {40.0, 70.0, 120.0}) {
    const auto lines = set(sp, width);
    REQUIRE(lines.size() > 2);
    check_covers(sp.text, lines);
    for (const Line& l : lines) {
      const std::string t = line_text(l);
      CHECK((t.rfind("word", 0) == 0 || t.rfind("more", 0) == 0 || t.rfind("text", 0) == 0));
    }
  }
}
