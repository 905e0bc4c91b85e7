// What a galley process maps: the binary links no TLS or HTTP library, not
// libqpdf, librsvg or ICU's libicui18n; imposition loads galley-impose.so
// only when a build imposes, PDF and SVG images galley-vector.so (and with
// it libqpdf) only when a document places one that galley does not draw
// itself, librsvg only when it has an SVG outside the plain subset, data
// tables and charts galley-numbers.so (and libicui18n); `galley serve` runs
// galley-serve (docs/architecture.md, "Modules").
#include <doctest/doctest.h>

#include <filesystem>
#include <utility>
#include <string>

#include "harness.h"

using namespace e2e;

namespace {

// `galley build ARGS` with LD_DEBUG=files: the dynamic loader names every
// library it maps, dlopen'd ones included, on stderr.
Run build_naming_libraries(const std::string& args) {
  Run run = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build " + args);
  REQUIRE(run.exit_code == 0);
  REQUIRE(has(run.err, "file=libharfbuzz"));  // the loader's report is there to read
  return run;
}

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
  CHECK_FALSE(has(plain.err, "galley-vector.so"));
  CHECK_FALSE(has(plain.err, "libqpdf"));
  CHECK_FALSE(has(plain.err, "libgnutls"));
  CHECK_FALSE(has(plain.err, "galley-numbers.so"));
  CHECK_FALSE(has(plain.err, "libicui18n"));

  // A data table and four charts, no vector image: ICU's formatters, no libqpdf.
  Run report = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build content/residency-at-a-glance.yaml -o " +
                  quote(dir + "/report.pdf"));
  REQUIRE(report.exit_code == 0);
  REQUIRE(has(report.err, "file=libharfbuzz"));
  CHECK_FALSE(has(report.err, "galley-vector.so"));
  CHECK_FALSE(has(report.err, "libqpdf"));
  CHECK(has(report.err, "galley-numbers.so"));
  CHECK(has(report.err, "libicui18n"));

  Run imposed = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build content/mayo-ir-residency.yaml -o " +
                   quote(dir + "/booklet.pdf") + " --impose booklet");
  REQUIRE(imposed.exit_code == 0);
  CHECK(has(imposed.err, "galley-impose.so"));
  CHECK(has(imposed.err, "libqpdf"));
  // Four reader pages: one sheet, front and back.
  CHECK(pdf_pages(dir + "/booklet-imposed.pdf") == 2);
}

TEST_CASE("a PDF image loads galley-vector.so and libqpdf, and no librsvg") {
  const std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/marks");
  write_minimal_pair(dir + "/marks", "    - paragraph: Accredited vector mark seventeen.\n");
  Run marks = e2e::galley("build " + quote(dir + "/marks/content.yaml") + " -o " + quote(dir + "/marks.pdf"));
  REQUIRE(marks.exit_code == 0);
  write_minimal_pair(dir, "    - image: {src: marks.pdf, width: 50%, alt: Accreditation marks}\n");
  Run placed = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build " + quote(dir + "/content.yaml") + " -o " +
                  quote(dir + "/placed.pdf"));
  INFO(placed.err.substr(placed.err.size() > 2000 ? placed.err.size() - 2000 : 0));
  REQUIRE(placed.exit_code == 0);
  CHECK(has(placed.err, "galley-vector.so"));
  CHECK(has(placed.err, "libqpdf"));
  CHECK_FALSE(has(placed.err, "librsvg"));
  CHECK_FALSE(has(placed.err, "galley-impose.so"));
  CHECK(has(pdf_text(dir + "/placed.pdf"), "Accredited vector mark seventeen."));
}

