// The hostile-input corpus: tests/hostile/<case>.yaml with the exact first
// diagnostic in <case>.expected, plus huge cases generated at test time.
// Set GALLEY_UPDATE_EXPECTED=1 to rewrite the .expected files (then review
// the diff: they are the contract).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "detail/yaml_source.h"
#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;
namespace fs = std::filesystem;

namespace {

// What the command line does before laying out: content, its layout, and
// the references between them, reported together in file order.
Diagnostics load_like_cli(const std::string& content) {
  Diagnostics found, d;
  auto [doc, layout] = load::load_descriptors(content, "", found);
  std::vector<std::string> files{content};
  if (layout) files.push_back(layout->path);
  load::append_in_file_order(found, d, files);
  return d;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("every hostile case gives its exact first diagnostic") {
  fs::current_path(GALLEY_SOURCE_DIR);
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator("tests/hostile"))
    if (e.path().extension() == ".yaml") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);
  bool update = std::getenv("GALLEY_UPDATE_EXPECTED") != nullptr;
  for (const auto& c : cases) {
    fs::path expected_file = fs::path(c).replace_extension(".expected");
    Diagnostics d = load_like_cli(c.string());
    std::string got = first_line(d);
    if (update) std::ofstream(expected_file) << got << '\n';
    INFO("case: " << c.string());
    REQUIRE(fs::exists(expected_file));
    CHECK(d.has_errors());
    CHECK(got == read(expected_file));
  }
}

TEST_CASE("a missing file") {
  Diagnostics d = load_like_cli("tests/hostile/no-such-file.yaml");
  CHECK(first_line(d) == "tests/hostile/no-such-file.yaml: error: cannot read content file: no such file");
}

TEST_CASE("100,000-deep flow nesting is refused before parsing") {
  TempDir dir;
  std::string p = dir.write("deep.yaml", "galley: 1\nflows: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  Diagnostics d = load_like_cli(p);
  CHECK(first_line(d) == p + ":2:71: error: nesting deeper than 64 levels");
}

TEST_CASE("100,000-deep block nesting is refused before parsing") {
  TempDir dir;
  std::string seq;
  for (int i = 0; i < 100000; ++i) seq += "- ";
  std::string p = dir.write("deep.yaml", "galley: 1\nflows:\n  main:\n    " + seq + "x\n");
  Diagnostics d = load_like_cli(p);
  CHECK(first_line(d) == p + ":4:129: error: nesting deeper than 64 levels");

  std::string maps;
  for (int i = 0; i < 100; ++i) maps += std::string(2 * i, ' ') + "k:\n";
  std::string q = dir.write("indent.yaml", "galley: 1\n" + maps);
  Diagnostics e = load_like_cli(q);
  CHECK(first_line(e) == q + ":66:129: error: nesting deeper than 64 levels");
}

TEST_CASE("a 50 MB scalar is refused without reading it") {
  TempDir dir;
  std::string p = dir.path("huge.yaml");
  {
    std::ofstream out(p, std::ios::binary);
    out << "galley: 1\nflows: {main: [paragraph: \"";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 50; ++i) out << chunk;
    out << "\"]}\n";
  }
  Diagnostics d = load_like_cli(p);
  CHECK(first_line(d) == p + ": error: file is too large (52428841 bytes; the limit is 16 MiB)");
}

TEST_CASE("a file of millions of tiny values is refused before parsing") {
  TempDir dir;
  std::string list = "galley: 1\nx: [";
  for (int i = 0; i < 3'000'000; ++i) list += "a,";
  std::string p = dir.write("many.yaml", list + "a]\n");
  Diagnostics d = load_like_cli(p);
  CHECK(first_line(d) == p + ":2:1999996: error: more than 1000000 YAML values in one file");
}

TEST_CASE("thousands of errors are cut to the first hundred plus a count") {
  TempDir dir;
  std::string blocks = "galley: 1\nflows:\n  main:\n";
  for (int i = 0; i < 5000; ++i) blocks += "    - {paragraf: x}\n";
  std::string p = dir.write("typos.yaml", blocks);
  Diagnostics d = load_like_cli(p);
  REQUIRE(d.all().size() == 101);
  CHECK(format(d.all()[0]) == p + ":4:8: error: unknown key 'paragraf' (did you mean 'paragraph'?)");
  CHECK(format(d.all()[100]) == p + ": error: and 4900 more problems in this file");
}

TEST_CASE("a large but allowed scalar loads") {
  TempDir dir;
  std::string p = dir.write("big.yaml", "galley: 1\nflows: {main: [paragraph: \"" + std::string(4 << 20, 'x') + "\"]}\n");
  Diagnostics d;
  auto doc = load::load_document(p, d);
  REQUIRE(doc);
  CHECK(doc->flows[0].blocks[0].text.value.size() == (4u << 20));
}

TEST_CASE("a block scalar cannot hide deep nesting in the keys after it") {
  Diagnostics d;
  std::string yaml = "flows:\n  main:\n    - paragraph: |\n        text\n      style: " + std::string(100, '[') + "\n";
  CHECK_FALSE(load::prescan(yaml, "p.yaml", d));
  CHECK(first_line(d) == "p.yaml:5:74: error: nesting deeper than 64 levels");
}

TEST_CASE("stray commas, on which yaml-cpp 0.7 would loop forever, are refused") {
  for (const char* text : {",\n", ", a\n", "- a\n,\n", "---\n,\n", "--- ,\n", "[a],\n", "\"a\",\n", "{a: b}\n,\n",
                           "&a ,\n", "!!str ,\n"}) {
    Diagnostics d;
    INFO(std::string(text));
    CHECK_FALSE(load::prescan(text, "p.yaml", d));
    CHECK(first_line(d).find("error: unexpected ','") != std::string::npos);
  }
  Diagnostics ok;
  CHECK(load::prescan("a: Mayo Clinic\n  , Jacksonville\nb: x, y\nc: [a, b]\n", "p.yaml", ok));
}

TEST_CASE("prescan leaves real YAML alone") {
  Diagnostics d;
  CHECK(load::prescan("a: |\n  [[[[ not { flow\n  \t tab inside a block scalar\nb: \"it's [\"\nc: [don't, x]\n"
                      "d: 'quote ''[[['\ne: >-\n  {{{\n# [[[[ comment\nf: text with [brackets\n"
                      "g:\n  - |\n    'unbalanced [[ quote\n  - key: >\n      \"open\n    other: x\n",
                      "p.yaml", d));
  CHECK(d.all().empty());
}
