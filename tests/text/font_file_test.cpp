#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "detail/font_file.h"

using galley::text::font_file;

namespace {

std::string bytes_of(hb_blob_t* blob) {
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  return std::string(data, size);
}

}  // namespace

TEST_CASE("a font file is read once per process, and again when it changes") {
  const auto dir = std::filesystem::temp_directory_path() / "galley-font-file-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "face.ttf").string();
  std::ofstream(path, std::ios::binary) << "first bytes";

  hb_blob_t* a = font_file(path);
  hb_blob_t* b = font_file(path);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  // The same bytes in memory: shaping, embedding and preflight share them.
  CHECK(hb_blob_get_data(a, nullptr) == hb_blob_get_data(b, nullptr));
  CHECK(bytes_of(a) == "first bytes");

  // Replaced as editors and installers do: a new file renamed over the old.
  std::ofstream((dir / "new.ttf").string(), std::ios::binary) << "second, longer bytes";
  std::filesystem::rename(dir / "new.ttf", path);
  hb_blob_t* c = font_file(path);
  REQUIRE(c != nullptr);
  CHECK(bytes_of(c) == "second, longer bytes");
  CHECK(bytes_of(a) == "first bytes");  // a user of the old file keeps its bytes

  CHECK(font_file((dir / "missing.ttf").string()) == nullptr);
  hb_blob_destroy(a);
  hb_blob_destroy(b);
  hb_blob_destroy(c);
  std::filesystem::remove_all(dir);
}
