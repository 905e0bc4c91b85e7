// `galley init DIR`: a starter that builds as is, and never overwrites.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.h"

using namespace e2e;

TEST_CASE("galley init writes a starter that builds as is, and refuses to overwrite it") {
  const std::string dir = temp_dir() + "/starter";
  Run init = e2e::galley("init " + quote(dir));
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  for (const char* f : {"content.yaml", "layout.yaml", "README.md", "images/placeholder.png",
                        "fonts/NotoSerif-Regular.ttf", "fonts/OFL.txt", "schema/content.schema.json",
                        "schema/layout.schema.json"})
    CHECK_MESSAGE(std::filesystem::is_regular_file(dir + "/" + f), f);
  // An editor finds the schemas from the files' first lines (that the
  // files validate against them is tests/schema/check_schemas.py's).
  for (const std::string kind : {"content", "layout"})
    CHECK(read_file(dir + "/" + kind + ".yaml").rfind("# yaml-language-server: $schema=schema/" + kind +
                                                      ".schema.json\n", 0) == 0);

  // Built from elsewhere, with the repository's fonts out of reach by name:
  // every path the starter names is its own.
  Run build = sh("cd / && " + quote(GALLEY_BINARY) + " build --strict " +
                 quote(dir + "/content.yaml") + " -o " + quote(dir + "/brochure.pdf"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  const std::string text = pdf_text(dir + "/brochure.pdf");
  CHECK(text.find("Starter Brochure") != std::string::npos);
  CHECK(text.find("Welcome to Example Studio") != std::string::npos);
  CHECK(text.find("Replace images/placeholder.png") != std::string::npos);

  const std::string before = read_file(dir + "/content.yaml");
  write_file(dir + "/content.yaml", "mine\n");
  Run again = e2e::galley("init " + quote(dir));
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("content.yaml: error: already exists") != std::string::npos);
  CHECK(read_file(dir + "/content.yaml") == "mine\n");
  CHECK(before != "mine\n");
}
