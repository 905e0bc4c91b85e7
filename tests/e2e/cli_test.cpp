// The command line's contract: exit codes, diagnostics, atomic output.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.h"

using namespace e2e;


TEST_CASE("--version and --help exit 0; a bad command line exits 2") {
  CHECK(e2e::galley("--version").exit_code == 0);
  CHECK(e2e::galley("--help").exit_code == 0);
  CHECK(e2e::galley("").exit_code == 2);
  CHECK(e2e::galley("build").exit_code == 2);
  CHECK(e2e::galley("frobnicate x.yaml").exit_code == 2);
  CHECK(e2e::galley("build x.yaml --set novalue").exit_code == 2);
}

TEST_CASE("a missing file is an input error with its name") {
  Run r = e2e::galley("build does-not-exist.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("does-not-exist.yaml") != std::string::npos);
  CHECK(r.err.find("error:") != std::string::npos);
}

TEST_CASE("'colour' for 'color' is reported at its line and column and leaves the old PDF untouched") {
  std::string dir = temp_dir();
  write_minimal_pair(dir);
  Run ok = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  std::string before = read_file(dir + "/out.pdf");
  REQUIRE(before.rfind("%PDF-", 0) == 0);

  // A style with a misspelt key, on line 7 of the layout.
  std::string layout = read_file(dir + "/layout.yaml");
  std::string from = "  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n";
  layout.replace(layout.find(from), from.size(), "  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n  h1: {colour: red}\n");
  write_file(dir + "/layout.yaml", layout);
  Run bad = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("layout.yaml:7:8: error: unknown key 'colour'") != std::string::npos);
  CHECK(bad.err.find("did you mean 'color'") != std::string::npos);
  CHECK(read_file(dir + "/out.pdf") == before);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("an undefined variable is an error at its location; --set defines it") {
  std::string dir = temp_dir();
  write_minimal_pair(dir, "    - paragraph: \"Dear {{title_of_the_day}}\"\n");
  Run bad = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("content.yaml:8:") != std::string::npos);
  CHECK(bad.err.find("title_of_the_day") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/out.pdf"));

  Run good = e2e::galley("build " + quote(dir + "/content.yaml") + " --set title_of_the_day=Colleague -o " + quote(dir + "/out.pdf"));
  INFO(good.err);
  CHECK(good.exit_code == 0);
  CHECK(pdf_text(dir + "/out.pdf").find("Dear Colleague") != std::string::npos);
}

TEST_CASE("check lays out and writes nothing") {
  std::string dir = temp_dir();
  write_minimal_pair(dir);
  Run r = e2e::galley("check " + quote(dir + "/content.yaml"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists("content.pdf"));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().extension() != ".pdf");
  }
}

TEST_CASE("--dump-layout writes the display list as JSON") {
  std::string dir = temp_dir();
  write_minimal_pair(dir);
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/o.pdf") + " --dump-layout " +
                 quote(dir + "/o.json"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string json = read_file(dir + "/o.json");
  CHECK(json.find("\"pages\"") != std::string::npos);
  CHECK(json.find("Hello Someone.") != std::string::npos);
}

TEST_CASE("a character no font has is one preflight warning with page and source; --strict fails") {
  std::string dir = temp_dir();
  write_minimal_pair(dir, "    - paragraph: \"Snow \u2603 falls.\"\n");
  // The page count of until-empty is a note, printed first and kept by --strict.
  const std::string note = dir + "/layout.yaml:11:5: note: repeat: until-empty made 1 page of master 'page'; "
                           "the document has 1 page\n";
  const std::string expected = note + dir + "/content.yaml:8:19: warning: page 1: text 'Snow \u2603 falls.' has no glyph for "
                               "U+2603 '\u2603' in Noto Serif or any fallback font; it prints as a box (.notdef)\n";
  Run check = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(check.exit_code == 0);
  CHECK(check.err == expected);
  Run build = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CHECK(build.exit_code == 0);
  CHECK(build.err == expected);
  Run strict = e2e::galley("check --strict " + quote(dir + "/content.yaml"));
  CHECK(strict.exit_code == 1);
  CHECK(strict.err == note + dir + "/content.yaml:8:19: error: page 1: text 'Snow \u2603 falls.' has no glyph for U+2603 "
                            "'\u2603' in Noto Serif or any fallback font; it prints as a box (.notdef)\n");
}

TEST_CASE("galley styles prints every built-in style name as resolved") {
  Run r = e2e::galley("styles layouts/brochure-letter.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"body", "title", "h1", "h2", "h3", "h4", "list", "quote", "quote-by", "callout", "caption",
                           "table", "th", "td", "toc", "header", "footer", "chart", "strong", "emphasis", "code", "link"})
    CHECK_MESSAGE(r.out.find(std::string("  ") + name + ": ") != std::string::npos, name);
  CHECK(r.out.find("  h2: Noto Sans bold 11.5pt/14.5pt left") != std::string::npos);
  // A layout with only body: the rest are derived from it, and say so.
  std::string dir = temp_dir();
  write_minimal_pair(dir);
  Run minimal = e2e::galley("styles " + quote(dir + "/layout.yaml"));
  CHECK(minimal.out.find("  h1: Noto Serif bold 16pt/20.8pt left") != std::string::npos);
  CHECK(minimal.out.find("(built-in)") != std::string::npos);
}

