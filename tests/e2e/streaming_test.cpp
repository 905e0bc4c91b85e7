// Pages are written as layout finishes them (layout::PageSink, cli's
// pipeline): a document's memory does not grow with its pages' drawing.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "harness.h"
#include "hostile_files.h"

using namespace e2e;

namespace {

// A fresh folder with fonts/NotoSerif-Regular.ttf.
std::string streaming_serif_dir() {
  const std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/fonts");
  std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf",
                             dir + "/fonts/NotoSerif-Regular.ttf");
  return dir;
}

constexpr const char* kStreamingWords[] = {"memory", "stays", "flat", "when", "the", "model",
                                           "is",     "freed", "as",   "it",   "resolved"};

// layout.yaml: A5 pages of one frame of 6 pt Noto Serif, repeated until
// the flow is empty, with `output` (a layout line or nothing); doc.yaml:
// text.md named `copies` times.
void write_markdown_report(const std::string& dir, const std::string& output, int copies) {
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
             "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n" +
                 output + "sequence:\n  - {master: page, repeat: until-empty}\n");
  std::string doc = "galley: 1\nlayout: layout.yaml\nmeta: {title: Flat}\nflows:\n  main:\n";
  for (int i = 0; i < copies; ++i) doc += "    - markdown: {file: text.md}\n";
  write_file(dir + "/doc.yaml", doc);
}

// tagged.yaml and untagged.yaml: A5 pages of one frame of 6 pt Noto Serif
// until the flow is empty, one of them `tagged: false`; tagged-doc.yaml and
// untagged-doc.yaml: text.md named `copies` times under each.
void write_tagged_pair(const std::string& dir, int copies) {
  const std::string layout =
      "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
      "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
      "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n";
  write_file(dir + "/tagged.yaml", layout + "sequence:\n  - {master: page, repeat: until-empty}\n");
  write_file(dir + "/untagged.yaml",
             layout + "output: {tagged: false}\nsequence:\n  - {master: page, repeat: until-empty}\n");
  for (const char* name : {"tagged", "untagged"}) {
    std::string doc = std::string("galley: 1\nlayout: ") + name + ".yaml\nmeta: {title: Flat}\nflows:\n  main:\n";
    for (int i = 0; i < copies; ++i) doc += "    - markdown: {file: text.md}\n";
    write_file(dir + "/" + name + "-doc.yaml", doc);
  }
}

}  // namespace

