#include <doctest/doctest.h>

#include <filesystem>

#include "detail/output_paths.h"
#include "detail/report.h"

using namespace galley::cli;
namespace fs = std::filesystem;

TEST_CASE("batch output names stay inside the template's folder") {
  const fs::path dir = fs::temp_directory_path() / "galley-output-paths-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "out" / "sub");
  fs::create_directory_symlink("/", dir / "out" / "up");
  const std::string t = (dir / "out").string() + "/{{slug}}.pdf";
  const std::string out = (dir / "out").string() + "/";
  CHECK(confine_output(t, out + "a.pdf").error.empty());
  CHECK(confine_output(t, out + "sub/a.pdf").error.empty());
  CHECK(confine_output(t, out + "./a.pdf").key == confine_output(t, out + "a.pdf").key);
  CHECK(confine_output(t, out + "sub/../a.pdf").key == confine_output(t, out + "a.pdf").key);
  for (const std::string& bad : {out + "../a.pdf", out + "../../a.pdf", out + "up/tmp/a.pdf", out + "..", out,
                                out + ".", std::string("/a.pdf"), out + "a\x01.pdf"}) {
    CAPTURE(bad);
    CHECK_FALSE(confine_output(t, bad).error.empty());
  }
  // Without a folder in the template, the current one.
  CHECK(confine_output("{{slug}}.pdf", "a.pdf").error.empty());
  CHECK(confine_output("{{slug}}.pdf", "/etc/a.pdf").error == "output name '/etc/a.pdf' is not a file inside the current folder");
  CHECK(confine_output("{{slug}}.pdf", "../a.pdf").error == "output name '../a.pdf' is not a file inside the current folder");
  // A folder named like the output folder but longer is not inside it.
  CHECK_FALSE(confine_output(t, (dir / "out2" / "a.pdf").string()).error.empty());
  fs::remove_all(dir);
}

TEST_CASE("printable shows control characters instead of passing them on") {
  CHECK(printable(std::string("a\0b\x1B[31m\x7F\xC3\xA9", 11)) == "a\\x00b\\x1B[31m\\x7F\xC3\xA9");
}
