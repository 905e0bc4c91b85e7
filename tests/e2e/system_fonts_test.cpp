// `fonts: {F: {system: NAME}}` finds an installed family with fontconfig
// when the layout is loaded. The test installs the project's own fonts for
// fontconfig (FONTCONFIG_FILE), so what is found does not depend on the
// machine.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// A fontconfig setup that knows only the project's fonts/ folder.
std::string only_project_fonts(const std::string& dir) {
  write_file(dir + "/fonts.conf", "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                  "<fontconfig><dir>" + std::string(GALLEY_SOURCE_DIR) + "/fonts</dir><cachedir>" +
                                      dir + "/cache</cachedir></fontconfig>\n");
  return "FONTCONFIG_FILE=" + quote(dir + "/fonts.conf") + " ";
}

void write_pair(const std::string& dir, const std::string& family) {
  write_file(dir + "/l.yaml", "galley: 1\npage: {size: a5}\nfonts:\n  Body: " + family +
                                  "\nstyles:\n  body: {font: Body, size: 11pt}\n"
                                  "masters:\n  p: {frames: [{flow: main, x: 20mm, y: 20mm, width: 100mm, height: 150mm}]}\n"
                                  "sequence: [p]\n");
  write_file(dir + "/c.yaml", "galley: 1\nlayout: l.yaml\nmeta: {title: Fonts}\nflows:\n  main:\n"
                              "    - paragraph: Plain and **bold** text.\n");
}

}  // namespace

TEST_CASE("a font family can name an installed family; its files are found at load") {
  const std::string dir = temp_dir();
  const std::string env = only_project_fonts(dir);
  write_pair(dir, "{system: noto sans}");
  Run r = sh(env + quote(GALLEY_BINARY) + " build " + quote(dir + "/c.yaml") + " -o " + quote(dir + "/c.pdf"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string fonts = sh("pdffonts " + quote(dir + "/c.pdf")).out;
  CHECK(fonts.find("NotoSans-Regular") != std::string::npos);
  CHECK(fonts.find("NotoSans-Bold") != std::string::npos);
  CHECK(fonts.find("Serif") == std::string::npos);
  // The same files give the same bytes as the family given by path.
  write_pair(dir, "{regular: " + std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSans-Regular.ttf, bold: " +
                      GALLEY_SOURCE_DIR + "/fonts/NotoSans-Bold.ttf, italic: " + GALLEY_SOURCE_DIR +
                      "/fonts/NotoSans-Italic.ttf, bold-italic: " + GALLEY_SOURCE_DIR +
                      "/fonts/NotoSans-BoldItalic.ttf}");
  REQUIRE(e2e::galley("build " + quote(dir + "/c.yaml") + " -o " + quote(dir + "/paths.pdf")).exit_code == 0);
  CHECK(read_file(dir + "/c.pdf") == read_file(dir + "/paths.pdf"));
}

TEST_CASE("a family that is not installed, or a name where a file belongs, says how fonts are found") {
  const std::string dir = temp_dir();
  const std::string env = only_project_fonts(dir);
  write_pair(dir, "{system: Comic Serif}");
  Run r = sh(env + quote(GALLEY_BINARY) + " check " + quote(dir + "/c.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir + "/l.yaml:4:18: error: no installed font family 'Comic Serif' (fontconfig knows none by that "
                       "name; `fc-list : family` lists those installed)\n");
  write_pair(dir, "Noto Sans");
  r = sh(env + quote(GALLEY_BINARY) + " check " + quote(dir + "/c.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir + "/l.yaml:4:9: error: font file 'Noto Sans' not found: fonts are given as files (installed "
                       "fonts are not searched for a file name); to use an installed family, write {system: Noto "
                       "Sans}\n");
  write_pair(dir, "{system: Noto Sans}");
  r = sh(env + quote(GALLEY_BINARY) + " check --root " + quote(dir) + " " + quote(dir + "/c.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir + "/l.yaml:4:18: error: installed fonts are not searched with a root folder (--root, galley "
                       "serve): give the family's font files inside the folder\n");
}
