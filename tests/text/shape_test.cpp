#include <doctest/doctest.h>

#include <numeric>
#include <thread>

#include "base/figures.h"
#include "fixtures.h"
#include "detail/shape.h"

using namespace galley;
using galley::testing::char_style;
using galley::testing::paragraph;
using galley::testing::sample_layout;

namespace {

const text::FontBook& book() { return galley::testing::sample_book(); }

// The run and glyph holding the cluster that starts at byte `at`.
struct Found {
  const text::ShapedRun* run = nullptr;
  const text::ShapedGlyph* glyph = nullptr;
};
Found at_byte(const text::ShapedParagraph& p, uint32_t at) {
  for (const auto& r : p.runs)
    for (const auto& g : r.glyphs)
      if (g.cluster == at) return {&r, &g};
  return {};
}

size_t glyph_count(const text::ShapedParagraph& p) {
  size_t n = 0;
  for (const auto& r : p.runs) n += r.glyphs.size();
  return n;
}

double width(const text::ShapedParagraph& p) {
  double w = 0;
  for (const auto& r : p.runs)
    for (const auto& g : r.glyphs) w += g.advance;
  return w;
}

text::ShapedParagraph shape(const std::string& s, resolve::CharStyle c = char_style()) {
  Diagnostics d;
  auto p = text::shape(paragraph(s, std::move(c)), book(), d);
  CHECK(d.all().empty());
  return p;
}

}  // namespace

TEST_CASE("fallback picks the right face per script in mixed text") {
  const std::string latin = "Hello ", arabic = "مرحبا", devanagari = "नमस्ते";
  const auto p = shape(latin + arabic + " " + devanagari + " end");
  CHECK(p.text == latin + arabic + " " + devanagari + " end");
  CHECK(at_byte(p, 0).run->face == 0);
  const auto a = at_byte(p, static_cast<uint32_t>(latin.size()));
  REQUIRE(a.run);
  CHECK(a.run->face == 4);
  CHECK(book().info(a.run->face).family == "Noto Sans Arabic");
  const auto dv = at_byte(p, static_cast<uint32_t>(latin.size() + arabic.size() + 1));
  REQUIRE(dv.run);
  CHECK(dv.run->face == 8);
  CHECK(dv.glyph->gid != 0);
  CHECK(at_byte(p, static_cast<uint32_t>(p.text.size() - 3)).run->face == 0);
  for (const auto& r : p.runs)
    for (const auto& g : r.glyphs) CHECK(g.gid != 0);
}

TEST_CASE("bold text falls back to the fallback family's bold face") {
  auto c = char_style();
  c.bold = true;
  const auto p = shape("مرحبا", c);
  REQUIRE(!p.runs.empty());
  CHECK(p.runs[0].face == 5);
}

TEST_CASE("a character no font has is drawn as .notdef and counted; preflight reports it with its page") {
  Diagnostics d;
  base::Figures figures;
  base::FiguresScope recording(&figures);
  const auto p = text::shape(paragraph("a中b中"), book(), d);
  CHECK(d.all().empty());
  const auto g = at_byte(p, 1);
  REQUIRE(g.glyph);
  CHECK(g.glyph->gid == 0);
  CHECK(g.run->face == 0);
  CHECK(g.glyph->advance > 0);
  CHECK(figures.count(text::kMissingGlyphs) == 2);
  CHECK(glyph_count(p) == 4);
}

TEST_CASE("office affluent uses ligatures in Noto Serif, and -liga removes them") {
  const std::string s = "office affluent";
  const auto lig = shape(s);
  CHECK(glyph_count(lig) < s.size());
  const uint32_t f = book().glyph(0, 'f'), i = book().glyph(0, 'i'), l = book().glyph(0, 'l');
  const auto ffi = at_byte(lig, 1);  // "o|ffi|ce"
  REQUIRE(ffi.glyph);
  CHECK(ffi.glyph->gid != f);
  CHECK(ffi.glyph->gid != i);
  CHECK(at_byte(lig, 2).glyph == nullptr);  // swallowed into the ligature's cluster
  const auto ffl = at_byte(lig, 8);  // "office a|ffl|uent"
  REQUIRE(ffl.glyph);
  CHECK(ffl.glyph->gid != f);
  CHECK(ffl.glyph->gid != l);
  CHECK(ffl.glyph->gid != ffi.glyph->gid);

  for (const char* off : {"-liga", "liga=0"}) {
    auto c = char_style();
    c.features = {off};
    const auto plain = shape(s, c);
    CHECK(glyph_count(plain) == s.size());
    CHECK(at_byte(plain, 1).glyph->gid == f);
    CHECK(at_byte(plain, 3).glyph->gid == i);
  }
}

