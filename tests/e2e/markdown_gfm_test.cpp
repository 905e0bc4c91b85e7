// GitHub Markdown read back from the PDF: a table's cells where its
// `:--:` row puts them (word boxes), and ~~strike~~ as a filled bar across
// the struck word (the page content).
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

const WordBox* find_word(const std::vector<WordBox>& words, const std::string& text) {
  for (const WordBox& w : words)
    if (w.text == text) return &w;
  return nullptr;
}

struct Bar {
  double x, y, w, h;
};

// Every filled rectangle of page 1 (`x y w h re f`), in PDF coordinates.
std::vector<Bar> bars_of(const std::string& pdf) {
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(pdf) + " -").out;
  static const std::regex re(R"((-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\nf\n)");
  std::vector<Bar> out;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  return out;
}

constexpr double kPageHeight = 595.276;

}  // namespace

TEST_CASE("a Markdown table is set as a table, its columns aligned as the delimiter row says") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir, "    - markdown: |\n"
                          "        | Left | Middle | Right |\n"
                          "        |:-----|:------:|------:|\n"
                          "        | a | b | c |\n"
                          "        | longer-left-cell | longer-middle-cell | longer-right-cell |\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("warning") == std::string::npos);
  const auto words = pdf_word_boxes(dir + "/out.pdf");
  const WordBox *left = find_word(words, "Left"), *a = find_word(words, "a"),
                *longl = find_word(words, "longer-left-cell");
  const WordBox *mid = find_word(words, "Middle"), *b = find_word(words, "b"),
                *longm = find_word(words, "longer-middle-cell");
  const WordBox *right = find_word(words, "Right"), *c = find_word(words, "c"),
                *longr = find_word(words, "longer-right-cell");
  REQUIRE((left && a && longl && mid && b && longm && right && c && longr));
  // The header row above the body rows, each row on its own line.
  CHECK(left->y1 < a->y0);
  CHECK(a->y1 < longl->y0);
  // Left: the left edges line up.
  CHECK(a->x0 == doctest::Approx(left->x0).epsilon(0.002));
  CHECK(longl->x0 == doctest::Approx(left->x0).epsilon(0.002));
  // Centre: the middles line up.
  CHECK((b->x0 + b->x1) / 2 == doctest::Approx((mid->x0 + mid->x1) / 2).epsilon(0.002));
  CHECK((longm->x0 + longm->x1) / 2 == doctest::Approx((mid->x0 + mid->x1) / 2).epsilon(0.002));
  // Right: the right edges line up.
  CHECK(c->x1 == doctest::Approx(right->x1).epsilon(0.002));
  CHECK(longr->x1 == doctest::Approx(right->x1).epsilon(0.002));
}

TEST_CASE("~~struck~~ text keeps its words and has a bar through them, in text and Markdown blocks") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir, "    - paragraph: \"Price ~~twelve~~ ten, about ~5 km~.\"\n"
                          "    - markdown: |\n"
                          "        | Plan |\n"
                          "        |------|\n"
                          "        | ~~gone~~ |\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(pdf_text(dir + "/out.pdf").find("Price twelve ten, about ~5 km~.") != std::string::npos);
  const auto words = pdf_word_boxes(dir + "/out.pdf");
  const auto bars = bars_of(dir + "/out.pdf");
  for (const char* struck : {"twelve", "gone"}) {
    CAPTURE(struck);
    const WordBox* w = find_word(words, struck);
    REQUIRE(w);
    int across = 0;
    for (const Bar& bar : bars) {
      const double top = kPageHeight - (bar.y + bar.h), bottom = kPageHeight - bar.y;
      // As wide as the word, thin, between its top and its baseline.
      if (std::abs(bar.x - w->x0) < 0.5 && std::abs(bar.w - (w->x1 - w->x0)) < 0.5 && bar.h > 0.2 &&
          bar.h < 1.5 && top > w->y0 && bottom < w->y1 - 1)
        ++across;
    }
    CHECK(across == 1);
  }
  // Nothing else is struck: the unstruck words and the single tildes.
  for (const char* plain : {"Price", "ten,", "~5"}) {
    const WordBox* w = find_word(words, plain);
    REQUIRE(w);
    for (const Bar& bar : bars) CHECK_FALSE(std::abs(bar.x - w->x0) < 0.5);
  }
}
