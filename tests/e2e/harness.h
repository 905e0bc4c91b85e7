// Runs the built `galley` binary and poppler/qpdf tools for end-to-end tests.
#pragma once
#include <string>
#include <vector>

namespace e2e {

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs a shell command line from the repository root.
Run sh(const std::string& command);
// Runs galley with the given arguments (already shell-quoted where needed).
Run galley(const std::string& args);

std::string quote(const std::string& s);

// Whether `text` holds `what`, and how many times (overlaps counted).
bool has(const std::string& text, const std::string& what);
int occurrences(const std::string& text, const std::string& what);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

// A fresh directory under the system temp dir, removed at exit.
std::string temp_dir();

// The PDF's text in reading order (pdftotext), white space and U+00A0
// folded to single spaces so facts can be searched across line ends.
std::string pdf_text(const std::string& pdf);
int pdf_pages(const std::string& pdf);

// The words of one page with their boxes (pdftotext -bbox), in points from
// the page's top-left corner.
struct WordBox {
  double x0, y0, x1, y1;
  std::string text;
};
std::vector<WordBox> pdf_word_boxes(const std::string& pdf, int page = 1);

// A small valid content + layout pair in `dir` (content.yaml, layout.yaml)
// using the project's fonts; `blocks` are appended to the `main` flow.
void write_minimal_pair(const std::string& dir, const std::string& blocks = "");

// A document whose variables `name` and `place` reach some blocks of its
// flow and not others (content.yaml, layout.yaml in `dir`): two columns
// over pages, a table of contents, a heading made of a variable and a fixed
// heading whose id depends on it ("Rome", when `place` is Rome too, gets
// rome-2), paragraphs whose breaks a long name changes, a footnote, a list
// and a table after them. For the builds that reuse fixed blocks.
void write_variable_flows(const std::string& dir);

// Noto Serif's (fonts/) advance of `c` at 10pt, in points: where tests
// expect a glyph's edge from word boxes.
double serif_advance(char32_t c);

}  // namespace e2e
