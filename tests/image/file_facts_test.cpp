// FileFacts (image/file_stamp.h) keeps a fact per file, part and stamp in
// the one memo: its key covers all three, and only successes are kept.
#include <doctest/doctest.h>

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
