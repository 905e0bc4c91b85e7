// Documents whose PDF needs arrays longer than libharu's 32,767 items
// (libharu W13, pdf/hpdf_objects.cpp): the structure element's /K, the
// parent tree's /Nums (two entries per page and per link), the named
// destinations and the IDTree (two entries per id and per footnote). They
// are written whole and read back; before W13 each build failed with an
// unlocated "cannot write PDF: cannot build /K" (or /Nums, /Names).
// Pages of 100 by 100 inches at 4 pt keep the page count, and so the time,
// small.
#include <doctest/doctest.h>

#include <qpdf/QPDF.hh>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "e2e/harness.h"

using namespace e2e;

namespace {

std::string big_pages_layout() {
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  return "galley: 1\n"
         "page: {size: {width: 100in, height: 100in}}\n"
         "fonts:\n"
         "  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf}\n"
         "styles:\n"
         "  body: {font: Noto Serif, size: 4pt, leading: 5pt}\n"
         "masters:\n"
         "  page:\n"
         "    frames: [{name: body, flow: main, x: 1in, y: 1in, width: 98in, height: 98in}]\n"
         "sequence:\n"
         "  - {master: page, repeat: until-empty}\n";
}

// Structure element types and how many of each, from `pdfinfo -struct`
// (-struct-text extracts each element's text from its page: minutes here).
std::map<std::string, int> element_counts(const std::string& pdf) {
  std::map<std::string, int> counts;
  std::istringstream lines(sh("pdfinfo -struct " + quote(pdf) + " 2>/dev/null").out);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string type;
    if (words >> type) ++counts[type];
  }
  return counts;
}

// The distinct words of the text matching `pattern`.
std::set<std::string> words_matching(const std::string& pdf, const std::string& pattern) {
  const std::string text = sh("pdftotext " + quote(pdf) + " -").out;
  std::set<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    found.insert(it->str());
  return found;
}

// Builds `content` beside the big pages' layout in `dir`: the PDF, which
// qpdf finds clean.
std::string build_clean(const std::string& dir, const std::string& content) {
  write_file(dir + "/layout.yaml", big_pages_layout());
  write_file(dir + "/content.yaml", content);
  const std::string pdf = dir + "/t.pdf";
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(sh("qpdf --check " + quote(pdf)).out.find("No syntax or stream encoding errors") != std::string::npos);
  return pdf;
}

}  // namespace

TEST_CASE("long arrays: 33,000 paragraphs, 16,500 links and 16,500 ids are written and read back") {
  const std::string dir = temp_dir();
  constexpr int kParagraphs = 33'000;
  std::string content = "galley: 1\nlayout: layout.yaml\nmeta: {title: Long arrays, language: en-US}\nflows:\n  main:\n";
  for (int i = 0; i < kParagraphs; ++i) {
    const std::string word = "w" + std::to_string(i);
    if (i % 2 == 0)
      content += "    - paragraph: \"[" + word + "](#p" + std::to_string(i + 1) + ")\"\n";
    else
      content += "    - {paragraph: " + word + ", id: p" + std::to_string(i) + "}\n";
  }
  const std::string pdf = build_clean(dir, content);
  auto counts = element_counts(pdf);
  CHECK(counts["Document"] == 1);
  CHECK(counts["P"] == kParagraphs);  // all kids of the Document: over 32,767
  CHECK(counts["Link"] == kParagraphs / 2);
  CHECK(words_matching(pdf, "w[0-9]+").size() == kParagraphs);
  // Every link annotation is in the parent tree, every id a destination.
  QPDF q;
  q.processFile(pdf.c_str());
  auto tree = q.getRoot().getKey("/StructTreeRoot");
  const int pages = pdf_pages(pdf);
  CHECK(tree.getKey("/ParentTree").getKey("/Nums").getArrayNItems() == 2 * (pages + kParagraphs / 2));
  CHECK(tree.getKey("/ParentTreeNextKey").getIntValue() == pages + kParagraphs / 2);
  CHECK(q.getRoot().getKey("/Names").getKey("/Dests").getKey("/Names").getArrayNItems() == kParagraphs);
}

TEST_CASE("long arrays: 16,400 footnotes, 8,200 in each of two paragraphs, are written and read back") {
  const std::string dir = temp_dir();
  constexpr int kNotes = 16'400;
  std::string content = "galley: 1\nlayout: layout.yaml\nmeta: {title: Many notes, language: en-US}\nnotes:\n";
  for (int i = 0; i < kNotes; ++i) content += "  n" + std::to_string(i) + ": N" + std::to_string(i) + ".\n";
  content += "flows:\n  main:\n";
  for (int p = 0; p < 2; ++p) {
    content += "    - paragraph: \"";
    for (int i = p * kNotes / 2; i < (p + 1) * kNotes / 2; ++i) content += "a[^n" + std::to_string(i) + "] ";
    content += "\"\n";
  }
  const std::string pdf = build_clean(dir, content);
  auto counts = element_counts(pdf);
  CHECK(counts["Note"] == kNotes);
  CHECK(counts["P"] == 2);
  CHECK(words_matching(pdf, "N[0-9]+\\.").size() == kNotes);
}

TEST_CASE("long arrays: a page of more than 10,000 links, which poppler would not display, is a located error") {
  const std::string dir = temp_dir();
  write_file(dir + "/layout.yaml", big_pages_layout());
  std::string content = "galley: 1\nlayout: layout.yaml\nmeta: {title: Many links, language: en-US}\nflows:\n  main:\n"
                        "    - paragraph: \"";
  for (int i = 0; i < 10'001; ++i) content += "[l" + std::to_string(i) + "](https://example.org/) ";
  write_file(dir + "/content.yaml", content + "\"\n");
  for (const std::string& output : {std::string(), " -o " + quote(dir + "/t.pdf")}) {
    Run r = e2e::galley((output.empty() ? "check " : "build ") + quote(dir + "/content.yaml") + output);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("content.yaml:6:19: error: page 1 has 10001 links; PDF readers refuse a page with more than "
                     "10000 (poppler shows none of it)") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/t.pdf"));
  }
}
