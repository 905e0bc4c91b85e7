// A build's Markdown files are converted again where resolve reaches them
// (load::Options::defer_markdown): the model of a long report is never
// whole, so a report naming its file four times as often grows by the
// styled text alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "harness.h"
#include "hostile_files.h"

using namespace e2e;

TEST_CASE("a report naming its Markdown file four times as often grows by its styled text, not its model too") {
  const std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/fonts");
  std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf",
                             dir + "/fonts/NotoSerif-Regular.ttf");
  // 600 different paragraphs (58 KB) of 14 words.
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
  for (int copies : {scaled(10), scaled(40)}) {
    std::string doc = "galley: 1\nlayout: layout.yaml\nmeta: {title: Flat}\nflows:\n  main:\n";
    for (int i = 0; i < copies; ++i) doc += "    - markdown: {file: text.md}\n";
    write_file(dir + "/doc-" + std::to_string(copies) + ".yaml", doc);
  }
  const Measured small = run_measured(dir, {"build", "doc-" + std::to_string(scaled(10)) + ".yaml", "-o", "small.pdf"});
  INFO(small.err);
  REQUIRE(small.exit_code == 0);
  const Measured large = run_measured(dir, {"build", "doc-" + std::to_string(scaled(40)) + ".yaml", "-o", "large.pdf"});
  INFO(large.err);
  REQUIRE(large.exit_code == 0);
  CHECK(pdf_pages(dir + "/large.pdf") > 4 * pdf_pages(dir + "/small.pdf") - 4);
  Run text = sh("pdftotext -f 2 -l 2 " + quote(dir + "/large.pdf") + " -");
  CHECK(text.out.find("stays") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << small.max_rss_mb << " and " << large.max_rss_mb
                                              << " MB (not checked)");
#else
  MESSAGE("peak RSS 10 copies " << small.max_rss_mb << " MB, 40 copies " << large.max_rss_mb << " MB");
  // With the model whole at load, 30 more copies (18,000 blocks) cost
  // 31 MB (21 against 52); converted where resolve reaches them, 16 (21
  // against 38): what is left is the styled text, whole before layout.
  CHECK(large.max_rss_mb < small.max_rss_mb + 24);
#endif
}
