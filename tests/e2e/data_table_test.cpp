// Tables from data files, read back from the PDF: word boxes
// (pdftotext -bbox) for decimal alignment and cells that must not overlap,
// page text for the header repeated on every page of a long table.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

struct CellWord {
  double x0, y0, x1;
  std::string text;
};

std::vector<CellWord> words_of(const std::string& pdf) {
  const std::string html = sh("pdftotext -f 1 -l 1 -bbox " + quote(pdf) + " -").out;
  static const std::regex word_re(
      "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">([^<]*)</word>");
  std::vector<CellWord> out;
  for (std::sregex_iterator w(html.begin(), html.end(), word_re), end; w != end; ++w)
    out.push_back({std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), (*w)[4]});
  return out;
}

// Noto Serif's advance of `text` (ASCII) at 10pt.
double advance(const std::string& text) {
  double w = 0;
  for (char c : text) w += e2e::serif_advance(static_cast<char32_t>(c));
  return w;
}

}  // namespace

TEST_CASE("a decimal column lines its numbers up on the decimal point") {
  const std::string dir = temp_dir();
  write_file(dir + "/values.csv", "Item,Value\nalpha,1.5\nbeta,12.25\ngamma,100\ndelta,3.125\nepsilon,1234.5\n");
  write_minimal_pair(dir, "    - table: {data: values.csv, columns: [Item, {field: Value, align: decimal}]}\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE(r.exit_code == 0);
  std::vector<double> points;
  for (const CellWord& w : words_of(dir + "/out.pdf")) {
    if (w.text.empty() || !std::isdigit(static_cast<unsigned char>(w.text[0]))) continue;
    const size_t dot = w.text.find('.');
    // Where the decimal point starts: after the whole part.
    points.push_back(w.x0 + advance(w.text.substr(0, dot)));
    CAPTURE(w.text);
  }
  REQUIRE(points.size() == 5);
  for (double p : points) CHECK(p == doctest::Approx(points[0]).epsilon(0.002));
  // Not merely right-aligned: the values' right edges differ.
  const auto words = words_of(dir + "/out.pdf");
  double right_100 = 0, right_1_5 = 0;
  for (const CellWord& w : words) {
    if (w.text == "100") right_100 = w.x1;
    if (w.text == "1.5") right_1_5 = w.x1;
  }
  CHECK(right_1_5 - right_100 == doctest::Approx(advance(".5")).epsilon(0.01));
}

TEST_CASE("words too long for a narrow column stay inside it, with one warning for the table") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir,
                     "    - table:\n"
                     "        widths: [12%, 88%]\n"
                     "        rows:\n"
                     "          - [Pneumonoultramicroscopicsilicovolcanoconiosis, next]\n"
                     "          - [Hippopotomonstrosesquippedaliophobia, next]\n"
                     "          - [Supercalifragilisticexpialidocious, next]\n"
                     "          - [Antidisestablishmentarianism, next]\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE(r.exit_code == 0);
  CAPTURE(r.err);
  CHECK(occurrences(r.err, "wider than its column") == 1);
  CHECK(occurrences(r.err, "overfull") == 0);
  CHECK(r.err.find("content.yaml:11:14: warning: a word in row 1, column 1 of this table is wider than its column; "
                   "set smaller (and in 3 more cells)") != std::string::npos);
  double next_left = 1e9;
  std::vector<CellWord> first_column;
  for (const CellWord& w : words_of(dir + "/out.pdf")) {
    if (w.text == "next") next_left = std::min(next_left, w.x0);
    else if (w.text != "Hello" && w.text != "Someone.") first_column.push_back(w);
  }
  REQUIRE(next_left < 1e9);
  REQUIRE(first_column.size() >= 4);
  for (const CellWord& w : first_column) {
    CAPTURE(w.text);
    CHECK(w.x1 < next_left - 3);  // the next cell's padding stays clear too
  }
}

TEST_CASE("a 2,000-row CSV becomes a table of many pages, each starting with the header row") {
  const std::string dir = temp_dir();
  std::string csv = "Year,Cases,Share\n";
  for (int i = 0; i < 2000; ++i)
    csv += std::to_string(1000 + i) + "," + std::to_string(i * 37 % 9000) + "." + std::to_string(i % 10) + ",0." +
           std::to_string(100 + i % 900) + "\n";
  write_file(dir + "/rows.csv", csv);
  write_minimal_pair(dir,
                     "    - table:\n"
                     "        data: rows.csv\n"
                     "        widths: auto\n"
                     "        columns: [Year, {field: Cases, title: Cases seen, format: number, align: decimal},\n"
                     "                  {field: Share, format: {type: percent, decimals: 1}}]\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE(r.exit_code == 0);
  const int pages = pdf_pages(dir + "/out.pdf");
  CHECK(pages > 30);
  const std::string text = sh("pdftotext -layout " + quote(dir + "/out.pdf") + " -").out;
  CHECK(occurrences(text, "Cases seen") == pages);
  CHECK(text.find("1,036.8") != std::string::npos);  // row 29: 28·37 = 1036, grouped
  CHECK(text.find("12.8%") != std::string::npos);    // 0.128
  CHECK(text.find("2999") != std::string::npos);     // the last row is there
}
