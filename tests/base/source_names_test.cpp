// A reader finds any function's or type's home from its name: within a
// stage (src/<stage>/ and its subfolders), each header foo.h is
// implemented by foo.cpp and each foo.cpp implements foo.h
// (docs/architecture.md, "Finding a type's home"). The exceptions are
// listed here, so a new one is a decision someone writes down, and an entry
// whose file is gone fails too.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kSrc = fs::path(GALLEY_SOURCE_DIR) / "src";

// Headers with no .cpp of their name: types and inline code only, or a
// stage's contract header (implemented by the files of kImplements below).
const std::set<std::string> kHeaderOnly = {
    "base/figures.h",          "base/memo.h",           "base/utf8.h",       "base/pdf_name.h",
    "base/chunked.h",
    "layout/layout.h",         "linebreak/line.h",
    "linebreak/linebreak.h",   "load/load.h",           "load/detail/style_keys.h",
    "model/cell_format.h",     "model/chart.h",         "model/data_table.h",
    "model/document.h",        "model/layout.h",        "model/style_keys.h",
    "model/values.h",          "pdf/pdf.h",             "pdf/detail/value.h",
    "print/print.h",           "print/detail/impose_module.h",
    "image/detail/vector_module.h", "pdf/detail/vector_module.h",
    "resolve/detail/numbers_module.h", "text/cluster_list.h",
    "serve/serve.h",           "serve/detail/limits.h", "text/shaped.h",
    "text/text.h",
    "text/detail/icu_data.h",  // implemented by the build's generated icu_data_package.cpp
};

// .cpp files with no header of their name, and the header each implements.
const std::map<std::string, std::string> kImplements = {
    {"main.cpp", ""},  // the programs
    {"serve_main.cpp", ""},
    {"image/vector/content_colors.cpp", "image/detail/vector_module.h"},  // the modules
    {"image/vector/read_page.cpp", "image/detail/vector_module.h"},
    {"pdf/vector/copy_graphic.cpp", "pdf/detail/vector_module.h"},
    {"pdf/icc/lcms_profiles.cpp", "pdf/detail/icc_module.h"},
    {"resolve/numbers/icu_formats.cpp", "resolve/detail/numbers_module.h"},
    {"image/hex_rgb.cpp", "image/detail/vector.h"},
    {"image/svg.cpp", "image/detail/vector.h"},
    {"image/svg_budget.cpp", "image/detail/vector.h"},
    {"image/svg_native.cpp", "image/detail/vector.h"},
    {"layout/json.cpp", "layout/layout.h"},
    {"layout/lay_out.cpp", "layout/layout.h"},
    {"load/cross_check.cpp", "load/load.h"},
    {"load/descriptors.cpp", "load/load.h"},
    {"load/document_loader.cpp", "load/load.h"},
    {"load/layout_loader.cpp", "load/load.h"},
    {"load/root.cpp", "load/load.h"},
    {"print/impose/imposition.cpp", "print/detail/impose_module.h"},
    {"resolve/master_text.cpp", "resolve/resolve.h"},
    {"resolve/variables.cpp", "resolve/resolve.h"},
    {"serve/command.cpp", "serve/serve.h"},
    {"serve/thread_cache.cpp", "serve/serve.h"},
};

// The stage folder a file is in; "" for the programs at the top of src/.
std::string stage_of(const fs::path& rel) { return rel.has_parent_path() ? rel.begin()->string() : ""; }

}  // namespace

TEST_CASE("every header and .cpp in src/ is named for its partner") {
  std::map<std::string, std::set<std::string>> headers, sources;  // stage → stems
  std::set<std::string> all_headers, all_sources;
  for (const auto& e : fs::recursive_directory_iterator(kSrc)) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), kSrc);
    const std::string ext = rel.extension().string();
    if (ext == ".h") {
      headers[stage_of(rel)].insert(rel.stem().string());
      all_headers.insert(rel.generic_string());
    } else if (ext == ".cpp") {
      sources[stage_of(rel)].insert(rel.stem().string());
      all_sources.insert(rel.generic_string());
    }
  }
  REQUIRE(all_sources.size() > 100);
  for (const std::string& h : all_headers) {
    const fs::path rel(h);
    if (kHeaderOnly.count(h)) continue;
    INFO(h, " has no .cpp of its name in src/", stage_of(rel), "/: name it for the file that implements it, "
            "split it, or list it in kHeaderOnly");
    CHECK(sources[stage_of(rel)].count(rel.stem().string()));
  }
  for (const std::string& c : all_sources) {
    const fs::path rel(c);
    if (kImplements.count(c)) continue;
    INFO(c, " has no header of its name in src/", stage_of(rel), "/: add one, or list it in kImplements");
    CHECK(headers[stage_of(rel)].count(rel.stem().string()));
  }
  for (const std::string& h : kHeaderOnly) {
    INFO("kHeaderOnly lists ", h, ", which is gone");
    CHECK(all_headers.count(h));
  }
  for (const auto& [c, h] : kImplements) {
    INFO("kImplements lists ", c, " → ", h, ", which is gone");
    CHECK(all_sources.count(c));
    CHECK((h.empty() || all_headers.count(h)));
  }
}
