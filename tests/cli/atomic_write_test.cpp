#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/atomic_write.h"

namespace fs = std::filesystem;

TEST_CASE("write_atomically replaces a file whole and leaves no temporary behind") {
  fs::path dir = fs::temp_directory_path() / "galley-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "out.pdf").string();
  CHECK(galley::cli::write_atomically(path, "first").empty());
  CHECK(galley::cli::write_atomically(path, "second").empty());
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == "second");
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);

  CHECK_FALSE(galley::cli::write_atomically((dir / "missing" / "x.pdf").string(), "x").empty());
  CHECK_FALSE(galley::cli::write_atomically(dir.string(), "x").empty());
  fs::remove_all(dir);
}