TEST_CASE("fi alone forms a ligature") {
  const auto p = shape("fi");
  REQUIRE(glyph_count(p) == 1);
  CHECK(p.runs[0].glyphs[0].gid != book().glyph(0, 'f'));
}

TEST_CASE("Arabic letters are joined, stored in logical order at an odd level") {
  const std::string word = "كتب";  // kaf teh beh: initial, medial, final forms
  const auto p = shape(word);
  REQUIRE(p.runs.size() == 1);
  const auto& r = p.runs[0];
  CHECK(r.bidi_level % 2 == 1);
  CHECK(p.base_level == 1);
  REQUIRE(r.glyphs.size() == 3);
  CHECK(r.glyphs[0].cluster == 0);
  CHECK(r.glyphs[1].cluster == 2);
  CHECK(r.glyphs[2].cluster == 4);
  CHECK(r.glyphs[0].gid != book().glyph(4, U'\u0643'));
  CHECK(r.glyphs[1].gid != book().glyph(4, U'\u062A'));
  CHECK(r.glyphs[2].gid != book().glyph(4, U'\u0628'));

  const auto lam_alef = shape("سلام");  // four letters; lam + alef become one ligature
  CHECK(glyph_count(lam_alef) == 3);
}

TEST_CASE("Arabic joining survives a style change in the middle of a word") {
  const std::string word = "كتب";
  const auto whole = shape(word);
  auto a = char_style(), b = char_style();
  b.color = model::Color::gray(0.5);
  resolve::Paragraph para = paragraph(word.substr(0, 2), a);
  para.runs.push_back({word.substr(2), b});
  Diagnostics d;
  const auto split = text::shape(para, book(), d);
  REQUIRE(split.runs.size() == 2);
  std::vector<uint32_t> w, s;
  for (const auto& g : whole.runs[0].glyphs) w.push_back(g.gid);
  for (const auto& r : split.runs)
    for (const auto& g : r.glyphs) s.push_back(g.gid);
  CHECK(w == s);
}

TEST_CASE("Hebrew paragraph with embedded Latin and numbers gets UAX #9 levels") {
  auto c = char_style();
  c.language = "he";
  const std::string heb = "שלום ", latin = "abc", num = "123";
  const auto p = shape(heb + latin + " " + num + " עולם", c);
  CHECK(p.base_level == 1);
  CHECK(at_byte(p, 0).run->bidi_level == 1);
  CHECK(at_byte(p, 0).run->face == 6);
  CHECK(at_byte(p, static_cast<uint32_t>(heb.size())).run->bidi_level == 2);
  CHECK(at_byte(p, static_cast<uint32_t>(heb.size() + latin.size() + 1)).run->bidi_level == 2);
  CHECK(at_byte(p, static_cast<uint32_t>(p.text.size() - 2)).run->bidi_level == 1);
}

TEST_CASE("paragraph direction comes from the first strong character") {
  CHECK(shape("abc שלום").base_level == 0);
  CHECK(shape("שלום abc").base_level == 1);
  CHECK(shape("123 שלום").base_level == 1);
}

TEST_CASE("no-break space is a space; soft hyphen stays in the text but draws nothing") {
  const auto nb = shape("a\u00A0b");
  const auto sp = shape("a b");
  const auto g = at_byte(nb, 1);
  REQUIRE(g.glyph);
  CHECK(g.glyph->advance == doctest::Approx(at_byte(sp, 1).glyph->advance));
  CHECK(g.glyph->advance > 1);

  const auto shy = shape("co\u00ADop");
  CHECK(shy.text == "co\u00ADop");
  // HarfBuzz keeps a glyph for the soft hyphen's cluster (so the breaker
  // finds it), invisible and zero-width.
  const auto h = at_byte(shy, 2);
  REQUIRE(h.glyph);
  CHECK(h.glyph->advance == 0);
  CHECK(h.glyph->gid == book().glyph(0, ' '));
  CHECK(width(shy) == doctest::Approx(width(shape("coop"))));
}

TEST_CASE("a hard line break (U+2028) draws nothing") {
  const auto p = shape("ab\u2028cd");
  const auto g = at_byte(p, 2);
  REQUIRE(g.glyph);
  CHECK(g.glyph->advance == 0);
  CHECK(g.glyph->gid != 0);
}

TEST_CASE("tracking widens every cluster by em/1000 of the size") {
  auto c = char_style(12);
  c.tracking = 100;  // 1.2 pt per cluster at 12 pt
  c.features = {"liga"};
  const auto plain = shape("Wave", char_style(12));
  const auto tracked = shape("Wave", c);
  CHECK(width(tracked) == doctest::Approx(width(plain) + 4 * 1.2));
}

