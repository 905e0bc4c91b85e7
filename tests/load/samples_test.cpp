// The sample descriptors shipped in content/ and layouts/ load cleanly, and
// every content file works with every layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> yaml_files(const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(GALLEY_SOURCE_DIR) / folder))
    if (e.path().extension() == ".yaml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

TEST_CASE("every sample content and layout loads without errors") {
  auto contents = yaml_files("content");
  auto layouts = yaml_files("layouts");
  REQUIRE_MESSAGE(!contents.empty(), "no samples in content/");
  REQUIRE_MESSAGE(!layouts.empty(), "no samples in layouts/");
  for (const auto& c : contents) {
    // galley serve's configuration lives beside the content it serves.
    if (std::filesystem::path(c).filename() == "serve.yaml") continue;
    Diagnostics d;
    auto doc = load::load_document(c, d);
    INFO(c, lines(d));
    REQUIRE(doc);
    CHECK_FALSE(d.has_errors());
    for (const auto& l : layouts) {
      Diagnostics ld;
      auto layout = load::load_layout(l, ld);
      INFO(l, lines(ld));
      REQUIRE(layout);
      load::cross_check(*doc, *layout, ld);
      CHECK_FALSE(ld.has_errors());
      for (const auto& line : lines(ld)) MESSAGE(line);
    }
  }
}
