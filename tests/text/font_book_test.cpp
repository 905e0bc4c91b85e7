#include <doctest/doctest.h>

#include <filesystem>

#include "fixtures.h"
#include "detail/coverage.h"
#include "detail/font_book.h"

using namespace galley;
using galley::testing::font_path;
using galley::testing::sample_layout;

TEST_CASE("font book numbers faces in layout order, regular/bold/italic/bold-italic") {
  Diagnostics d;
  auto book = text::FontBook::load(sample_layout(), d);
  REQUIRE(book);
  CHECK_FALSE(d.has_errors());
  CHECK(book->size() == 10);
  CHECK(book->info(0).family == "Noto Serif");
  CHECK(book->info(0).postscript_name == "NotoSerif-Regular");
  CHECK(book->info(1).bold);
  CHECK_FALSE(book->info(1).italic);
  CHECK(book->info(3).bold);
  CHECK(book->info(3).italic);
  CHECK(book->info(4).family == "Noto Sans Arabic");
  CHECK(book->info(0).units_per_em == 1000);
  CHECK(book->info(0).ascender > 0.5);
  CHECK(book->info(0).descender > 0.1);
  CHECK(book->info(0).cap_height > 0.5);
  CHECK(book->info(0).cap_height < 0.9);
  CHECK(book->info(0).embeddable);
}

TEST_CASE("find falls back to the family's regular face and never synthesises") {
  Diagnostics d;
  auto book = text::FontBook::load(sample_layout(), d);
  REQUIRE(book);
  CHECK(book->find("Noto Serif", false, false) == 0);
  CHECK(book->find("Noto Serif", true, false) == 1);
  CHECK(book->find("Noto Serif", false, true) == 2);
  CHECK(book->find("Noto Serif", true, true) == 3);
  CHECK(book->find("Noto Sans Arabic", false, true) == 4);
  CHECK(book->find("Noto Sans Arabic", true, true) == 5);  // bold wins over the missing slant
  CHECK(book->find("Comic Sans", false, false) == -1);
  CHECK(book->fallback_chain("Noto Serif", false, false) == std::vector<int>{0, 4, 6, 8});
  CHECK(book->fallback_chain("Noto Serif", true, false) == std::vector<int>{1, 5, 7, 9});
  CHECK(book->fallback_chain("Noto Sans Hebrew", false, false) == std::vector<int>{6, 4, 8});
}

TEST_CASE("glyph lookup and advances come from the cmap and hmtx") {
  Diagnostics d;
  auto book = text::FontBook::load(sample_layout(), d);
  REQUIRE(book);
  CHECK(book->has_glyph(0, U'A'));
  CHECK_FALSE(book->has_glyph(0, U'\u0627'));  // Arabic alef: not in Noto Serif
  CHECK(book->has_glyph(4, U'\u0627'));
  CHECK(book->glyph(0, U'\u4E2D') == 0);
  const double m = book->advance(0, book->glyph(0, U'm'));
  const double i = book->advance(0, book->glyph(0, U'i'));
  CHECK(m > i);
  CHECK(m < 1.2);
}

TEST_CASE("a missing or bogus font file is an error at the family's location") {
  model::Layout l;
  l.path = "layout.yaml";
  l.fonts.push_back({"Ghost", "/nonexistent/Ghost.ttf", "", "", "", SourceLoc{"layout.yaml", 7, 3}});
  l.fonts.push_back({"Licence", font_path("OFL.txt"), "", "", "", SourceLoc{"layout.yaml", 9, 3}});
  Diagnostics d;
  CHECK_FALSE(text::FontBook::load(l, d));
  REQUIRE(d.error_count() == 2);
  CHECK(d.all()[0].loc.line == 7);
  CHECK(d.all()[0].message.find("/nonexistent/Ghost.ttf") != std::string::npos);
  CHECK(d.all()[1].loc.line == 9);
  CHECK(d.all()[1].message.find("not a font") != std::string::npos);
}

TEST_CASE("describe lists families, faces, files and script coverage") {
  Diagnostics d;
  auto book = text::FontBook::load(sample_layout(), d);
  REQUIRE(book);
  const std::string s = text::describe(*book);
  CHECK(s.find("Noto Serif\n  regular: NotoSerif-Regular\n") != std::string::npos);
  CHECK(s.find(font_path("NotoSerif-BoldItalic.ttf")) != std::string::npos);
  CHECK(s.find("scripts: Latin (") != std::string::npos);
  CHECK(s.find("Cyrillic") != std::string::npos);
  CHECK(s.find("Arabic (") != std::string::npos);
  CHECK(s.find("Devanagari (") != std::string::npos);
  CHECK(s.find("Hebrew (") != std::string::npos);
  CHECK(s.find("\nfallback: Noto Sans Arabic, Noto Sans Hebrew, Noto Sans Devanagari\n") != std::string::npos);
  CHECK(text::describe(*book) == s);
}

TEST_CASE("CFF-flavoured OpenType loads like TrueType") {
  // Debian's fonts-urw-base35 (a ghostscript dependency) is the CFF font at hand.
  const std::string otf = "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf";
  if (!std::filesystem::exists(otf)) {
    MESSAGE("skipped: " << otf << " is not installed");
    return;
  }
  model::Layout l;
  l.fonts.push_back({"C059", otf, "", "", "", SourceLoc{"layout.yaml", 2, 3}});
  Diagnostics d;
  auto book = text::FontBook::load(l, d);
  REQUIRE(book);
  CHECK(book->info(0).postscript_name == "C059-Roman");
  CHECK(book->glyph(0, U'A') != 0);
  CHECK(book->advance(0, book->glyph(0, U'A')) > 0.3);
}
