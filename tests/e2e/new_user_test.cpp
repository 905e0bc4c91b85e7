// A new user's job, replayed: tests/data/new-user/ holds a four-page
// fellowship brochure written from docs/format.md alone. It must build
// with --strict (no warning at all) as it is.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

TEST_CASE("the brochure a new user wrote from docs/format.md builds with --strict") {
  const std::string pdf = temp_dir() + "/fellowship.pdf";
  Run r = e2e::galley("build tests/data/new-user/fellowship.yaml --strict -o " + quote(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("warning") == std::string::npos);
  CHECK(pdf_pages(pdf) == 4);
  const std::string text = pdf_text(pdf);
  for (const char* fact : {"Coastal Ecology Fellowship 2027", "Applications close on January 15, 2027.",
                           "Writing, the public report and a final symposium", "Questions?",
                           "Apply online at harbor.example.org/fellowship"})
    CHECK_MESSAGE(text.find(fact) != std::string::npos, fact);
  // Fonts from the layout's files, every one embedded.
  const std::string fonts = sh("pdffonts " + quote(pdf)).out;
  CHECK(fonts.find("NotoSans-Bold") != std::string::npos);
  CHECK(fonts.find("NotoSerif-Italic") != std::string::npos);
}
