#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "detail/font_file.h"
#include "fixtures.h"

using galley::text::drop_font_pages;
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

TEST_CASE("a font file's pages given back read again unchanged; bytes galley did not map are left alone") {
  // Copied, so this test is the first in the process to map the file.
  const auto dir = std::filesystem::temp_directory_path() / "galley-font-pages-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "NotoSerif-Regular.ttf").string();
  std::filesystem::copy_file(galley::testing::font_path("NotoSerif-Regular.ttf"), path,
                             std::filesystem::copy_options::overwrite_existing);
  bool mapped_now = false;
  hb_blob_t* font = font_file(path, &mapped_now);
  REQUIRE(font != nullptr);
  CHECK(mapped_now);
  const std::string before = bytes_of(font);
  REQUIRE(before.size() > 100000);
  drop_font_pages(font);
  CHECK(bytes_of(font) == before);
  hb_face_t* face = hb_face_create(font, 0);
  CHECK(hb_face_get_glyph_count(face) > 1000);
  hb_face_destroy(face);
  bool again = true;
  hb_blob_t* kept = font_file(path, &again);
  CHECK_FALSE(again);  // already mapped: a second user's pages are not the caller's to give back
  hb_blob_destroy(kept);

  // Page-aligned memory of the process's own: giving back its pages would zero it.
  constexpr size_t kSize = 1 << 16;
  auto* own = static_cast<char*>(std::aligned_alloc(4096, kSize));
  REQUIRE(own != nullptr);
  std::memset(own, 'x', kSize);
  hb_blob_t* other = hb_blob_create(own, kSize, HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  drop_font_pages(other);
  CHECK(std::string(own, kSize) == std::string(kSize, 'x'));
  hb_blob_destroy(other);
  std::free(own);
  hb_blob_destroy(font);
  std::filesystem::remove_all(dir);
}
