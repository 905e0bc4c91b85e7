// Charts read back from the PDF: bar lengths from the content stream's
// rectangles, colours from its operators, labels with pdftotext, the
// Figure and its alt text from the structure tree.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: use std::shared_ptr
#endif
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <regex>

#include "e2e/harness.h"

using namespace e2e;

namespace {

// A layout whose chart colours are a CMYK colour no other element uses and
// a spot colour.
void write_chart_pair(const std::string& dir, const std::string& chart, const std::string& csv) {
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  write_file(dir + "/layout.yaml",
             "galley: 1\n"
             "page: {size: a5}\n"
             "fonts:\n"
             "  Noto Sans: {regular: " + fonts + "/NotoSans-Regular.ttf, bold: " + fonts + "/NotoSans-Bold.ttf}\n"
             "colors:\n"
             "  ink: {gray: 0}\n"
             "  chart-1: {cmyk: [0.1, 0.2, 0.3, 0.4]}\n"
             "  chart-2: {spot: PANTONE Test C, cmyk: [0.9, 0.1, 0, 0.05]}\n"
             "styles:\n"
             "  body: {font: Noto Sans, size: 10pt, leading: 13pt}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "sequence:\n"
             "  - {master: page, repeat: until-empty}\n");
  write_file(dir + "/data.csv", csv);
  write_file(dir + "/content.yaml",
             "galley: 1\n"
             "layout: layout.yaml\n"
             "meta: {title: Charts, date: 2026-11-01}\n"
             "flows:\n"
             "  main:\n"
             "    - paragraph: Before the chart.\n"
             "    - chart: " + chart + "\n");
}

// Builds the chart into a PDF; returns its path.
std::string build_chart(const std::string& chart, const std::string& csv) {
  const std::string dir = temp_dir();
  write_chart_pair(dir, chart, csv);
  const std::string pdf = dir + "/out.pdf";
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return pdf;
}

std::string page_content(const std::string& pdf_path) {
  QPDF pdf;
  pdf.processFile(pdf_path.c_str());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  REQUIRE(!pages.empty());
  std::string out;
  for (auto& s : pages[0].getPageContents()) {
    auto data = s.getStreamData(qpdf_dl_generalized);
    out.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  }
  return out;
}

// The page's Separation colour spaces: their colorant names.
std::vector<std::string> separations(const std::string& pdf_path) {
  QPDF pdf;
  pdf.processFile(pdf_path.c_str());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::vector<std::string> out;
  auto spaces = pages.at(0).getAttribute("/Resources", false).getKey("/ColorSpace");
  if (!spaces.isDictionary()) return out;
  for (const auto& key : spaces.getKeys()) {
    auto cs = spaces.getKey(key);
    if (cs.isArray() && cs.getArrayItem(0).isNameAndEquals("/Separation"))
      out.push_back(cs.getArrayItem(1).getName());
  }
  return out;
}

// Role and /Alt of every structure element that has alternate text.
std::vector<std::pair<std::string, std::string>> alts(const std::string& pdf_path) {
  QPDF pdf;
  pdf.processFile(pdf_path.c_str());
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& o : pdf.getAllObjects())
    if (o.isDictionary() && o.hasKey("/S") && o.hasKey("/Alt") && o.getKey("/Alt").isString())
      out.emplace_back(o.getKey("/S").getName(), o.getKey("/Alt").getUTF8Value());
  return out;
}

// The /BBox of the one Figure element: x0, y0, x1, y1.
std::vector<double> figure_box(const std::string& pdf_path) {
  QPDF pdf;
  pdf.processFile(pdf_path.c_str());
  for (auto& o : pdf.getAllObjects()) {
    if (!o.isDictionary() || !o.hasKey("/S") || !o.getKey("/S").isNameAndEquals("/Figure")) continue;
    std::vector<double> out;
    auto box = o.getKey("/A").getKey("/BBox");
    for (int i = 0; box.isArray() && i < box.getArrayNItems(); ++i) out.push_back(box.getArrayItem(i).getNumericValue());
    return out;
  }
  return {};
}

struct Filled {
  std::string color;
  double x, y, w, h;
};