TEST_CASE("the table of contents leaves out its own title, and headings with in-toc: false") {
  std::string dir = temp_dir();
  write_minimal_pair(dir,
                     "    - heading: Contents\n"
                     "    - toc: {}\n"
                     "    - heading: Alphabet\n"
                     "    - heading: Backstage\n"
                     "      in-toc: false\n"
                     "    - heading: Curriculum\n"
                     "      level: 2\n"
                     "    - paragraph: Words.\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = pdf_text(dir + "/out.pdf");
  CHECK(occurrences(text, "Contents") == 1);
  CHECK(occurrences(text, "Alphabet") == 2);
  CHECK(occurrences(text, "Backstage") == 1);
  CHECK(occurrences(text, "Curriculum") == 2);
}

TEST_CASE("a copy-fit that succeeds is a note, so --strict builds") {
  std::string dir = temp_dir();
  std::string blocks;
  for (int i = 0; i < 50; ++i) blocks += "    - paragraph: Line of text number " + std::to_string(i) + " in the flow.\n";
  write_minimal_pair(dir, blocks);
  std::string layout = read_file(dir + "/layout.yaml");
  layout.replace(layout.find("repeat: until-empty"), 19, "repeat: 1");
  write_file(dir + "/layout.yaml", layout + "fit: {main: {shrink-to: 5pt}}\n");
  Run r = e2e::galley("build --strict " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("note: flow 'main' copy-fitted at") != std::string::npos);
}

TEST_CASE("until-empty reports the page count; a booklet of a count not a multiple of 4 is warned about") {
  std::string dir = temp_dir();
  std::string blocks;
  for (int i = 0; i < 50; ++i) blocks += "    - paragraph: Line of text number " + std::to_string(i) + " in the flow.\n";
  write_minimal_pair(dir, blocks);
  const std::string args = quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf");
  Run plain = e2e::galley("build " + args);
  INFO(plain.err);
  CHECK(plain.exit_code == 0);
  CHECK(plain.err.find("layout.yaml:11:5: note: repeat: until-empty made 2 pages of master 'page'; the document has 2 pages") !=
        std::string::npos);
  CHECK(plain.err.find("multiple of 4") == std::string::npos);
  Run booklet = e2e::galley("build --impose booklet " + args);
  CHECK(booklet.exit_code == 0);
  CHECK(booklet.err.find("layout.yaml:11:5: warning: the document has 2 pages, not a multiple of 4: the booklet gets "
                         "2 blank pages") != std::string::npos);
  CHECK(e2e::galley("build --strict --impose booklet " + args).exit_code == 1);
  // The layout can ask for the booklet itself.
  write_file(dir + "/layout.yaml", read_file(dir + "/layout.yaml") + "output: {imposition: booklet}\n");
  CHECK(e2e::galley("build " + args).err.find("not a multiple of 4") != std::string::npos);
}
