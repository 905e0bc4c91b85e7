// Every problem of a content + layout pair in one run: the content's, the
// layout's, styles, flows and variables (master text's too), and what only
// the fonts, the images' headers and the links show, and what only laying
// out finds (overset text, a QR code too long, a PDF page), in file order.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "harness.h"

using namespace e2e;

namespace {

std::vector<std::string> error_lines(const std::string& text, const std::string& dir) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(": note: ") != std::string::npos) continue;
    for (size_t at; (at = line.find(dir)) != std::string::npos;) line.replace(at, dir.size(), "$DIR");
    out.push_back(line);
  }
  return out;
}

// `galley check DIR/c.yaml`'s lines (notes left out), which must fail.
std::vector<std::string> check_lines(const std::string& dir) {
  Run r = e2e::galley("check " + quote(dir + "/c.yaml"));
  CHECK(r.exit_code == 1);
  return error_lines(r.err, dir);
}

// A one-page SVG.
const std::string kLogoSvg =
    "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='50'><rect width='60' height='50'/></svg>\n";

// An A5 layout's first lines, up to its one font family.
const std::string kLayoutStart = "galley: 1\n"
                                 "page: {size: a5}\n"
                                 "fonts:\n"
                                 "  Serif: " + std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf\n";

}  // namespace

TEST_CASE("mistakes in both files are all reported in one run, in file order") {
  const std::string dir = temp_dir();
  write_file(dir + "/l.yaml",
             kLayoutStart +
             "  Fake: " + dir + "/fake.ttf\n"
             "colors:\n"
             "  ink: \"#112233\"\n"
             "  bad: {cmyk: [0, 2, 0, 0]}\n"
             "styles:\n"
             "  body: {font: Serif, size: 10pt, colr: ink}\n"
             "  h1: {font: Sans, size: 18pt, color: bad}\n"
             "  note: {base: body, size: big}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{flow: mian, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
             "    footer: \"{{meta.title}}, page {{page}} for {{reader}}\"\n"
             "sequence: [page]\n");
  write_file(dir + "/fake.ttf", "not a font");
  write_file(dir + "/broken.png", "\x89PNG\r\n\x1a\nnot really");
  write_file(dir + "/c.yaml",
             "galley: 1\n"
             "layout: l.yaml\n"
             "meta:\n"
             "  title: Fellowship\n"
             "  auhtor: Someone\n"
             "flows:\n"
             "  main:\n"
             "    - heading: \"Welcome, {{name}}\"\n"
             "    - paragraph: Text\n"
             "      style: bdy\n"
             "    - paragraph: More\n"
             "      style: note\n"
             "    - image: missing.png\n"
             "    - list: [one, two]\n"
             "      ordred: true\n"
             "    - paragraph: See [the site](www.example.org).\n"
             "    - image: broken.png\n");
  CHECK(check_lines(dir) ==
        std::vector<std::string>{
            "$DIR/c.yaml:5:3: error: unknown key 'auhtor' (did you mean 'author'?)",
            "$DIR/c.yaml:7:3: warning: flow 'main' is placed by no frame of $DIR/l.yaml; its content will not be printed",
            "$DIR/c.yaml:8:26: error: undefined variable 'name'",
            "$DIR/c.yaml:10:14: error: unknown style 'bdy' (did you mean 'body'?)",
            "$DIR/c.yaml:13:14: error: image 'missing.png' not found (looked for $DIR/missing.png)",
            "$DIR/c.yaml:15:7: error: unknown key 'ordred' (did you mean 'ordered'?)",
            "$DIR/c.yaml:16:18: error: link 'www.example.org' has no scheme (write https://..., or #name for a place "
            "in this document)",
            "$DIR/c.yaml:17:7: error: image '$DIR/broken.png': invalid PNG: chunk 'real' at byte 8 claims 1852797984 "
            "bytes, but 2 remain",
            "$DIR/l.yaml:5:3: error: '$DIR/fake.ttf' of family 'Fake' is not a font file FreeType can read",
            "$DIR/l.yaml:8:19: error: colour component '2' in colour 'bad' must be from 0 to 1 or from 0% to 100%",
            "$DIR/l.yaml:10:35: error: unknown key 'colr' (did you mean 'color'?)",
            "$DIR/l.yaml:11:14: error: unknown font family 'Sans' (define it under 'fonts:')",
            "$DIR/l.yaml:12:28: error: expected a length such as 12pt, 3mm, 0.5in or 50%, found 'big' for 'size'",
            "$DIR/l.yaml:15:21: warning: frame 'frame-1' places flow 'mian', which $DIR/c.yaml does not have; "
            "the frame stays empty (did you mean 'main'?)",
            "$DIR/l.yaml:16:48: error: undefined variable 'reader'",
        });
}