TEST_CASE("a plain SVG is drawn without librsvg or the vector module; one outside the subset loads them") {
  const std::string dir = temp_dir();
  // The sample brochure's back-page mark is plain SVG.
  Run brochure = build_naming_libraries("content/mayo-ir-residency.yaml -o " + quote(dir + "/brochure.pdf"));
  CHECK_FALSE(has(brochure.err, "librsvg"));
  CHECK_FALSE(has(brochure.err, "galley-vector.so"));
  CHECK_FALSE(has(brochure.err, "libqpdf"));
  CHECK_FALSE(has(brochure.err, "libcairo"));

  write_file(dir + "/faded.svg",
             "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20' "
             "fill='#0057b8' fill-opacity='0.5'/></svg>\n");
  write_minimal_pair(dir, "    - image: {src: faded.svg, width: 30%, alt: Logo}\n");
  Run faded = sh("LD_DEBUG=files " + quote(GALLEY_BINARY) + " build " + quote(dir + "/content.yaml") + " -o " +
                 quote(dir + "/faded.pdf"));
  REQUIRE(faded.exit_code == 0);
  CHECK(has(faded.err, "librsvg"));
  CHECK(has(faded.err, "galley-vector.so"));
}

// An installed layout: bin/galley with its modules in lib/galley/; and one
// without them, where an SVG image and a data table are errors at their
// lines.
TEST_CASE("modules are found in ../lib/galley; a missing one is a located error") {
  namespace fs = std::filesystem;
  const std::string dir = temp_dir();
  const fs::path built = fs::path(GALLEY_BINARY).parent_path();
  fs::create_directories(dir + "/bin");
  fs::create_directories(dir + "/lib/galley");
  fs::copy_file(GALLEY_BINARY, dir + "/bin/galley");
  // Half opacity: librsvg's to draw, and its PDF is read with the module.
  write_file(dir + "/logo.svg",
             "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20' "
             "fill='#0057b8' opacity='0.5'/></svg>\n");
  write_file(dir + "/rows.csv", "year,cases\n2024,1234.5\n");
  const std::string build = quote(dir + "/bin/galley") + " build " + quote(dir + "/content.yaml") + " -o " +
                            quote(dir + "/out.pdf");

  write_minimal_pair(dir, "    - image: {src: logo.svg, width: 30%, alt: Logo}\n");
  Run missing = sh(build);
  CHECK(missing.exit_code == 1);
  CHECK(has(missing.err, dir + "/content.yaml:8:7: error: image '" + dir +
                             "/logo.svg': cannot read PDF and SVG images: galley-vector.so is not installed next "
                             "to galley"));
  write_minimal_pair(dir, "    - table: {data: rows.csv, columns: [year, {field: cases, format: number}]}\n");
  Run numbers = sh(build);
  CHECK(numbers.exit_code == 1);
  CHECK(has(numbers.err, dir + "/content.yaml:8:7: error: cannot format numbers and dates: galley-numbers.so is "
                         "not installed next to galley"));
  CHECK_FALSE(fs::exists(dir + "/out.pdf"));

  for (const char* module : {"galley-vector.so", "galley-impose.so", "galley-numbers.so"})
    fs::copy_file(built / module, fs::path(dir) / "lib/galley" / module);
  write_minimal_pair(dir, "    - image: {src: logo.svg, width: 30%, alt: Logo}\n"
                          "    - table: {data: rows.csv, columns: [year, {field: cases, format: number}]}\n");
  Run installed = sh(build + " --impose booklet");
  INFO(installed.err);
  CHECK(installed.exit_code == 0);
  CHECK(pdf_pages(dir + "/out-imposed.pdf") == 2);  // one sheet, front and back
  CHECK(has(pdf_text(dir + "/out.pdf"), "1,234.5"));
}

