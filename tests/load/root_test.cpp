// load::Options::root: what "inside" means.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "load/load.h"

using namespace galley;
namespace fs = std::filesystem;

TEST_CASE("inside the root: below it after symlinks, never beside it or the root itself") {
  const fs::path dir = fs::temp_directory_path() / "galley-root-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "site" / "img");
  fs::create_directories(dir / "site2");
  std::ofstream(dir / "outside.png") << "x";
  fs::create_symlink(dir / "outside.png", dir / "site" / "img" / "link.png");
  fs::create_directory_symlink(dir / "site", dir / "alias");
  const auto root = load::root_folder((dir / "alias").string());
  REQUIRE(root);
  CHECK(*root == fs::canonical(dir / "site").string());
  CHECK(load::inside_root((dir / "site" / "img" / "a.png").string(), *root));
  CHECK(load::inside_root((dir / "alias" / "img" / "a.png").string(), *root));
  CHECK(load::inside_root((dir / "site" / "img" / ".." / "a.png").string(), *root));
  CHECK_FALSE(load::inside_root((dir / "site" / ".." / "outside.png").string(), *root));
  CHECK_FALSE(load::inside_root((dir / "site" / "img" / "link.png").string(), *root));
  CHECK_FALSE(load::inside_root((dir / "site2" / "a.png").string(), *root));
  CHECK_FALSE(load::inside_root((dir / "site").string(), *root));
  CHECK_FALSE(load::root_folder((dir / "outside.png").string()));
  CHECK_FALSE(load::root_folder((dir / "missing").string()));

  Diagnostics d;
  CHECK_FALSE(load::check_inside_root((dir / "site2" / "c.yaml").string(), *root, "content file", d));
  CHECK(format(d.all().at(0)) == (dir / "site2" / "c.yaml").string() + ": error: the content file is outside the root folder");
  CHECK(load::check_inside_root("/anything", "", "content file", d));
  fs::remove_all(dir);
}
