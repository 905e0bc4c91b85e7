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

namespace {

std::string read_whole(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int files_in(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.exists() ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("an AtomicFile dropped without commit leaves the old output as it was") {
  fs::path dir = fs::temp_directory_path() / "galley-atomic-drop-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.pdf").string();
  REQUIRE(galley::cli::write_atomically(path, "old bytes").empty());
  {
    galley::cli::AtomicFile file(path);
    REQUIRE(file.write("new bytes, never committed"));
  }
  CHECK(read_whole(path) == "old bytes");
  CHECK(files_in(dir) == 1);
  {
    galley::cli::AtomicFile file(path);
    REQUIRE(file.write("new "));
    REQUIRE(file.write("bytes"));
    CHECK(file.commit().empty());
  }
  CHECK(read_whole(path) == "new bytes");
  CHECK(files_in(dir) == 1);
  fs::remove_all(dir);
}

// replace_file() exchanges the two names, then removes the old file; a
// renameat2() flag the kernel rejects (EINVAL, as from a file system that
// cannot exchange) takes rename() instead. Both must replace a file, make a
// new one, and refuse a directory that appeared at the path, leaving it and
// the new file where they were.
TEST_CASE("replace_file: exchange or its fallback, onto a file, a new path or a directory") {
  fs::path dir = fs::temp_directory_path() / "galley-atomic-replace-test";
  const unsigned kRejected = 1u << 30;
  for (unsigned flag : {static_cast<unsigned>(RENAME_EXCHANGE), kRejected}) {
    CAPTURE(flag);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path temp = dir / ".out.pdf.tmp-AAAAAA", target = dir / "out.pdf";
    const auto write = [](const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; };

    write(target, "old");
    write(temp, "new");
    CHECK(galley::cli::replace_file(temp.c_str(), target.c_str(), flag) == 0);
    CHECK(read_whole(target) == "new");
    CHECK_FALSE(fs::exists(temp));
    CHECK(files_in(dir) == 1);

    const fs::path fresh = dir / "fresh.pdf";
    write(temp, "first");
    CHECK(galley::cli::replace_file(temp.c_str(), fresh.c_str(), flag) == 0);
    CHECK(read_whole(fresh) == "first");
    CHECK_FALSE(fs::exists(temp));

    const fs::path folder = dir / "folder.pdf";
    fs::create_directories(folder);
    write(folder / "kept", "inside");
    write(temp, "refused");
    CHECK(galley::cli::replace_file(temp.c_str(), folder.c_str(), flag) != 0);
    CHECK(fs::is_directory(folder));
    CHECK(read_whole(folder / "kept") == "inside");
    CHECK(read_whole(temp) == "refused");
  }
  fs::remove_all(dir);
}
