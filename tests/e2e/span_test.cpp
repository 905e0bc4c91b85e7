// `span: all` in a two-column frame, read back from word boxes
// (pdftotext -bbox): the columns above a spanning block are balanced, the
// block runs across both columns, the flow goes on below it.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

struct SpanBox {
  double x0, y0, x1, y1;
  std::string text;
};

std::vector<SpanBox> span_boxes(const std::string& pdf) {
  const std::string html = sh("pdftotext -f 1 -l 1 -bbox " + quote(pdf) + " -").out;
  static const std::regex word_re(
      "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");
  std::vector<SpanBox> out;
  for (std::sregex_iterator w(html.begin(), html.end(), word_re), end; w != end; ++w)
    out.push_back({std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), (*w)[5]});
  return out;
}

const SpanBox& find(const std::vector<SpanBox>& words, const std::string& text) {
  for (const SpanBox& b : words)
    if (b.text == text) return b;
  FAIL("no word '" << text << "'");
  return words.front();
}

}  // namespace

TEST_CASE("span: all sets a heading and a table across a two-column frame, balanced columns above, the flow below") {
  const std::string dir = temp_dir();
  write_file(dir + "/v.csv", "Year,Cases,Vascular,Nonvascular\n2019,412,236,176\n2020,398,221,177\n");
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  // Frame: x 40..380pt, two columns of 160pt with a 20pt gutter.
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf, bold: " +
                 fonts + "/NotoSerif-Bold.ttf}\n"
                 "styles:\n  body: {font: Noto Serif, size: 9pt, leading: 12pt}\n"
                 "masters:\n  page:\n    frames: [{name: body, flow: main, x: 40pt, y: 40pt, width: 340pt, height: "
                 "500pt, columns: 2, gutter: 20pt}]\n"
                 "sequence:\n  - {master: page}\n");
  std::string content = "galley: 1\nlayout: layout.yaml\nmeta: {title: Span, date: 2026-11-01}\nflows:\n  main:\n";
  const std::string words = " Residents log every procedure they take part in, and the program reviews the totals.\"\n";
  for (int i = 1; i <= 4; ++i) content += "    - paragraph: \"P" + std::to_string(i) + words;
  content += "    - heading: Volumes across the page\n      span: all\n";
  content += "    - table: {data: v.csv}\n      span: all\n";
  for (int i = 5; i <= 8; ++i) content += "    - paragraph: \"P" + std::to_string(i) + words;
  write_file(dir + "/content.yaml", content);
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CAPTURE(r.err);
  REQUIRE(r.exit_code == 0);
  const auto w = span_boxes(dir + "/out.pdf");
  const double second_column = 40 + 160 + 20;
  // Balanced above: two paragraphs a column, side by side, all above the heading.
  const SpanBox &p1 = find(w, "P1"), &p3 = find(w, "P3"), &p4 = find(w, "P4");
  CHECK(p1.x0 < second_column);
  CHECK(p3.x0 >= second_column);
  CHECK(p3.y0 == doctest::Approx(p1.y0));
  const SpanBox& heading = find(w, "Volumes");
  CHECK(p4.y1 < heading.y0);
  // Across: the heading and the table start at the frame's left edge and
  // reach into the second column.
  CHECK(heading.x0 == doctest::Approx(40).epsilon(0.01));
  CHECK(find(w, "page").x1 > 40);
  const SpanBox& last_header = find(w, "Nonvascular");
  CHECK(last_header.x1 > second_column + 100);
  CHECK(find(w, "Year").x1 < second_column - 40);
  // Below: the flow goes on in the first column under the table (the
  // frame does not ask for balance, so the last band fills a column first).
  const SpanBox &table_end = find(w, "2020"), &p5 = find(w, "P5"), &p8 = find(w, "P8");
  CHECK(p5.y0 > table_end.y1);
  CHECK(p5.x0 == doctest::Approx(40).epsilon(0.01));
  CHECK(p8.x0 == doctest::Approx(40).epsilon(0.01));
  CHECK(p8.y0 > p5.y0);
}
