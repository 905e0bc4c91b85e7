#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detail/atomic_write.h"

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

TEST_CASE("write_atomically: a name too long for .NAME.tmp-XXXXXX, and no special files") {
  fs::path dir = fs::temp_directory_path() / "galley-atomic-long-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string name = std::string(251, 'n') + ".pdf";  // 255 bytes, the most a name may have
  CHECK(galley::cli::write_atomically((dir / name).string(), "bytes") == "");
  CHECK(fs::file_size(dir / name) == 5);
  // Through a symlink: a regression replaces the link, not the system's /dev/null.
  fs::create_symlink("/dev/null", dir / "null.pdf");
  CHECK(galley::cli::write_atomically((dir / "null.pdf").string(), "x").find("not a regular file") != std::string::npos);
  CHECK(fs::is_character_file("/dev/null"));
  fs::remove_all(dir);
}

TEST_CASE("stale temporaries of the targets are removed once ten minutes old, others kept") {
  fs::path dir = fs::temp_directory_path() / "galley-atomic-stale-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto touch = [&](const std::string& name, std::chrono::minutes age) {
    std::ofstream(dir / name) << "x";
    fs::last_write_time(dir / name, fs::file_time_type::clock::now() - age);
  };
  touch(".a.pdf.tmp-AAAAAA", std::chrono::minutes(11));
  touch(".a.pdf.tmp-BBBBBB", std::chrono::minutes(1));
  touch(".b.pdf.tmp-CCCCCC", std::chrono::minutes(60));
  touch(".a.pdf.tmp-toolong", std::chrono::minutes(60));
  galley::cli::remove_stale_temporaries({(dir / "a.pdf").string()});
  CHECK_FALSE(fs::exists(dir / ".a.pdf.tmp-AAAAAA"));
  CHECK(fs::exists(dir / ".a.pdf.tmp-BBBBBB"));
  CHECK(fs::exists(dir / ".b.pdf.tmp-CCCCCC"));
  CHECK(fs::exists(dir / ".a.pdf.tmp-toolong"));
  fs::remove_all(dir);
}
