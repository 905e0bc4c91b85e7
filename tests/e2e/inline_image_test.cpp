// `![alt](file)` inside text, read back from the PDF: the picture is drawn
// in the line, between the words around it, standing on the baseline at
// the cap height; a missing file is an error at its place.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

struct Placement {
  double w, h, x, y;  // the image's `w 0 0 h x y cm`, PDF coordinates
};

std::vector<Placement> placements(const std::string& pdf) {
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(pdf) + " -").out;
  static const std::regex re(R"(([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm\n/\w+ Do)");
  std::vector<Placement> out;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  return out;
}

// The baselines of the page's lines: the y of each text matrix.
std::vector<double> baselines(const std::string& pdf) {
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(pdf) + " -").out;
  static const std::regex re(R"(1 0 0 1 [\d.]+ ([\d.]+) Tm)");
  std::vector<double> out;
  for (auto it = std::sregex_iterator(qdf.begin(), qdf.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod((*it)[1]));
  return out;
}

constexpr double kA5Height = 595.276;
constexpr double kCapHeight = 0.714;  // Noto Serif's OS/2 sCapHeight per em

}  // namespace

TEST_CASE("an image inside text is drawn in the line at the cap height, between its words") {
  const std::string dir = temp_dir();
  // 400 by 200 pixels: set 14 pt wide, well over 300 dpi.
  REQUIRE(sh("convert -size 400x200 xc:'#cc3311' " + quote(dir + "/icon.png")).exit_code == 0);
  write_minimal_pair(dir, "    - paragraph: \"Call ![phone](icon.png) now.\"\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.err.find("warning") == std::string::npos);
  const std::string list = sh("pdfimages -list " + quote(dir + "/out.pdf")).out;
  CHECK(list.find("   400   200  rgb") != std::string::npos);

  const auto placed = placements(dir + "/out.pdf");
  REQUIRE(placed.size() == 1);
  const Placement& img = placed[0];
  CHECK(img.h == doctest::Approx(kCapHeight * 10).epsilon(0.01));
  CHECK(img.w == doctest::Approx(2 * img.h).epsilon(0.01));
  // On the baseline of the text around it (the second line: the pair's first paragraph is above).
  const auto lines = baselines(dir + "/out.pdf");
  REQUIRE(lines.size() >= 2);
  CHECK(img.y == doctest::Approx(lines[1]).epsilon(0.0001));
  const auto words = pdf_word_boxes(dir + "/out.pdf");
  const WordBox *call = nullptr, *now = nullptr;
  for (const WordBox& w : words) {
    if (w.text == "Call") call = &w;
    if (w.text == "now.") now = &w;
  }
  REQUIRE((call && now));
  // After "Call" and a space, before a space and "now." on the same line.
  CHECK(img.x > call->x1 + 1);
  CHECK(img.x + img.w < now->x0 - 1);
  CHECK(kA5Height - img.y < now->y1);
  CHECK(kA5Height - img.y > now->y0);
  // Its description is its alternate text, in the page content.
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(dir + "/out.pdf") + " -").out;
  CHECK(qdf.find("/Alt (phone)") != std::string::npos);
}

TEST_CASE("a missing image inside text is an error at its text's place") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir, "    - paragraph: \"Call ![phone](nothere.png) now.\"\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(dir + "/content.yaml:8:19: error: image 'nothere.png' not found (looked for " + dir +
                   "/nothere.png)") != std::string::npos);
}
