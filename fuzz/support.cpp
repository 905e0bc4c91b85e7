#include "support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "base/module.h"

namespace galley::fuzz {

namespace {

// galley-numbers.so (data tables and charts) and galley-vector.so (PDF and
// SVG images) are built in src/, not beside the fuzz targets;
// galley-impose.so is not built here (CMakeLists.txt).
[[maybe_unused]] const bool kModulesFound = (base::add_module_dir(GALLEY_FUZZ_MODULE_DIR), true);

struct Scratch {
  std::string dir;
  Scratch() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "galley-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
    // The folders the samples name relative to themselves (../fonts,
    // ../color, images/), so a file written to layouts/ or content/ here
    // finds what the same file would find in the source tree.
    namespace fs = std::filesystem;
    fs::create_directory(dir + "/layouts");
    fs::create_directory(dir + "/content");
    fs::create_directory_symlink(source_path("fonts"), dir + "/fonts");
    fs::create_directory_symlink(source_path("color"), dir + "/color");
    fs::create_directory_symlink(source_path("content/images"), dir + "/content/images");
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

}  // namespace

const std::string& scratch_dir() {
  static Scratch scratch;
  return scratch.dir;
}

std::string write_scratch(const std::string& name, const uint8_t* data, size_t size) {
  std::string path = scratch_dir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
  return path;
}

std::string write_scratch(const std::string& name, const std::string& text) {
  return write_scratch(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

std::string source_path(const std::string& relative) {
  return std::string(GALLEY_SOURCE_DIR) + "/" + relative;
}

}  // namespace galley::fuzz