TEST_CASE("advances scale with size") {
  CHECK(width(shape("Hamburgefonstiv", char_style(20))) ==
        doctest::Approx(2 * width(shape("Hamburgefonstiv", char_style(10)))));
}

TEST_CASE("OpenType features from the style reach HarfBuzz") {
  auto c = char_style();
  c.features = {"smcp"};
  const auto sc = shape("Hamburg", c);
  const auto plain = shape("Hamburg");
  // Noto Serif has small capitals: every lowercase letter changes.
  CHECK(at_byte(sc, 0).glyph->gid == at_byte(plain, 0).glyph->gid);
  CHECK(at_byte(sc, 1).glyph->gid != at_byte(plain, 1).glyph->gid);

  c.features = {"onum"};
  const auto old = shape("2024", c);
  CHECK(at_byte(old, 0).glyph->gid != at_byte(shape("2024"), 0).glyph->gid);
}

TEST_CASE("a bad feature setting warns and is ignored") {
  auto c = char_style();
  c.features = {"not a feature!"};
  Diagnostics d;
  auto para = paragraph("fi", c);
  para.runs.push_back({" more", c});
  const auto p = text::shape(para, book(), d);
  REQUIRE(d.all().size() == 1);  // once per paragraph, not per run
  CHECK(d.all()[0].message.find("not a feature!") != std::string::npos);
  CHECK(p.runs[0].glyphs.size() == 1);
}

TEST_CASE("Devanagari conjuncts come from HarfBuzz and marks stay in their cluster's face") {
  const auto p = shape("क्षत्रिय");
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].face == 8);
  CHECK(p.runs[0].glyphs.size() < 8);  // eight code points, fewer glyphs

  const auto e = shape("e\u0301");
  REQUIRE(e.runs.size() == 1);
  CHECK(e.runs[0].face == 0);
}

TEST_CASE("spaces between Arabic words stay in the Arabic run") {
  const auto p = shape("مرحبا بالعالم");
  CHECK(p.runs.size() == 1);
}

TEST_CASE("runs cover the text exactly, and glyph clusters are inside their run") {
  const std::string s = "Mixed مرحبا and עברית 42, नमस्ते!";
  const auto p = shape(s);
  uint32_t at = 0;
  for (const auto& r : p.runs) {
    CHECK(r.text_begin == at);
    at = r.text_end;
    CHECK(r.ascent > 0);
    for (const auto& g : r.glyphs) {
      CHECK(g.cluster >= r.text_begin);
      CHECK(g.cluster < r.text_end);
    }
  }
  CHECK(at == s.size());
}

TEST_CASE("empty and malformed text do not crash") {
  CHECK(shape("").runs.empty());
  Diagnostics d;
  const auto p = text::shape(paragraph(std::string("ok\xff\xfe bad\xc3")), book(), d);
  CHECK(!p.runs.empty());
}

TEST_CASE("an Arabic letter and its vowel mark stay together in the Arabic face") {
  const std::string s = "a بَ";
  const auto p = shape(s);
  const auto beh = at_byte(p, 2);
  REQUIRE(beh.run);
  CHECK(beh.run->face == 4);
  CHECK(beh.run->text_end == s.size());  // the fatha is in the same run
  for (const auto& g : beh.run->glyphs) {
    CHECK(g.gid != 0);
    CHECK(g.cluster == 2);  // one grapheme cluster: base and mark
  }
}

TEST_CASE("an unknown family falls back to the paragraph's family, not to a script fallback") {
  auto c = char_style();
  c.font = "No Such Family";
  const auto p = shape("Latin", c);
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].face == 0);
}