TEST_CASE("a thousand pages drawn from a few lines of input are built in flat memory") {
  const std::string dir = streaming_serif_dir();
  std::string words;
  for (int i = 0; i < 40; ++i) words += "memory stays flat when pages are written as they are made ";
  // Every page sets the same long master text: about 50 KB of glyph runs
  // a page, 60 MB for the document's display list held whole.
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
             "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
             "    footer: {text: \"" + words + "\", y: 20mm, height: 170mm}\n"
             "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "sequence:\n  - {master: page, repeat: " + std::to_string(scaled(1200)) + "}\n");
  write_file(dir + "/doc.yaml",
             "galley: 1\nlayout: layout.yaml\nmeta: {title: Flat}\nflows:\n  main:\n    - paragraph: One short paragraph.\n");
  const Measured m = run_measured(dir, {"build", "doc.yaml", "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  CHECK(pdf_pages(dir + "/out.pdf") == scaled(1200));
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
  const std::string dir = streaming_serif_dir();
  // 600 different paragraphs (58 KB), the file named 30 times: 1.7 MB of
  // text in 18,000 blocks.
  const auto& words = kStreamingWords;
  std::string markdown;
  for (int i = 0; i < 600; ++i) {
    for (int k = 0; k < 14; ++k)
      markdown += std::string(k ? " " : "") + words[(i * 7 + k) % 11] + std::to_string(i * k % 97);
    markdown += "\n\n";
  }
  write_file(dir + "/text.md", markdown);
  write_markdown_report(dir, "output: {tagged: false}\n", scaled(30));
  const Measured m = run_measured(dir, {"build", "doc.yaml", "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  CHECK(pdf_pages(dir + "/out.pdf") > scaled(250));
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

// Paragraphs and runs refer to their style (resolve::Shared), made once per
// document, and so do the shaped runs and lines made from them: a report of
// many short runs holds no style per run.
TEST_CASE("three hundred pages of text set in many runs of bold and italic share their styles") {
  const std::string dir = streaming_serif_dir();
  for (const char* face : {"Bold", "Italic"})
    std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-" + face + ".ttf",
                               dir + "/fonts/NotoSerif-" + face + ".ttf");
  // 600 paragraphs of 14 words, every second and third **bold** or
  // *italic*, the file named 30 times: 18,000 paragraphs, 250,000 runs.
  const auto& words = kStreamingWords;
  std::string markdown;
  for (int i = 0; i < 600; ++i) {
    for (int k = 0; k < 14; ++k) {
      const std::string word = std::string(words[(i * 7 + k) % 11]) + std::to_string(i * k % 97);
      const char* mark = k % 3 == 1 ? "**" : k % 3 == 2 ? "*" : "";
      markdown += std::string(k ? " " : "") + mark + word + mark;
    }
    markdown += "\n\n";
  }
  write_file(dir + "/text.md", markdown);
  write_markdown_report(dir, "output: {tagged: false}\n", scaled(30));
  std::string layout = read_file(dir + "/layout.yaml");
  const std::string regular = "{regular: fonts/NotoSerif-Regular.ttf}";
  layout.replace(layout.find(regular), regular.size(),
                 "{regular: fonts/NotoSerif-Regular.ttf, bold: fonts/NotoSerif-Bold.ttf, "
                 "italic: fonts/NotoSerif-Italic.ttf}");
  write_file(dir + "/layout.yaml", layout);
  const Measured m = run_measured(dir, {"build", "doc.yaml", "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  CHECK(pdf_pages(dir + "/out.pdf") > scaled(300));
  Run fonts = sh("pdffonts " + quote(dir + "/out.pdf"));
  CHECK(fonts.out.find("NotoSerif-Bold") != std::string::npos);
  CHECK(fonts.out.find("NotoSerif-Italic") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << m.max_rss_mb << " MB (not checked)");
#else
  // With a copy of its style in every run, shaped run and line: 161 MiB;
  // shared, about 50.
  CHECK(m.max_rss_mb < 80);
#endif
}

// A tagged document's structure tree and outline are written into bytes as
// they are made, and the PDF into its file as libharu writes it
// (hpdf::Writer::save(to), cli's AtomicFile): tagging adds little to a
// long report's peak, and the file is never held whole.
TEST_CASE("a tagged long report costs little more memory than an untagged one") {
  const std::string dir = streaming_serif_dir();
  // 600 headings, each with a short paragraph, the file named 30 times:
  // 36,000 structure elements and 18,000 outline entries on 690 pages.
  const auto& words = kStreamingWords;
  std::string markdown;
  for (int i = 0; i < 600; ++i) {
    markdown += "## Part " + std::to_string(i) + " " + words[i % 11] + "\n\n";
    for (int k = 0; k < 6; ++k)
      markdown += std::string(k ? " " : "") + words[(i * 7 + k) % 11] + std::to_string(i * k % 97);
    markdown += "\n\n";
  }
  write_file(dir + "/text.md", markdown);
  write_tagged_pair(dir, scaled(30));
  const Measured tagged = run_measured(dir, {"build", "tagged-doc.yaml", "-o", "tagged.pdf"});
  INFO(tagged.err);
  REQUIRE(tagged.exit_code == 0);
  const Measured untagged = run_measured(dir, {"build", "untagged-doc.yaml", "-o", "untagged.pdf"});
  INFO(untagged.err);
  REQUIRE(untagged.exit_code == 0);
  CHECK(pdf_pages(dir + "/tagged.pdf") > scaled(600));
  Run info = sh("pdfinfo " + quote(dir + "/tagged.pdf"));
  CHECK(info.out.find("Tagged:          yes") != std::string::npos);
  Run outline = sh("qpdf --json --json-key=outlines " + quote(dir + "/tagged.pdf"));
  CHECK(outline.out.find("Part 599 model") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << tagged.max_rss_mb << " and " << untagged.max_rss_mb
                                              << " MB (not checked)");
#else
  // When the structure tree and outline were Values and libharu objects
  // beside the whole PDF as a string, tagging added 43 MiB; now about 13.
  MESSAGE("peak RSS tagged " << tagged.max_rss_mb << " MB, untagged " << untagged.max_rss_mb << " MB");
  CHECK(tagged.max_rss_mb < untagged.max_rss_mb + 25);
#endif
}

TEST_CASE("a long report laid out and written on two threads takes little more memory than on one") {
  const std::string dir = streaming_serif_dir();
  std::string markdown;
  for (int i = 0; i < 600; ++i) {
    markdown += "## Part " + std::to_string(i) + "\n\n";
    for (int k = 0; k < 40; ++k) markdown += std::string(k ? " " : "") + kStreamingWords[(i * 7 + k) % 11];
    markdown += "\n\n";
  }
  write_file(dir + "/text.md", markdown);
  // Untagged: the writer's copy of the structure, which grows with the
  // document, is then empty, and what is left is the threads' own cost.
  write_markdown_report(dir, "output: {tagged: false}\n", scaled(20));
  const Measured one = run_measured(dir, {"build", "doc.yaml", "-o", "one.pdf", "--jobs", "1"});
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  const Measured two = run_measured(dir, {"build", "doc.yaml", "-o", "two.pdf", "--jobs", "2"});
  INFO(two.err);
  REQUIRE(two.exit_code == 0);
  CHECK(pdf_pages(dir + "/two.pdf") > scaled(500));
  CHECK(read_file(dir + "/one.pdf") == read_file(dir + "/two.pdf"));
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << two.max_rss_mb << " and " << one.max_rss_mb << " MB (not checked)");
#else
  MESSAGE("peak RSS on two threads " << two.max_rss_mb << " MB, on one " << one.max_rss_mb << " MB");
  // With an arena per thread: 6–7 MB more (62–63 against 56); one arena: none.
  CHECK(two.max_rss_mb < one.max_rss_mb + 4);
#endif
}

// Each page's content goes into the file as the page is written, and the
// page is kept as a few records for the end (libharu W17): a document of
// three times the pages peaks at about the same memory. When the page
// objects and the deflated content waited for libharu's save(), 1,600 more
// pages cost 14 MB (21 against 35 MB); now 3 (17 against 20).
TEST_CASE("a tagged report of three times the pages takes little more memory") {
  const std::string dir = streaming_serif_dir();
  std::string words;
  for (int i = 0; i < 40; ++i) words += "memory stays flat when pages are written as they are made ";
  // Master text fills each page (an artifact, so the structure stays one
  // paragraph): what grows with the pages is the PDF's own.
  const auto layout = [&](int pages) {
    return "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: fonts/NotoSerif-Regular.ttf}\n"
           "styles:\n  body: {font: Noto Serif, size: 6pt}\nmasters:\n  page:\n"
           "    footer: {text: \"" + words + "\", y: 20mm, height: 170mm}\n"
           "    frames: [{name: body, flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
           "sequence:\n  - {master: page, repeat: " + std::to_string(pages) + "}\n";
  };
  for (int pages : {scaled(800), scaled(2400)}) {
    const std::string name = std::to_string(pages);
    write_file(dir + "/layout-" + name + ".yaml", layout(pages));
    write_file(dir + "/doc-" + name + ".yaml", "galley: 1\nlayout: layout-" + name +
                                                   ".yaml\nmeta: {title: Flat, language: en}\nflows:\n  main:\n"
                                                   "    - paragraph: One short paragraph.\n");
  }
  const Measured small = run_measured(dir, {"build", "doc-" + std::to_string(scaled(800)) + ".yaml", "-o", "small.pdf"});
  INFO(small.err);
  REQUIRE(small.exit_code == 0);
  const Measured large = run_measured(dir, {"build", "doc-" + std::to_string(scaled(2400)) + ".yaml", "-o", "large.pdf"});
  INFO(large.err);
  REQUIRE(large.exit_code == 0);
  CHECK(pdf_pages(dir + "/large.pdf") == scaled(2400));
  Run info = sh("pdfinfo " + quote(dir + "/large.pdf"));
  CHECK(info.out.find("Tagged:          yes") != std::string::npos);
  Run check = sh("qpdf --check " + quote(dir + "/large.pdf"));
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << small.max_rss_mb << " and " << large.max_rss_mb
                                              << " MB (not checked)");
#else
  MESSAGE("peak RSS 800 pages " << small.max_rss_mb << " MB, 2,400 pages " << large.max_rss_mb << " MB");
  CHECK(large.max_rss_mb < small.max_rss_mb + 6);
#endif
}

// A tagged report's structure elements are written into the file as the
// tree is made (libharu W18: no libharu dictionary or waiting bytes an
// element), the pages' copies hold roles only, and layout puts the
// elements in content order by moving them: a report of lists, four
// elements an item, costs little more memory tagged than untagged.
TEST_CASE("a report of 200,000 structure elements costs little more memory tagged than untagged") {
  const std::string dir = streaming_serif_dir();
  std::string markdown;
  for (int i = 0; i < 300; ++i) {
    markdown += "## Part " + std::to_string(i) + "\n\n";
    for (int k = 0; k < 8; ++k)
      markdown += "- " + std::string(kStreamingWords[(i * 7 + k) % 11]) + " " + std::to_string(i * k % 97) + "\n";
    markdown += "\n";
  }
  write_file(dir + "/text.md", markdown);
  write_tagged_pair(dir, scaled(20));
  const Measured tagged = run_measured(dir, {"build", "tagged-doc.yaml", "-o", "tagged.pdf"});
  INFO(tagged.err);
  REQUIRE(tagged.exit_code == 0);
  const Measured untagged = run_measured(dir, {"build", "untagged-doc.yaml", "-o", "untagged.pdf"});
  INFO(untagged.err);
  REQUIRE(untagged.exit_code == 0);
  CHECK(pdf_pages(dir + "/tagged.pdf") > scaled(900));
  Run check = sh("qpdf --check " + quote(dir + "/tagged.pdf"));
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
  // The tree reads back whole: the last list's last item, under the
  // Document, its words marked content.
  Run json = sh("qpdf --json --json-key=qpdf " + quote(dir + "/tagged.pdf") + " | grep -c '\"/S\": \"/LI\"'");
  CHECK(json.out.find(std::to_string(scaled(48000))) == 0);
  Run text = sh("pdftotext -l 1 " + quote(dir + "/tagged.pdf") + " -");
  CHECK(text.out.find("Part 0") != std::string::npos);
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("peak RSS under AddressSanitizer: " << tagged.max_rss_mb << " and " << untagged.max_rss_mb
                                              << " MB (not checked)");
#else
  // Before: 139 MiB against 52 (each element a libharu dictionary and its
  // entries' bytes until save(), three copies of layout's elements at the
  // end of layout); now about 87 against 54.
  MESSAGE("peak RSS tagged " << tagged.max_rss_mb << " MB, untagged " << untagged.max_rss_mb << " MB");
  CHECK(tagged.max_rss_mb < untagged.max_rss_mb + 50);
#endif
}
