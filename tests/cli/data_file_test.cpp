#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "detail/data_file.h"

using namespace galley;
using namespace galley::cli;

TEST_CASE("YAML data files get the loader's guards: deep nesting is an error, not a crash") {
  std::string path = (std::filesystem::temp_directory_path() / "galley-deep-rows.yaml").string();
  {
    std::ofstream out(path);
    out << std::string(100000, '[') << std::string(100000, ']') << "\n";
  }
  Diagnostics diags;
  CHECK_FALSE(read_data(path, diags));
  CHECK(diags.has_errors());
  std::filesystem::remove(path);
}

TEST_CASE("YAML data rows are maps of scalars, located by line and column") {
  std::string path = (std::filesystem::temp_directory_path() / "galley-rows.yaml").string();
  {
    std::ofstream out(path);
    out << "- {slug: a, recipient: Ann}\n- slug: b\n  recipient: [x]\n";
  }
  Diagnostics diags;
  CHECK_FALSE(read_data(path, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format(diags.all()[0]) == path + ":3:14: error: row 2: field 'recipient' must be a single value");
  std::filesystem::remove(path);
}
