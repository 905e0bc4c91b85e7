// FileFacts (image/file_stamp.h) keeps a fact per file, part and stamp in
// the one memo: its key covers all three, and only successes are kept.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "detail/file_stamp.h"

using namespace galley;

TEST_CASE("the file-facts key covers the path, the part and the stamp") {
  using image::file_facts_key;
  const std::string base = file_facts_key("/a/font.ttf", "0", "1:2:3:");
  CHECK(file_facts_key("/a/font.otf", "0", "1:2:3:") != base);
  CHECK(file_facts_key("/a/font.ttf", "1", "1:2:3:") != base);
  CHECK(file_facts_key("/a/font.ttf", "0", "1:2:4:") != base);
  CHECK(file_facts_key("/a/font.ttf0", "", "1:2:3:") != base);
  CHECK(file_facts_key("/a/font.ttf", "0", "1:2:3:") == base);
}

TEST_CASE("a fact is read once per file and part; a failure is read again") {
  // A file of the checkout: changed long before the test runs, so its
  // stamp is kept (a file changed in the last two seconds is not).
  const std::string path = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf";
  REQUIRE(image::file_stamp(path));
  image::FileFacts<int> facts;
  int reads = 0;
  auto read = [&](int v) { return [&reads, v] { ++reads; return std::optional<int>(v); }; };
  CHECK(facts.get(path, "0", read(7)) == 7);
  CHECK(facts.get(path, "0", read(8)) == 7);
  CHECK(facts.get(path, "1", read(9)) == 9);
  CHECK(reads == 2);
  int failures = 0;
  auto fail = [&] { ++failures; return std::optional<int>(); };
  CHECK(!facts.get(path, "2", fail));
  CHECK(!facts.get(path, "2", fail));
  CHECK(failures == 2);
}

namespace {

// A symlink in a fresh folder, pointing at `target`: stat(2) follows it, so
// repointing the link changes what the path's stamp sees while both files
// stay old enough (checked out long before) to be stamped.
std::string link_to(const std::string& name, const std::string& target) {
  const auto dir = std::filesystem::temp_directory_path() / "galley-file-look-test";
  std::filesystem::create_directories(dir);
  const auto link = dir / name;
  std::filesystem::remove(link);
  std::filesystem::create_symlink(target, link);
  return link.string();
}

}  // namespace

TEST_CASE("within a look a path is stat'ed once; the next look sees it changed") {
  const std::string regular = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf";
  const std::string bold = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Bold.ttf";
  const auto regular_stamp = image::file_stamp(regular);
  const auto bold_stamp = image::file_stamp(bold);
  REQUIRE(regular_stamp);
  REQUIRE(bold_stamp);
  REQUIRE(*regular_stamp != *bold_stamp);
  const std::string path = link_to("face.ttf", regular);
  std::optional<std::string> before, during, after, outside;
  image::FileFacts<int> facts;
  int reads = 0;
  auto read = [&](int v) { return [&reads, v] { ++reads; return std::optional<int>(v); }; };
  {
    const image::FileLook look;
    before = image::file_stamp(path);
    CHECK(facts.get(path, "0", read(1)) == 1);
    link_to("face.ttf", bold);
    during = image::file_stamp(path);  // the look's stamp: the file as it was
    CHECK(facts.get(path, "0", read(2)) == 1);
  }
  {
    const image::FileLook look;
    after = image::file_stamp(path);
    CHECK(facts.get(path, "0", read(3)) == 3);  // read again: the file changed
  }
  link_to("face.ttf", regular);
  outside = image::file_stamp(path);  // no look: every call stats
  CHECK(before == regular_stamp);
  CHECK(during == regular_stamp);
  CHECK(after == bold_stamp);
  CHECK(outside == regular_stamp);
  CHECK(reads == 2);
}

TEST_CASE("a look opened while another is alive takes its stamps afresh") {
  const std::string regular = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Regular.ttf";
  const std::string bold = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSerif-Bold.ttf";
  const std::string path = link_to("nested.ttf", regular);
  const image::FileLook first;
  CHECK(image::file_stamp(path) == image::file_stamp(regular));
  link_to("nested.ttf", bold);
  {
    const image::FileLook second;  // a batch's next row, a serve request
    CHECK(image::file_stamp(path) == image::file_stamp(bold));
  }
  // The first is still open: the stamps stay those of the latest look.
  CHECK(image::file_stamp(path) == image::file_stamp(bold));
}