// src/base/module.cpp: an AddressSanitizer runtime that guesses a dynamic
// TLS block's extent from its address could record the chunk header of a
// module's block (GnuTLS's, through libqpdf) as its extent, and
// LeakSanitizer's tracer then faulted at exit whenever the block happened
// to lie 16 bytes past a page boundary. galley tells the runtime not to
// track those blocks: at verbosity 2 it would log each one it meets.
#if defined(__clang__)
#if __has_feature(address_sanitizer) && __clang_major__ < 17
#define GALLEY_TEST_ASAN_GUESSES_DTLS 1
#endif
#elif defined(__SANITIZE_ADDRESS__) && __GNUC__ < 14
#define GALLEY_TEST_ASAN_GUESSES_DTLS 1
#endif
#ifdef GALLEY_TEST_ASAN_GUESSES_DTLS
TEST_CASE("an ASan galley leaves the dynamic TLS of the modules it loads to glibc") {
  const std::string dir = temp_dir();
  write_file(dir + "/logo.svg",
             "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20' "
             "fill='#0057b8' opacity='0.5'/></svg>\n");
  write_minimal_pair(dir, "    - image: {src: logo.svg, width: 30%, alt: Logo}\n");
  Run run = sh("LD_DEBUG=files ASAN_OPTIONS=detect_leaks=1:verbosity=2 " + quote(GALLEY_BINARY) + " build " +
               quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf") + " --impose booklet");
  CHECK(run.exit_code == 0);
  CHECK(has(run.err, "file=libgnutls"));  // the loader's report: the module brought GnuTLS
  CHECK_FALSE(has(run.err, "__tls_get_addr"));
}
#endif

#ifdef GALLEY_STATIC_DEPS_LINKED
// ICU's common library, yaml-cpp, libyaml, libstdc++, cmark-gfm, fontconfig,
// expat, libjpeg and libdeflate are in the binary (GALLEY_STATIC_DEPS): the cold
// brochure maps none of them as shared libraries; a data table's module
// (libicui18n, which maps libicuuc and libstdc++ as its own) still formats
// with ICU.
TEST_CASE("a cold brochure maps no shared libstdc++, ICU, yaml-cpp, libyaml, cmark-gfm, fontconfig, expat, libjpeg or libdeflate") {
  const std::string dir = temp_dir();
  Run brochure = build_naming_libraries("content/mayo-ir-residency.yaml -o " + quote(dir + "/brochure.pdf"));
  for (const char* lib : {"file=libstdc++", "file=libicuuc", "file=libicudata", "file=libyaml-cpp", "file=libyaml-0", "file=libcmark-gfm",
                          "file=libfontconfig", "file=libexpat", "file=libjpeg", "file=libdeflate", "file=libgcc_s"}) {
    INFO(lib);
    CHECK_FALSE(has(brochure.err, lib));
  }
  Run report = build_naming_libraries("content/residency-at-a-glance.yaml -o " + quote(dir + "/report.pdf"));
  CHECK(has(report.err, "galley-numbers.so"));
  CHECK(has(report.err, "file=libicui18n"));
}
#endif

// LittleCMS is galley-icc.so's: the brochure's PDF/X intent is galley's own
// profile, known by its stamp, so it maps neither; a profile of another
// stamp (galley's own with a byte more, which LittleCMS still reads) is
// checked through the module.
TEST_CASE("a PDF/X brochure maps no LittleCMS; a layout's own CMYK profile loads galley-icc.so") {
  const std::string dir = temp_dir();
  Run brochure = build_naming_libraries("content/mayo-ir-residency.yaml -o " + quote(dir + "/brochure.pdf"));
  CHECK_FALSE(has(brochure.err, "liblcms2"));
  CHECK_FALSE(has(brochure.err, "galley-icc.so"));

  const std::string repo = GALLEY_SOURCE_DIR;
  write_file(dir + "/other.icc", read_file(repo + "/color/galley-cmyk.icc") + "\n");
  std::string text = read_file(repo + "/tests/hostile/support/profile-layout.yaml");
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"../../../color/galley-cmyk.icc", dir + "/other.icc"},
                                 {"../../../fonts/", repo + "/fonts/"}}) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  write_file(dir + "/layout.yaml", text);
  Run other = build_naming_libraries("tests/hostile/support/ok-content.yaml --layout " + quote(dir + "/layout.yaml") +
                                     " -o " + quote(dir + "/other.pdf"));
  CHECK(has(other.err, "galley-icc.so"));
  CHECK(has(other.err, "liblcms2"));
}

TEST_CASE("galley needs no TLS or HTTP library, libqpdf, librsvg nor libicui18n; galley serve is galley-serve's") {
  Run needed = sh("readelf -d " + quote(GALLEY_BINARY));
  REQUIRE(needed.exit_code == 0);
  REQUIRE(has(needed.out, "(NEEDED)"));
  for (const char* lib : {"librsvg", "libqpdf", "libgnutls", "libicui18n", "libssl", "libcrypto", "libcpp-httplib"}) {
    INFO(lib);
    CHECK_FALSE(has(needed.out, lib));
  }
  Run help = e2e::galley("serve --help");
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "--port"));
}