TEST_CASE("what only layout finds comes in the same run as the files' mistakes: overset, a QR code, a PDF page") {
  const std::string dir = temp_dir();
  write_file(dir + "/l.yaml",
             kLayoutStart +
             "styles:\n"
             "  body: {font: Serif, size: 10pt, colr: black}\n"
             "  h1: {font: Sans, size: 18pt}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{flow: main, x: 20mm, y: 20mm, width: 108mm, height: 60mm}]\n"
             "sequence: [page]\n");
  write_file(dir + "/logo.svg", kLogoSvg);
  // More than level M holds; a variable, so the loader cannot measure it.
  std::string long_data(2500, 'x');
  for (size_t i = 0; i < long_data.size(); ++i) long_data[i] = static_cast<char>('a' + (i * 7) % 26);
  std::string content =
      "galley: 1\n"
      "layout: l.yaml\n"
      "meta: {title: Fellowship, auhtor: Someone}\n"
      "variables: {link: " + long_data + "}\n"
      "flows:\n"
      "  main:\n"
      "    - heading: \"Welcome, {{name}}\"\n"
      "    - image: {src: logo.svg, page: 2, width: 20mm, alt: Logo}\n"
      "    - qr: \"{{link}}\"\n";
  for (int i = 0; i < 12; ++i)
    content += "    - paragraph: Paragraph " + std::to_string(i) +
               " of a text far too long for its one small frame, which is the only one the layout has.\n";
  write_file(dir + "/c.yaml", content);
  const std::vector<std::string> found_by_layout = {
      "$DIR/c.yaml:8:7: error: image '$DIR/logo.svg': page 2 is out of range (an SVG has one page)",
      "$DIR/c.yaml:9:7: error: qr: cannot encode the 2500 bytes of \"ahovcjqxelszgnubipwdkryfmtahovcjqxelszgn…\": a "
      "QR code at error-correction level M holds at most 2331 bytes of text (more when it is digits or capital "
      "letters only)",
      "$DIR/c.yaml:15:7: error: overset: flow 'main' does not fit; first block that did not fit: paragraph "
      "\"Paragraph 5…\"",
  };
  const auto run = [&](const std::vector<std::string>& expected) {
    for (const std::string command : {"check", "build"}) {
      INFO(command);
      Run r = e2e::galley(command + " " + quote(dir + "/c.yaml") +
                     (command == "build" ? " -o " + quote(dir + "/out.pdf") : ""));
      CHECK(r.exit_code == 1);
      const std::vector<std::string> got = error_lines(r.err, dir);
      INFO(r.err);
      CHECK(got == expected);
      CHECK_FALSE(std::filesystem::exists(dir + "/out.pdf"));
    }
  };
  // Mistakes in both files: the files load with errors.
  std::vector<std::string> expected = {
      "$DIR/c.yaml:3:27: error: unknown key 'auhtor' (did you mean 'author'?)",
      "$DIR/c.yaml:7:26: error: undefined variable 'name'",
  };
  expected.insert(expected.end(), found_by_layout.begin(), found_by_layout.end());
  expected.push_back("$DIR/l.yaml:6:35: error: unknown key 'colr' (did you mean 'color'?)");
  expected.push_back("$DIR/l.yaml:7:14: error: unknown font family 'Sans' (define it under 'fonts:')");
  run(expected);

  // The files load cleanly, and resolving finds a mistake: layout's come with it.
  const std::string layout = read_file(dir + "/l.yaml");
  write_file(dir + "/l.yaml", layout.substr(0, layout.find("  h1:")) + layout.substr(layout.find("masters:")));
  write_file(dir + "/l.yaml", std::regex_replace(read_file(dir + "/l.yaml"), std::regex(", colr: black"), ""));
  write_file(dir + "/c.yaml", std::regex_replace(content, std::regex(", auhtor: Someone"), ""));
  expected = {"$DIR/c.yaml:7:26: error: undefined variable 'name'"};
  expected.insert(expected.end(), found_by_layout.begin(), found_by_layout.end());
  run(expected);
}

TEST_CASE("a build that fails reports preflight's findings too, but not what it laid out (no page count note)") {
  const std::string dir = temp_dir();
  // 40 pixels across 108 mm: far under 150 dpi.
  REQUIRE(sh("convert -size 40x20 xc:'#cc3311' " + quote(dir + "/small.png")).exit_code == 0);
  write_minimal_pair(dir, "    - paragraph: Fine.\n      colour: red\n    - image: {src: small.png, alt: Small}\n");
  Run r = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(r.exit_code == 1);
  INFO(r.err);
  CHECK(r.err.find("content.yaml:9:7: error: unknown key 'colour'") != std::string::npos);
  CHECK(r.err.find("content.yaml:10:7: warning: page 1: image 'small.png' is 9 dpi") != std::string::npos);
  CHECK(r.err.find("under 150 dpi") != std::string::npos);
  CHECK(r.err.find("note:") == std::string::npos);
}

TEST_CASE("a PDF image's missing page is reported with the files' mistakes even when nothing can be laid out") {
  const std::string dir = temp_dir();
  write_file(dir + "/fake.ttf", "not a font");
  write_file(dir + "/l.yaml",
             "galley: 1\n"
             "page: {size: a5}\n"
             "fonts: {Fake: fake.ttf}\n"
             "masters:\n"
             "  page:\n"
             "    frames: [{flow: main, x: 20mm, y: 20mm, width: 108mm, height: 60mm}]\n"
             "sequence: [page]\n");
  write_file(dir + "/logo.svg", kLogoSvg);
  write_file(dir + "/c.yaml",
             "galley: 1\n"
             "layout: l.yaml\n"
             "flows:\n"
             "  main:\n"
             "    - image: {src: logo.svg, page: 3, alt: Logo}\n");
  CHECK(check_lines(dir) ==
        std::vector<std::string>{
            "$DIR/c.yaml:5:7: error: image '$DIR/logo.svg': page 3 is out of range (an SVG has one page)",
            "$DIR/l.yaml:3:9: error: '$DIR/fake.ttf' of family 'Fake' is not a font file FreeType can read",
        });
}
