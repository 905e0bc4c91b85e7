// tests/hostile/build: cases that only a whole build meets (image data,
// fonts, variables, pages, links). Each runs as `galley check` and as
// `galley build` in a folder with the hostile files (hostile_files.cpp):
// both exit 1 with the exact first line in <case>.expected, within a
// memory and time bound far above what a refusal costs and far below what
// an attempt did.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "harness.h"
#include "hostile_files.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer (make test-sanitize) the binary runs several times
// slower, and freed memory waits in a quarantine of up to 256 MB: the
// bounds still tell a refusal from an attempt of gigabytes or minutes.
constexpr long kMaxRssMb = 1000;
constexpr double kMaxSeconds = 20.0;
// The refusal's path is the same past the 1 MiB limit; the release run's
// 14 MB measures the bound, and under ASan the size only costs minutes.
constexpr size_t kLongParagraphBytes = 2u << 20;
#else
constexpr long kMaxRssMb = 200;
constexpr double kMaxSeconds = 2.0;
constexpr size_t kLongParagraphBytes = 14u << 20;
#endif

// The first error of a run's stderr (warnings may come first), with the
// folder it ran in left out of the paths.
std::string first_error(const std::string& err, const std::string& dir) {
  for (size_t at = 0; at < err.size();) {
    const size_t end = std::min(err.find('\n', at), err.size());
    std::string line = err.substr(at, end - at);
    if (line.find(": error: ") != std::string::npos) {
      for (size_t p; (p = line.find(dir + "/")) != std::string::npos;) line.erase(p, dir.size() + 1);
      return line;
    }
    at = end + 1;
  }
  return "";
}

std::string expectation(const fs::path& file) {
  std::string text = read_file(file.string());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("every tests/hostile/build case fails alike in check and build, cheaply, at its line") {
  const std::string dir = temp_dir();
  write_hostile_files(dir);
  const fs::path cases_dir = fs::path(GALLEY_SOURCE_DIR) / "tests/hostile/build";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(cases_dir))
    if (e.path().extension() == ".expected") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 35);
  const bool update = std::getenv("GALLEY_UPDATE_EXPECTED") != nullptr;
  for (const fs::path& expected_file : cases) {
    const std::string name = expected_file.stem().string() + ".yaml";
    INFO("case: " << name);
    const Measured check = run_measured(dir, {"check", name});
    const Measured build = run_measured(dir, {"build", name, "-o", "out.pdf"});
    if (update) std::ofstream(expected_file) << first_error(build.err, dir) << '\n';
    const std::string expected = expectation(expected_file);
    CHECK(build.exit_code == 1);
    CHECK(first_error(build.err, dir) == expected);
    CHECK(check.exit_code == 1);
    CHECK(first_error(check.err, dir) == expected);
    CHECK_FALSE(fs::exists(dir + "/out.pdf"));
    for (const Measured* m : {&check, &build}) {
      CHECK(m->max_rss_mb < kMaxRssMb);
      CHECK(m->seconds < kMaxSeconds);
    }
  }
}

namespace {

// A content file in `dir` naming tests/hostile/build's layout.
std::string content_with(const std::string& dir, const std::string& blocks) {
  write_hostile_files(dir);
  write_file(dir + "/big.yaml", "galley: 1\nlayout: layout.yaml\nflows:\n  main:\n" + blocks);
  return "big.yaml";
}

}  // namespace

TEST_CASE("a paragraph of megabytes is refused at its line, not shaped") {
  const std::string dir = temp_dir();
  std::string words;
  words.reserve(kLongParagraphBytes);
  while (words.size() < kLongParagraphBytes) words += "lorem ipsum dolor sit amet ";
  const std::string name = content_with(dir, "    - paragraph: Short.\n    - paragraph: \"" + words + "\"\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", name}, std::vector<std::string>{"build", name, "-o", "out.pdf"}}) {
    const Measured m = run_measured(dir, args);
    INFO(args[0]);
    CHECK(m.exit_code == 1);
    // Markdown drops the paragraph's trailing space.
    CHECK(first_error(m.err, dir) == "big.yaml:6:19: error: paragraph of " + std::to_string(words.size() - 1) +
                                   " bytes is longer than the 1 MiB a paragraph may have; split it");
    CHECK(m.max_rss_mb < kMaxRssMb);
    // Not a tiny input: yaml-cpp reads the scalar at ~10 MB/s of CPU
    // before anything can look at it, so the bound grows with the size.
    CHECK(m.seconds < kMaxSeconds + 0.15 * static_cast<double>(words.size() >> 20));
  }
}

TEST_CASE("a 400 KB progressive JPEG of 40,000 empty scans is refused before libjpeg decodes one") {
  const std::string dir = temp_dir();
  const std::string name = content_with(dir, "    - image: {src: scans.jpg}\n");
  // The scan bomb: one valid progressive picture, then 40,000 copies of
  // its last (refinement) scan header with no data.
  std::string jpeg = read_file(dir + "/images/jpeg-scans.jpg");
  const size_t sos = jpeg.find("\xFF\xDA");
  std::string scan_header = jpeg.substr(sos, 2 + ((static_cast<unsigned char>(jpeg[sos + 2]) << 8) |
                                                   static_cast<unsigned char>(jpeg[sos + 3])));
  std::string bomb = jpeg.substr(0, sos);
  while (bomb.size() < 400000) bomb += scan_header;
  write_file(dir + "/scans.jpg", bomb + "\xFF\xD9");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", name}, std::vector<std::string>{"build", name, "-o", "out.pdf"}}) {
    const Measured m = run_measured(dir, args);
    INFO(args[0]);
    CHECK(m.exit_code == 1);
    CHECK(first_error(m.err, dir) == "big.yaml:5:7: error: image 'scans.jpg': invalid JPEG: more than 500 scans");
    CHECK(m.max_rss_mb < kMaxRssMb);
    CHECK(m.seconds < kMaxSeconds);
  }
}

TEST_CASE("a word of 500,000 letters is shaped in pieces and set, within the bounds") {
  const std::string dir = temp_dir();
  const std::string name = content_with(dir, "    - paragraph: " + std::string(500000, 'x') + "\n");
  const Measured m = run_measured(dir, {"build", name, "-o", "out.pdf"});
  INFO(m.err);
  // One word wider than the column is overfull, a warning, not an error.
  CHECK(m.exit_code == 0);
  CHECK(m.max_rss_mb < kMaxRssMb);
  CHECK(m.seconds < kMaxSeconds);
}

TEST_CASE("a heading of 40,000 letters builds: its bookmark is cut, not handed to libharu whole") {
  const std::string dir = temp_dir();
  const std::string name = content_with(dir, "    - heading: " + std::string(40000, 'h') + "\n      id: long\n");
  const Measured m = run_measured(dir, {"build", name, "-o", "out.pdf"});
  INFO(m.err);
  REQUIRE(m.exit_code == 0);
  const Run outline = sh("qpdf --json --json-key=outlines " + quote(dir + "/out.pdf"));
  CHECK(outline.out.find("\"title\": \"" + std::string(1000, 'h') + "…\"") != std::string::npos);
}