TEST_CASE("a repeated paragraph comes from the cache with its own styles, location and warnings") {
  auto red = char_style(), blue = char_style();
  red.color = model::Color::gray(0.2);
  blue.color = model::Color::gray(0.8);
  red.features = blue.features = {"not a feature!"};
  resolve::Paragraph first = paragraph("Cached 中 ", red);
  first.runs.push_back({"office", red});
  resolve::Paragraph again = paragraph("Cached 中 ", blue);
  again.runs.push_back({"office", blue});
  again.runs[1].style.edit().link = "https://example.org";
  again.loc.line = 99;

  Diagnostics d1, d2;
  base::Figures figures;
  base::FiguresScope recording(&figures);
  const auto a = text::shape(first, book(), d1);
  const auto b = text::shape(again, book(), d2);
  CHECK(figures.count(text::kMissingGlyphs) == 2);
  REQUIRE(d1.all().size() == 1);
  CHECK(d1.all()[0].message == "'not a feature!' is not an OpenType feature setting");
  REQUIRE(d2.all().size() == 1);
  CHECK(d2.all()[0].loc.line == 99);
  CHECK(d2.all()[0].message == d1.all()[0].message);
  CHECK(b.loc.line == 99);
  REQUIRE(a.runs.size() == b.runs.size());
  for (size_t k = 0; k < a.runs.size(); ++k) {
    CHECK(a.runs[k].glyphs.size() == b.runs[k].glyphs.size());
    CHECK(b.runs[k].style->color.v[0] == doctest::Approx(0.8));
  }
  CHECK(b.runs.back().style->link == "https://example.org");
  CHECK(a.runs.back().style->link.empty());

  auto bigger = again;
  for (auto& r : bigger.runs) r.style.edit().size = 20;
  CHECK(width(text::shape(bigger, book(), d2)) == doctest::Approx(2 * width(b)));
}

TEST_CASE("every font book has its own id, so caches never mix books") {
  Diagnostics d;
  auto one = text::FontBook::load(sample_layout(), d);
  auto two = text::FontBook::load(sample_layout(), d);
  REQUIRE(one);
  REQUIRE(two);
  CHECK(one->id() != two->id());
  CHECK(one->id() != book().id());
}

TEST_CASE("a cluster of thousands of combining marks is cut into bounded pieces") {
  std::string s = "a";
  for (int i = 0; i < 5000; ++i) s += "\u0301";
  const auto p = shape(s);
  CHECK(p.runs.size() > 100);
  CHECK(p.runs.size() < 200);
  CHECK(p.runs.back().text_end == s.size());
}

TEST_CASE("a word longer than 1,024 code points is shaped in pieces; ordinary words are not cut") {
  Diagnostics d;
  const auto long_word = text::shape(paragraph(std::string(3000, 'a')), book(), d);
  REQUIRE(long_word.runs.size() == 3);
  CHECK(long_word.runs[0].text_end == 1024);
  CHECK(long_word.runs[1].text_end == 2048);
  size_t glyphs = 0;
  for (const auto& r : long_word.runs) glyphs += r.glyphs.size();
  CHECK(glyphs == 3000);

  std::string words;
  while (words.size() < 5000) words += "office affluent ";
  const auto text = text::shape(paragraph(words), book(), d);
  CHECK(text.runs.size() == 1);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("a paragraph over 1 MiB is an error at its line, not shaped") {
  Diagnostics d;
  const auto p = paragraph(std::string((1 << 20) + 1, 'a'));
  const auto shaped = text::shape(p, book(), d);
  CHECK(shaped.runs.empty());
  REQUIRE(d.error_count() == 1);
  CHECK(format(d.all()[0]) ==
        "content.yaml:12:3: error: paragraph of 1048577 bytes is longer than the 1 MiB a paragraph may have; split it");
}

TEST_CASE("faces made ready to shape on another thread, meanwhile and after, shape as faces that were not") {
  // A fresh book: its faces have built nothing yet.
  Diagnostics loaded;
  const auto fresh = text::FontBook::load(sample_layout(), loaded);
  REQUIRE(fresh);
  resolve::ParaStyle body;
  body.font = "Noto Serif";
  body.language = "en-US";
  resolve::ParaStyle bold = body;
  bold.bold = true;
  const std::string s = "office affluent fjord Waving AVAT";
  std::thread ready([&] {
    for (const auto* style : {&body, &bold})
      text::prepare_shaping(fresh->hb_font(fresh->find(style->font, style->bold, style->italic)), *style);
  });
  auto same = [&](const resolve::CharStyle& c) {
    Diagnostics d;
    const auto a = text::shape(paragraph(s, c), *fresh, d);
    const auto b = text::shape(paragraph(s, c), book(), d);
    REQUIRE(a.runs.size() == b.runs.size());
    for (size_t r = 0; r < a.runs.size(); ++r) {
      REQUIRE(a.runs[r].glyphs.size() == b.runs[r].glyphs.size());
      for (size_t g = 0; g < a.runs[r].glyphs.size(); ++g) {
        CHECK(a.runs[r].glyphs[g].gid == b.runs[r].glyphs[g].gid);
        CHECK(a.runs[r].glyphs[g].advance == b.runs[r].glyphs[g].advance);
      }
    }
  };
  resolve::CharStyle c = char_style();
  same(c);  // while the other thread builds
  ready.join();
  same(c);
  c.bold = true;
  same(c);
  c.features = {"-liga"};
  same(c);
}
