// The head start (cli/detail/head_start.h) validates images on another thread while
// layout runs; what it finds wrong must still be reported by the PDF stage,
// in document order, the same on every run.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// The sample picture with one byte of its image data changed: the header
// is fine (layout places it), the IDAT CRC is not (the PDF stage fails it).
std::string broken_copy(const std::string& dir, const std::string& name) {
  std::string png = read_file(std::string(GALLEY_SOURCE_DIR) + "/content/images/care-team.png");
  const size_t idat = png.find("IDAT");
  REQUIRE(idat != std::string::npos);
  png[idat + 100] = static_cast<char>(png[idat + 100] ^ 0x55);
  write_file(dir + "/" + name, png);
  return name;
}

}  // namespace

TEST_CASE("images that fail in the PDF stage are reported in document order, on every run alike") {
  std::string dir = temp_dir();
  write_minimal_pair(dir, "    - image: {src: " + broken_copy(dir, "first.png") + ", width: 40%}\n"
                          "    - image: {src: " + broken_copy(dir, "second.png") + ", width: 40%}\n");
  Run first = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(first.err);
  CHECK(first.exit_code == 1);
  const size_t a = first.err.find("first.png"), b = first.err.find("second.png");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(a < b);
  for (int i = 0; i < 4; ++i) {
    Run again = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
    CHECK(again.exit_code == first.exit_code);
    CHECK(again.err == first.err);
  }
}
