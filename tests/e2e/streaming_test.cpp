// Pages are written as layout finishes them (layout::PageSink, cli's
// pipeline): a document's memory does not grow with its pages' drawing.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "harness.h"
#include "hostile_files.h"

using namespace e2e;

TEST_CASE("a thousand pages drawn from a few lines of input are built in flat memory") {
  const std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/fonts");
  std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf",
                             dir + "/fonts/NotoSerif-Regular.ttf");
  std::string words;
  for (int i = 0; i < 40; ++i) words += "memory stays flat when pages are written as they are made ";
  // Every page sets the same long master text: about 50 KB of glyph runs
  // a page, 60 MB for the document's display list held whole.
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
             "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
             "    footer: {text: \"" + words + "\", y: 20mm, height: 170mm}\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "sequence:\n  - {master: page, repeat: 1200}\n");
  write_file(dir + "/doc.yaml",
             "galley: 1\nlayout: layout.yaml\nmeta: {title: Flat}\nflows:\n  main:\n    - paragraph: One short paragraph.\n");
  const Measured m = run_measured(dir, {"build", "doc.yaml", "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  CHECK(pdf_pages(dir + "/out.pdf") == 1200);
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's shadow memory and its quarantine of freed blocks
  // (up to 256 MB) make the process's size say nothing about the build's:
  // the release run (make test-release) holds the bound.
  MESSAGE("peak RSS under AddressSanitizer: " << m.max_rss_mb << " MB (not checked)");
#else
  // Held whole, the pages took 80 MB; streamed, under 30.
  CHECK(m.max_rss_mb < 55);
#endif
}

// A build frees each of the model's blocks as it resolves it (cli's
// build_once, resolve::resolve_freeing), so the model and the styled text
// are never both whole, and blocks of one style share their box style.
TEST_CASE("three hundred pages of text named from one Markdown file are resolved in flat memory") {
  const std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/fonts");
  std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf",
                             dir + "/fonts/NotoSerif-Regular.ttf");
  // 600 different paragraphs (58 KB), the file named 30 times: 1.7 MB of
  // text in 18,000 blocks.
  const char* words[] = {"memory", "stays", "flat", "when", "the", "model", "is", "freed", "as", "it", "resolved"};
  std::string markdown;
  for (int i = 0; i < 600; ++i) {
    for (int k = 0; k < 14; ++k)
      markdown += std::string(k ? " " : "") + words[(i * 7 + k) % 11] + std::to_string(i * k % 97);
    markdown += "\n\n";
  }
  write_file(dir + "/text.md", markdown);
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
             "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "output: {tagged: false}\nsequence:\n  - {master: page, repeat: until-empty}\n");
  std::string doc = "galley: 1\nlayout: layout.yaml\nmeta: {title: Flat}\nflows:\n  main:\n";
  for (int i = 0; i < 30; ++i) doc += "    - markdown: {file: text.md}\n";
  write_file(dir + "/doc.yaml", doc);
  const Measured m = run_measured(dir, {"build", "doc.yaml", "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  CHECK(pdf_pages(dir + "/out.pdf") > 250);
  Run text = sh("pdftotext -l 1 " + quote(dir + "/out.pdf") + " -");
  CHECK(text.out.find("memory0 stays0 flat0") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << m.max_rss_mb << " MB (not checked)");
#else
  // With the model whole beside the styled text and a box style per block,
  // 74 MiB; freed as resolved, about 51.
  CHECK(m.max_rss_mb < 64);
#endif
}
