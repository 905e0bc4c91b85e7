// What a galley process maps: the binary links no TLS or HTTP library and
// not librsvg; imposition loads galley-impose.so only when a build imposes,
// librsvg only when a document has an SVG; `galley serve` runs galley-serve
// (docs/architecture.md, "Modules"). libqpdf is linked: PDF and SVG images
// are read with it.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"

using namespace e2e;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("a build that does not impose loads no imposition module; one with no SVG no librsvg") {
  const std::string dir = temp_dir();
  // LD_DEBUG=files: the dynamic loader names every library it maps, dlopen'd ones included.
  Run plain = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build content/mayo-ir-residency.yaml --layout "
                 "layouts/handout-a4.yaml -o " + quote(dir + "/plain.pdf"));
  REQUIRE(plain.exit_code == 0);
  REQUIRE(has(plain.err, "file=libharfbuzz"));  // the loader's report is there to read
  CHECK_FALSE(has(plain.err, "galley-impose.so"));
  CHECK_FALSE(has(plain.err, "librsvg"));
  CHECK_FALSE(has(plain.err, "libssl"));

  Run imposed = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build content/mayo-ir-residency.yaml -o " +
                   quote(dir + "/booklet.pdf") + " --impose booklet");
  REQUIRE(imposed.exit_code == 0);
  CHECK(has(imposed.err, "galley-impose.so"));
  CHECK(has(imposed.err, "libqpdf"));
  // Four reader pages: one sheet, front and back.
  CHECK(pdf_pages(dir + "/booklet-imposed.pdf") == 2);
}

TEST_CASE("galley needs no TLS or HTTP library nor librsvg; galley serve is galley-serve's") {
  Run needed = sh("readelf -d " + quote(GALLEY_BINARY));
  REQUIRE(needed.exit_code == 0);
  REQUIRE(has(needed.out, "(NEEDED)"));
  for (const char* lib : {"librsvg", "libssl", "libcrypto", "libcpp-httplib"}) {
    INFO(lib);
    CHECK_FALSE(has(needed.out, lib));
  }
  Run help = galley("serve --help");
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "--port"));
}
