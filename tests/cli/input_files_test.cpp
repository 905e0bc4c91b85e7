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
