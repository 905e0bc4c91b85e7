// Footnotes read back from the PDF: each note at the foot of the column
// where its reference lands (pdftotext of a region of the page), numbered
// through the document or per page, a long note continued at the next
// column's foot, a reference line moved on when its note would not fit,
// the errors located, and the notes in the structure tree.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "harness.h"

using namespace e2e;

namespace {

// A5 (420 x 595pt), one frame or two columns; `footnotes` is the layout's
// footnotes: section (may be empty).
void write_layout(const std::string& dir, const std::string& frame, const std::string& footnotes) {
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  write_file(dir + "/layout.yaml",
             "galley: 1\npage: {size: a5}\nfonts:\n  Noto Serif: {regular: " + fonts + "/NotoSerif-Regular.ttf, bold: " +
                 fonts + "/NotoSerif-Bold.ttf}\n"
                 "styles:\n  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n"
                 "masters:\n  page:\n    frames: [" + frame + "]\n"
                 "sequence:\n  - {master: page, repeat: until-empty}\n" + footnotes);
}

const std::string kOneFrame = "{name: body, flow: main, x: 40pt, y: 40pt, width: 340pt, height: 481pt}";
const std::string kTwoColumns =
    "{name: body, flow: main, x: 40pt, y: 40pt, width: 340pt, height: 300pt, columns: 2, gutter: 20pt}";

// `paragraphs` one-line paragraphs "Para N." with `extra[N]` appended.
std::string content(int paragraphs, const std::map<int, std::string>& extra, const std::string& notes = "") {
  std::string c = "galley: 1\nlayout: layout.yaml\nmeta: {title: Notes, date: 2026-11-01}\n" + notes + "flows:\n  main:\n";
  for (int i = 1; i <= paragraphs; ++i) {
    auto it = extra.find(i);
    c += "    - paragraph: \"Para " + std::to_string(i) + "." + (it == extra.end() ? "" : it->second) + "\"\n";
  }
  return c;
}

Run build_notes(const std::string& dir) {
  return e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
}

// The text of page `page` inside a rectangle (points from the top left).
std::string region(const std::string& pdf, int page, int x, int y, int w, int h) {
  const std::string p = std::to_string(page);
  return sh("pdftotext -f " + p + " -l " + p + " -x " + std::to_string(x) + " -y " + std::to_string(y) + " -W " +
            std::to_string(w) + " -H " + std::to_string(h) + " " + quote(pdf) + " - | tr -s ' \\n' '  '")
      .out;
}

std::string page_text(const std::string& pdf, int page) {
  const std::string p = std::to_string(page);
  return sh("pdftotext -f " + p + " -l " + p + " " + quote(pdf) + " - | tr -s ' \\n' '  '").out;
}

}  // namespace

