// `galley watch` and `galley serve` reload when any file a build read
// changes: the list covers every kind of file a content file can name.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "detail/input_files.h"
#include "load/load.h"
#include "load/load_fixture.h"

using namespace galley;
using namespace galley::testing;

TEST_CASE("input_files lists the data files of tables and charts and the Markdown files a content file names") {
  TempDir dir;
  dir.write("rows.csv", "year,cases\n2023,10\n2024,12\n");
  dir.write("points.csv", "year,cases\n2023,10\n2024,12\n");
  dir.write("chapter.md", "# Chapter\n\nSome text.\n");
  const std::string content = dir.write("content.yaml",
                                        "galley: 1\n"
                                        "flows:\n"
                                        "  main:\n"
                                        "    - table: {data: rows.csv}\n"
                                        "    - chart: {type: bar, data: points.csv, x: year, y: cases}\n"
                                        "    - markdown: {file: chapter.md}\n");
  Diagnostics diags;
  const auto doc = load::load_document(content, diags);
  REQUIRE_MESSAGE(doc, lines(diags));
  const auto files = cli::input_files(content, "", &*doc, nullptr);
  const auto canonical = [](const std::string& p) { return std::filesystem::weakly_canonical(p).string(); };
  std::set<std::string> listed;
  for (const std::string& f : files) listed.insert(canonical(f));
  for (const char* name : {"content.yaml", "rows.csv", "points.csv", "chapter.md"}) {
    INFO(std::string(name));
    CHECK(listed.count(canonical(dir.path(name))));
  }
}

TEST_CASE("input_files lists the images inside text, in a content file and in a Markdown chapter") {
  TempDir dir;
  const std::string fonts = std::string(GALLEY_SOURCE_DIR) + "/fonts";
  std::filesystem::create_directories(dir.path("sub"));
  for (const char* image : {"icon.png", "sub/badge.png", "master.png"})
    std::filesystem::copy_file(std::string(GALLEY_SOURCE_DIR) + "/content/images/cover.png", dir.path(image));
  dir.write("sub/chapter.md", "# Chapter\n\nEarned ![a badge](badge.png) twice.\n");
  const std::string layout = dir.write("layout.yaml",
                                       "galley: 1\n"
                                       "page: {size: a5}\n"
                                       "fonts:\n"
                                       "  Serif: " + fonts + "/NotoSerif-Regular.ttf\n"
                                       "styles:\n"
                                       "  body: {font: Serif, size: 10pt}\n"
                                       "masters:\n"
                                       "  page:\n"
                                       "    frames: [{flow: main, x: 20mm, y: 20mm, width: 108mm, height: 170mm}]\n"
                                       "    footer: \"![logo](master.png) page {{page}}\"\n"
                                       "sequence: [page]\n");
  // The content has a mistake elsewhere (an undefined variable): its
  // images are still found.
  const std::string content = dir.write("content.yaml",
                                        "galley: 1\n"
                                        "variables: {icon: icon}\n"
                                        "flows:\n"
                                        "  main:\n"
                                        "    - paragraph: \"Call ![phone]({{icon}}.png) now, {{nobody}}.\"\n"
                                        "    - markdown: {file: sub/chapter.md}\n");
  Diagnostics diags;
  const auto doc = load::load_document(content, diags);
  const auto lay = load::load_layout(layout, diags);
  REQUIRE_MESSAGE((doc && lay && !diags.has_errors()), lines(diags));
  const auto files = cli::input_files(content, layout, &*doc, &*lay);
  const auto canonical = [](const std::string& p) { return std::filesystem::weakly_canonical(p).string(); };
  std::set<std::string> listed;
  for (const std::string& f : files) listed.insert(canonical(f));
  for (const char* name : {"icon.png", "sub/badge.png", "master.png"}) {
    INFO(std::string(name));
    CHECK(listed.count(canonical(dir.path(name))));
  }
}
