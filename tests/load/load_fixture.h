// Test helpers for the loader: descriptors written into a fresh temporary
// folder, loaded, and their diagnostics as printed lines.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "diag/diagnostic.h"
#include "load/load.h"

// Prints diagnostic lists one per line when a comparison fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "\n";
    for (const auto& s : v) out += "  " + s + "\n";
    return String(out.c_str());
  }
};
}  // namespace doctest

namespace galley::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "galley-load-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `text` to `name` (folders created) and returns the full path.
  std::string write(const std::string& name, const std::string& text) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return name.empty() ? path_.string() : (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.push_back(format(x));
  return out;
}

inline std::string first_line(const Diagnostics& d) {
  return d.all().empty() ? std::string("(no diagnostics)") : format(d.all().front());
}

// True if some diagnostic line ends with `suffix` (location + message).
inline bool has(const Diagnostics& d, const std::string& suffix) {
  for (const auto& l : lines(d))
    if (l.size() >= suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
  return false;
}

inline std::string font(const std::string& file) { return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + file; }

// A small valid layout; `extra` is appended at top level.
inline std::string minimal_layout(const std::string& extra = "") {
  return "galley: 1\n"
         "page: {size: letter}\n"
         "fonts:\n"
         "  Noto Serif: {regular: " + font("NotoSerif-Regular.ttf") + ", bold: " + font("NotoSerif-Bold.ttf") + "}\n"
         "styles:\n"
         "  body: {font: Noto Serif, size: 10pt}\n"
         "masters:\n"
         "  inside:\n"
         "    frames: [{name: body, flow: main, x: 1in, y: 1in, width: 6.5in, height: 9in}]\n"
         "sequence:\n"
         "  - {master: inside, repeat: until-empty}\n" + extra;
}

}  // namespace galley::testing