TEST_CASE("a footnote is set at the foot of its reference's page, after the body text, numbered per document or page") {
  const std::string dir = temp_dir();
  const std::map<int, std::string> refs = {{3, " The data[^log] is cited."},
                                           {20, " Again.^[Second note, on page one.]"},
                                           {45, " Later.^[Third note, on page two.]"},
                                           {50, " Cited again[^log]."}};
  write_file(dir + "/content.yaml", content(60, refs, "notes:\n  log: \"Source: the case log.\"\n"));
  write_layout(dir, kOneFrame, "");
  Run r = build_notes(dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = dir + "/out.pdf";
  // Page one: references 1 and 2, their notes in the bottom part of the
  // page below the last body line, and after the body in reading order.
  const std::string one = page_text(pdf, 1);
  CHECK(has(one, "The data1 is cited."));
  CHECK(has(one, "Again.2"));
  CHECK(has(one, "1 Source: the case log. 2 Second note, on page one."));
  CHECK(one.find("Source: the case log.") > one.rfind("Para "));
  CHECK(has(region(pdf, 1, 0, 470, 420, 125), "Source: the case log."));
  CHECK_FALSE(has(region(pdf, 1, 0, 0, 420, 470), "Source:"));
  // Page two: document numbering goes on with 3.
  const std::string two = page_text(pdf, 2);
  CHECK(has(two, "Later.3"));
  CHECK(has(two, "3 Third note, on page two."));
  // A second reference to a note prints its number; the note is set once.
  CHECK(has(two, "Cited again1."));
  CHECK_FALSE(has(two, "Source:"));

  // Numbered per page, the note on page two is 1 again.
  write_layout(dir, kOneFrame, "footnotes: {numbering: page, separator: {width: 50%, weight: 1pt}}\n");
  r = build_notes(dir);
  REQUIRE(r.exit_code == 0);
  CHECK(has(page_text(pdf, 1), "1 Source: the case log. 2 Second note, on page one."));
  CHECK(has(page_text(pdf, 2), "Later.1"));
  CHECK(has(page_text(pdf, 2), "1 Third note, on page two."));
}

TEST_CASE("the line holding a reference moves on when its note does not fit below it") {
  const std::string dir = temp_dir();
  // 481pt hold 37 lines of 13pt: without the note, Para 37 ends page one.
  write_layout(dir, kOneFrame, "");
  write_file(dir + "/content.yaml", content(40, {}));
  REQUIRE(build_notes(dir).exit_code == 0);
  CHECK(has(page_text(dir + "/out.pdf", 1), "Para 37."));
  write_file(dir + "/content.yaml", content(40, {{37, " Cited.^[The NOTE of Para 37.]"}}));
  const Run r = build_notes(dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string one = page_text(dir + "/out.pdf", 1), two = page_text(dir + "/out.pdf", 2);
  CHECK_FALSE(has(one, "Para 37."));
  CHECK_FALSE(has(one, "NOTE"));
  CHECK(has(two, "Para 37. Cited.1"));
  CHECK(has(two, "1 The NOTE of Para 37."));
}

TEST_CASE("a note too long for the column continues at the foot of the next column, before that column's notes") {
  const std::string dir = temp_dir();
  std::string note;
  for (int i = 0; i < 60; ++i) note += "Word" + std::to_string(i) + " of the note. ";
  write_layout(dir, kTwoColumns, "");
  write_file(dir + "/content.yaml", content(30, {{8, " Long.^[" + note + "THE-END]"}, {12, " Short.^[NOTE-TWO.]"}}));
  Run r = build_notes(dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = dir + "/out.pdf";
  // Frame 40..380pt wide, columns 40..200 and 220..380; 40..340pt tall.
  std::string left = region(pdf, 1, 30, 30, 180, 320), right = region(pdf, 1, 210, 30, 180, 320);
  CHECK(has(left, "Para 8. Long.1"));
  CHECK(has(left, "1 Word0 of the note."));
  CHECK_FALSE(has(left, "THE-END"));
  CHECK(has(right, "Word59 of the note. THE-END 2 NOTE-TWO."));
  CHECK(has(right, "Para 12. Short.2"));
  CHECK(right.find("Para ") < right.find("Word"));

  // Longer, the note fills the second column's foot and goes on to the
  // next page: no reference is placed in a column while a note is carried
  // out of it, and no line of the note is lost.
  note.clear();
  for (int i = 0; i < 110; ++i) note += "Word" + std::to_string(i) + " of the note. ";
  write_file(dir + "/content.yaml", content(30, {{8, " Long.^[" + note + "THE-END]"}, {12, " Short.^[NOTE-TWO.]"}}));
  r = build_notes(dir);
  REQUIRE(r.exit_code == 0);
  left = region(pdf, 1, 30, 30, 180, 320), right = region(pdf, 1, 210, 30, 180, 320);
  const std::string next = region(pdf, 2, 30, 30, 180, 320);
  for (int i = 0; i < 110; ++i) {
    const std::string word = "Word" + std::to_string(i) + " ";
    CHECK_MESSAGE(has(left, word) + has(right, word) + has(next, word) == 1, word);
  }
  CHECK_FALSE(has(right, "Short"));
  CHECK(has(next, "Para 12. Short.2"));
  CHECK(has(next, "THE-END 2 NOTE-TWO."));
}

TEST_CASE("footnote errors are located: an unknown name with a did-you-mean, a note in a note; an unused note warns") {
  const std::string dir = temp_dir();
  write_layout(dir, kOneFrame, "");
  write_file(dir + "/content.yaml",
             content(3, {{1, " Bad[^logg] here."}, {2, " Nested.^[Outer [^log] inner.]"}, {3, " Good[^log]."}},
                     "notes:\n  log: \"The log.\"\n  spare: \"Never cited.\"\n"));
  const Run r = build_notes(dir);
  CHECK(r.exit_code == 1);
  const std::string c = dir + "/content.yaml";
  // `    - paragraph: "Para 1. Bad[^lgo]`: the text starts at column 19.
  CHECK(has(r.err, c + ":9:30: error: unknown footnote 'logg' (did you mean 'log'?)\n"));
  CHECK(has(r.err, c + ":10:42: error: a footnote cannot hold another footnote\n"));
  CHECK(has(r.err, c + ":6:3: warning: footnote 'spare' is never referenced\n"));
  CHECK_FALSE(has(r.err, "'log' is never referenced"));
}

TEST_CASE("footnotes are Note elements inside the element that references them") {
  const std::string dir = temp_dir();
  write_layout(dir, kOneFrame, "");
  write_file(dir + "/content.yaml", content(2, {{1, " Cited.^[The note.]"}}));
  REQUIRE(build_notes(dir).exit_code == 0);
  const std::string tree = sh("pdfinfo -struct-text " + quote(dir + "/out.pdf") + " 2>/dev/null").out;
  INFO(tree);
  const size_t p = tree.find("\"Para 1. Cited.\""), note = tree.find("Note"), para2 = tree.find("\"Para 2.\"");
  REQUIRE(p != std::string::npos);
  REQUIRE(note != std::string::npos);
  CHECK(p < note);
  CHECK(note < para2);
  CHECK(has(tree.substr(note), "\"The note.\""));
  // PDF/UA-1: a Note has an element identifier, found through the IDTree.
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(dir + "/out.pdf") + " - | tr -s ' \n' '  '").out;
  CHECK(has(qdf, "/IDTree << /Names [ (note-"));
  CHECK(has(qdf, "/ID (note-"));
}
