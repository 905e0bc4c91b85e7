// SVG and PDF files as image sources (issue 14): built into a PDF by the
// real binary and read back with libqpdf and poppler-utils. They stay
// vector (no raster for pdfimages), are one XObject however many pages
// place them, keep an embedded PDF page's text and fonts, print recoloured
// colours as the palette's spot colour, and never read a file an SVG
// refers to.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "harness.h"

using namespace e2e;

namespace {

const std::string kLogo =
    "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50' viewBox='0 0 100 50'>\n"
    "  <rect x='0' y='0' width='60' height='50' fill='#0057b8'/>\n"
    "  <circle cx='80' cy='25' r='18' fill='#e4002b'/>\n"
    "</svg>\n";

// A layout whose every page carries the SVG logo (recoloured, on the
// master), and a content file placing the SVG and the PDF in the flow on
// two pages.
void write_job(const std::string& dir, const std::string& recolor, const std::string& standard = "") {
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  write_file(dir + "/logo.svg", kLogo);
  write_file(dir + "/layout.yaml",
             "galley: 1\n"
             "page: {size: a5}\n"
             "fonts:\n"
             "  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf}\n"
             "colors:\n"
             "  mayo-blue: {spot: Mayo Blue, cmyk: [1, 0.6, 0, 0.1]}\n"
             "  accent: {cmyk: [0, 1, 0.8, 0]}\n"
             "styles:\n"
             "  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n"
             "masters:\n"
             "  page:\n"
             "    elements:\n"
             "      - image: {src: logo.svg, x: 10mm, y: 5mm, width: 30mm, height: 10mm, fit: contain" +
                 recolor + "}\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "sequence:\n"
             "  - {master: page, repeat: until-empty}\n" +
             (standard.empty() ? "" : "output: {standard: " + standard + "}\n"));
  write_file(dir + "/content.yaml",
             "galley: 1\n"
             "layout: layout.yaml\n"
             "meta: {title: Vector test, date: 2026-11-01}\n"
             "flows:\n"
             "  main:\n"
             "    - paragraph: First page.\n"
             "    - image: {src: logo.svg, width: 50%, alt: The logo" + recolor + "}\n"
             "    - break: page\n"
             "    - paragraph: Second page.\n"
             "    - image: {src: marks.pdf, page: 1, width: 80%, alt: Accreditation marks}\n");
}

// A one-page PDF with embedded fonts, made by galley itself.
void write_marks_pdf(const std::string& dir) {
  const std::string src = dir + "/marks-src";
  std::filesystem::create_directories(src);
  write_minimal_pair(src, "    - paragraph: Accredited vector mark seventeen.\n");
  Run r = e2e::galley("build " + quote(src + "/content.yaml") + " -o " + quote(dir + "/marks.pdf"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Every Form XObject each page's resources name: page → object ids.
std::map<int, std::set<QPDFObjGen>> forms_by_page(QPDF& pdf) {
  std::map<int, std::set<QPDFObjGen>> out;
  int n = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++n;
    auto xobjects = page.getObjectHandle().getKey("/Resources").getKey("/XObject");
    if (!xobjects.isDictionary()) continue;
    for (auto& [name, x] : xobjects.ditems())
      if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) out[n].insert(x.getObjGen());
  }
  return out;
}

std::string decoded(QPDFObjectHandle stream) {
  auto buf = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

int raster_images(const std::string& pdf) {
  Run r = sh("pdfimages -list " + quote(pdf));
  REQUIRE(r.exit_code == 0);
  int lines = 0;
  for (char c : r.out) lines += c == '\n';
  return lines - 2;  // two header lines
}

}  // namespace

TEST_CASE("SVG and PDF images stay vector, are embedded once, and keep a PDF page's text and fonts") {
  const std::string dir = temp_dir();
  write_job(dir, ", recolor: {\"#0057b8\": mayo-blue, \"#e4002b\": accent}");
  write_marks_pdf(dir);
  const std::string out = dir + "/out.pdf";
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(out));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  CHECK(raster_images(out) == 0);
  CHECK(sh("qpdf --check " + quote(out)).exit_code == 0);
  CHECK(pdf_text(out).find("Accredited vector mark seventeen.") != std::string::npos);
  Run fonts = sh("pdffonts " + quote(out));
  CHECK(fonts.out.find("NotoSerif") != std::string::npos);
  CHECK(fonts.out.find(" no ") == std::string::npos);  // every font embedded

  QPDF pdf;
  pdf.processFile(out.c_str());
  const auto forms = forms_by_page(pdf);
  REQUIRE(forms.size() == 2);
  // The master's recoloured logo: the same object on both pages.
  std::set<QPDFObjGen> shared;
  for (const QPDFObjGen& id : forms.at(1))
    if (forms.at(2).count(id)) shared.insert(id);
  CHECK(shared.size() == 1);
  // Page 1: master logo + flow logo (the same file and mapping: the same
  // XObject);
  // page 2: master logo + the PDF page.
  CHECK(forms.at(1).size() == 1);
  CHECK(forms.at(2).size() == 2);

  QPDFObjectHandle logo = pdf.getObjectByObjGen(*shared.begin());
  const std::string content = decoded(logo);
  CHECK(content.find("scn") != std::string::npos);
  CHECK(content.find(" k") != std::string::npos);  // accent, CMYK
  CHECK(content.find("rg") == std::string::npos);
  auto spaces = logo.getDict().getKey("/Resources").getKey("/ColorSpace");
  REQUIRE(spaces.isDictionary());
  bool separation = false;
  for (auto& [name, space] : spaces.ditems())
    separation = separation || (space.isArray() && space.getArrayItem(0).isNameAndEquals("/Separation") &&
                                space.getArrayItem(1).getName() == "/Mayo Blue");
  CHECK(separation);
}

TEST_CASE("a build with vector images gives the same bytes every time") {
  const std::string dir = temp_dir();
  write_job(dir, ", recolor: {\"#0057b8\": mayo-blue}");
  write_marks_pdf(dir);
  Run a = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/a.pdf"));
  Run b = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/b.pdf"));
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(read_file(dir + "/a.pdf") == read_file(dir + "/b.pdf"));
}

TEST_CASE("unmapped RGB in a vector image is a PDF/X preflight finding; a full mapping is not") {
  const std::string dir = temp_dir();
  write_job(dir, ", recolor: {\"#0057b8\": mayo-blue}", "PDF/X-4");
  write_marks_pdf(dir);
  Run r = e2e::galley("check " + quote(dir + "/content.yaml"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("#e4002b, not mapped by 'recolor'") != std::string::npos);

  write_job(dir, ", recolor: {\"#0057b8\": mayo-blue, \"#e4002b\": accent}", "PDF/X-4");
  write_file(dir + "/content.yaml",
             "galley: 1\nlayout: layout.yaml\nmeta: {title: Vector test}\nflows:\n  main:\n"
             "    - paragraph: Only the master's logo.\n");
  r = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("RGB") == std::string::npos);
}

TEST_CASE("an SVG's references to other files are never read") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir, "    - image: {src: refs.svg, alt: refs}\n");
  // A real picture beside the SVG: had librsvg loaded it, it would be a
  // raster image in the PDF.
  Run png = sh("convert -size 8x8 xc:red " + quote(dir + "/secret.png"));
  REQUIRE(png.exit_code == 0);
  write_file(dir + "/style.css", "rect { fill: #00ff00; }\n");
  write_file(dir + "/refs.svg",
             "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
             " width='40' height='40'>\n"
             "  <style>@import url(style.css);</style>\n"
             "  <rect width='10' height='10' fill='#000000'/>\n"
             "  <image x='0' y='0' width='20' height='20' xlink:href='secret.png'/>\n"
             "  <image x='20' y='0' width='20' height='20' href='file://" + dir + "/secret.png'/>\n"
             "  <use xlink:href='other.svg#x'/>\n"
             "</svg>\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(raster_images(dir + "/out.pdf") == 0);
  QPDF pdf;
  pdf.processFile((dir + "/out.pdf").c_str());
  const auto forms = forms_by_page(pdf);
  REQUIRE(forms.size() == 1);
  const std::string content = decoded(pdf.getObjectByObjGen(*forms.at(1).begin()));
  CHECK(content.find("0 1 0 rg") == std::string::npos);  // the @import's green
}

TEST_CASE("galley check reports a broken SVG or PDF at the line naming it") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir, "    - image: {src: broken.svg}\n");
  write_file(dir + "/broken.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><g></svg>");
  Run r = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content.yaml:8:7: error: image '") != std::string::npos);
  CHECK(r.err.find("broken.svg': not a readable SVG file") != std::string::npos);
}