// Every filled rectangle (`q COLOUR x y w h re f Q`) in drawing order.
std::vector<Filled> filled_rects(const std::string& content) {
  static const std::regex re(R"(q\n([^\n]+)\n(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\nf\nQ)");
  std::vector<Filled> out;
  for (auto it = std::sregex_iterator(content.begin(), content.end(), re); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out.push_back({m[1], std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), std::stod(m[5])});
  }
  return out;
}

std::vector<Filled> with_color(const std::vector<Filled>& rects, const std::string& color) {
  std::vector<Filled> out;
  for (const auto& r : rects)
    if (r.color == color) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("a bar chart: bar heights proportional to the data, palette colours, labels as text") {
  const std::string pdf = build_chart("{type: bar, data: data.csv, x: Year, y: [Cases, Deaths]}",
                                      "Year,Cases,Deaths\n2019,100,40\n2020,250,80\n2021,400,120\n");

  const std::string content = page_content(pdf);
  const auto rects = filled_rects(content);
  // The first series in chart-1's CMYK, kept as CMYK.
  const auto cases = with_color(rects, "0.1 0.2 0.3 0.4 k");
  REQUIRE(cases.size() == 4);  // three bars and the legend's swatch
  CHECK(cases[3].w == doctest::Approx(cases[3].h));
  CHECK(cases[1].h / cases[0].h == doctest::Approx(2.5).epsilon(0.002));
  CHECK(cases[2].h / cases[0].h == doctest::Approx(4.0).epsilon(0.002));
  CHECK(cases[0].y == doctest::Approx(cases[1].y));  // on one baseline
  CHECK(cases[0].x < cases[1].x);

  // The second series in chart-2's Separation, at its full tint.
  std::smatch cs;
  REQUIRE(std::regex_search(content, cs, std::regex(R"(/(CS\d+) cs 1 scn)")));
  const auto deaths = with_color(rects, "/" + cs[1].str() + " cs 1 scn");
  REQUIRE(deaths.size() == 4);
  CHECK(deaths[1].h / deaths[0].h == doctest::Approx(2.0).epsilon(0.002));
  CHECK(deaths[0].h / cases[0].h == doctest::Approx(0.4).epsilon(0.002));
  CHECK(separations(pdf) == std::vector<std::string>{"/PANTONE Test C"});

  const std::string text = pdf_text(pdf);
  for (const char* label : {"2019", "2020", "2021", "Year", "0", "100", "200", "300", "400", "Cases", "Deaths"})
    CHECK_MESSAGE(text.find(label) != std::string::npos, label);
}

TEST_CASE("a chart is one Figure with a summary of its data as alt text") {
  const std::string pdf = build_chart("{type: bar, data: data.csv, x: Year, y: Cases, labels: true, caption: Cases per year.}",
                                      "Year,Cases\n2019,412\n2020,398\n2024,655\n");
  const auto a = alts(pdf);
  REQUIRE(a.size() == 1);
  CHECK(a[0].first == "/Figure");
  CHECK(a[0].second == "Bar chart of Cases by Year, 2019\u20132024: 398 to 655.");
  const std::string text = pdf_text(pdf);
  CHECK(text.find("Cases per year.") != std::string::npos);
  // `labels: true` prints each value at its bar.
  for (const char* value : {"412", "398", "655"}) CHECK_MESSAGE(text.find(value) != std::string::npos, value);
}

TEST_CASE("a pie chart's slices fill the circle in the palette's colours") {
  const std::string pdf = build_chart("{type: pie, data: data.csv, x: Kind, y: Share, donut: true}", "Kind,Share\nA,1\nB,3\n");
  const std::string content = page_content(pdf);
  CHECK(content.find("0.1 0.2 0.3 0.4 k") != std::string::npos);
  CHECK(std::regex_search(content, std::regex(R"(/CS\d+ cs 1 scn)")));
  // The Figure's box holds the ring (drawn as paths), not only the legend.
  const auto box = figure_box(pdf);
  REQUIRE(box.size() == 4);
  CHECK(box[2] - box[0] > 140);
  CHECK(box[3] - box[1] > 140);
  const std::string text = pdf_text(pdf);
  CHECK(text.find("A 1 (25 %)") != std::string::npos);
  CHECK(text.find("B 3 (75 %)") != std::string::npos);
}
