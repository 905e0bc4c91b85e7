// Protrusion and font expansion, read back from the PDF as a reader's tools
// see it: word boxes from pdftotext -bbox-layout, Tz from the page content.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

constexpr double kFrameX = 72, kFrameWidth = 200;

std::string body_text() {
  std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/tests/linebreak/data/ir-residency-body.txt");
  std::string text, line;
  while (std::getline(in, line))
    if (line.size() > 150) text += (text.empty() ? "" : " ") + line;
  return text;
}

// One justified, hyphenated paragraph of the customer's text in a 200pt
// column at x = 72pt; `style` is added to the body style.
std::string build_styled(const std::string& dir, const std::string& style) {
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  write_file(dir + "/layout.yaml",
             "galley: 1\n"
             "page: {size: letter}\n"
             "fonts:\n"
             "  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf}\n"
             "styles:\n"
             "  body: {font: Noto Serif, size: 10pt, leading: 13pt, align: justify, hyphenate: true" + style + "}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{name: body, flow: main, x: 72pt, y: 72pt, width: 200pt, height: 648pt}]\n"
             "sequence:\n"
             "  - {master: page, repeat: until-empty}\n");
  write_file(dir + "/content.yaml",
             "galley: 1\nlayout: layout.yaml\nmeta: {title: Test, date: 2026-11-01}\n"
             "flows:\n  main:\n    - paragraph: \"" + body_text() + "\"\n");
  const std::string pdf = dir + "/out.pdf";
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return pdf;
}

struct SetWord {
  double x0, x1;
  std::string text;
};

// The lines of the first page as pdftotext -bbox-layout sees them.
std::vector<std::vector<SetWord>> word_lines(const std::string& pdf) {
  const std::string html = sh("pdftotext -f 1 -l 1 -bbox-layout " + quote(pdf) + " -").out;
  static const std::regex line_re("<line [^>]*>([\\s\\S]*?)</line>");
  static const std::regex word_re("<word xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">([^<]*)</word>");
  std::vector<std::vector<SetWord>> out;
  for (std::sregex_iterator l(html.begin(), html.end(), line_re), end; l != end; ++l) {
    const std::string body = (*l)[1];
    std::vector<SetWord> words;
    for (std::sregex_iterator w(body.begin(), body.end(), word_re); w != end; ++w)
      words.push_back({std::stod((*w)[1]), std::stod((*w)[2]), (*w)[3]});
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

double advance(char32_t c) { return e2e::serif_advance(c); }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::vector<double> tz_values(const std::string& pdf) {
  const std::string qdf = pdf + ".qdf";
  sh("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(qdf));
  std::istringstream in(read_file(qdf));
  std::vector<double> out;
  std::string line;
  static const std::regex tz("^([\\d.]+) Tz$");
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_match(line, m, tz)) out.push_back(std::stod(m[1]));
  return out;
}

std::string squash_quotes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      ++i;
      continue;
    }
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '-' && s[i] != '\f') out += s[i];
  }
  return out;
}

}  // namespace

TEST_CASE("a comma or hyphen ending a justified line hangs past the frame edge by the table's amount") {
  const double right = kFrameX + kFrameWidth;
  const double comma = 0.7 * advance(U','), hyphen = 0.5 * advance(0x2010);
  REQUIRE(comma > 1);
  REQUIRE(hyphen > 1);
  for (bool on : {true, false}) {
    CAPTURE(on);
    const auto lines = word_lines(build_styled(temp_dir(), on ? "" : ", protrusion: false"));
    REQUIRE(lines.size() > 20);
    int commas = 0, hyphens = 0, flush = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {  // the last line is ragged
      const SetWord& last = lines[i].back();
      CAPTURE(last.text);
      CHECK(lines[i].front().x0 == doctest::Approx(kFrameX).epsilon(1e-4));
      if (ends_with(last.text, ",")) {
        CHECK(last.x1 == doctest::Approx(right + (on ? comma : 0)).epsilon(2e-4));
        ++commas;
      } else if (ends_with(last.text, "\u2010") || ends_with(last.text, "-")) {
        CHECK(last.x1 == doctest::Approx(right + (on ? hyphen : 0)).epsilon(2e-4));
        ++hyphens;
      } else if (std::isalpha(static_cast<unsigned char>(last.text.back()))) {
        CHECK(last.x1 == doctest::Approx(right).epsilon(2e-4));
        ++flush;
      }
    }
    CHECK(commas > 0);
    CHECK(hyphens > 0);
    CHECK(flush > 5);
  }
}

TEST_CASE("font expansion scales lines within its bound and the text extracts exactly") {
  // Smart quotes are on: the source's apostrophes extract as U+2019.
  std::string text;
  for (char c : squash_quotes(body_text())) text += c == '\'' ? std::string("\u2019") : std::string(1, c);
  const std::pair<std::string, double> cases[] = {{"", 2}, {", expansion: 1%", 1}, {", expansion: 0%", 0}};
  for (const auto& [style, bound] : cases) {
    CAPTURE(style);
    const std::string pdf = build_styled(temp_dir(), style);
    const auto tz = tz_values(pdf);
    if (bound == 0) {
      CHECK(tz.empty());
    } else {
      CHECK(tz.size() > 10);  // most lines take part of their adjustment in the glyphs
      for (double v : tz) CHECK(std::abs(v - 100) <= bound + 1e-6);
    }
    CHECK(squash_quotes(sh("pdftotext -enc UTF-8 " + quote(pdf) + " -").out) == text);
  }
}

// bench/anchor-page is the page the texture is compared on with the peers
// (docs/linebreaking.md): it must keep building, cleanly.
TEST_CASE("the anchors' page builds without a diagnostic") {
  const std::string pdf = temp_dir() + "/anchor.pdf";
  Run r = e2e::galley("build bench/anchor-page/content.yaml -o " + quote(pdf) + " --stats");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
  CHECK(r.err.find("overfull lines             0") != std::string::npos);
  // The build's figures reach --stats (base/figures.h): lines were counted.
  CHECK(r.err.find("lines set                  ") != std::string::npos);
  CHECK(r.err.find("lines set                  0\n") == std::string::npos);
  CHECK(pdf_pages(pdf) == 3);
}
