// The loaders read load::Node where they read YAML::Node before: every
// YAML file in the repository must give the same tree both ways (kinds,
// scalars, tags, marks, styles, key order, duplicates), so that no message
// and no value changed with the reader.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detail/yaml_tree.h"

using galley::load::Node;
using galley::load::NodeType;
using galley::load::parse_tree;

namespace {

NodeType kind(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return NodeType::Null;
    case YAML::NodeType::Scalar: return NodeType::Scalar;
    case YAML::NodeType::Sequence: return NodeType::Sequence;
    case YAML::NodeType::Map: return NodeType::Map;
    default: return NodeType::Undefined;
  }
}

// Walks both trees side by side, without following a node twice (aliases
// share nodes in both), and returns the first difference, or "".
std::string compare(const YAML::Node& want, const Node& got, int budget = 200000) {
  struct Pair {
    YAML::Node want;
    Node got;
  };
  std::vector<Pair> stack{{want, got}};
  while (!stack.empty() && budget-- > 0) {
    auto [w, g] = stack.back();
    stack.pop_back();
    const auto at = std::to_string(w.Mark().line + 1) + ":" + std::to_string(w.Mark().column + 1);
    if (kind(w) != g.Type()) return at + ": kind differs";
    if (w.Mark().pos != g.Mark().pos || w.Mark().line != g.Mark().line || w.Mark().column != g.Mark().column)
      return at + ": mark differs";
    if (w.Tag() != g.Tag()) return at + ": tag '" + w.Tag() + "' vs '" + g.Tag() + "'";
    if (w.IsScalar() && w.Scalar() != g.Scalar()) return at + ": scalar differs";
    if (w.size() != g.size()) return at + ": size differs";
    if (w.IsSequence() || w.IsMap()) {
      if (w.Style() != g.Style()) return at + ": style differs";
      auto gi = g.begin();
      for (auto wi = w.begin(); wi != w.end(); ++wi, ++gi) {
        if (w.IsMap()) {
          stack.push_back({wi->first, gi->first});
          stack.push_back({wi->second, gi->second});
        } else {
          stack.push_back({*wi, *gi});
        }
      }
      if (gi != g.end()) return at + ": more children";
    }
  }
  return {};
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every YAML file in the repository reads as yaml-cpp's own tree") {
  namespace fs = std::filesystem;
  int compared = 0;
  for (const char* dir : {"content", "layouts", "tests", "examples", "bench", "deploy", "schema"}) {
    const fs::path root = fs::path(GALLEY_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml" || e.file_size() > (1 << 20)) continue;
      const std::string bytes = read_text(e.path());
      YAML::Node want;
      try {
        want = YAML::Load(bytes);
      } catch (const YAML::Exception& ex) {
        // The same error, at the same place.
        try {
          parse_tree(bytes);
          FAIL_CHECK(e.path().string() << ": yaml-cpp refuses it, the tree reads it");
        } catch (const YAML::Exception& mine) {
          CHECK_MESSAGE(mine.msg == ex.msg, e.path().string());
          CHECK_MESSAGE(mine.mark.pos == ex.mark.pos, e.path().string());
        }
        continue;
      }
      const Node got = parse_tree(bytes);
      if (!want.IsDefined() || (want.IsNull() && want.Mark().is_null())) {
        CHECK_MESSAGE(got.IsNull(), e.path().string());
        continue;
      }
      CHECK_MESSAGE(compare(want, got) == "", e.path().string() << ": " << compare(want, got));
      ++compared;
    }
  }
  CHECK(compared > 100);
}

TEST_CASE("the tree's lookups, iteration and aliases") {
  const Node n = parse_tree("a: &x {k: [1, 2, 3]}\nb: *x\nc:\n'q': \"quoted\"\nd: [p, q]\n");
  REQUIRE(n.IsMap());
  CHECK(n.size() == 5);
  CHECK(n["a"]["k"].size() == 3);
  CHECK(n["a"]["k"][1].Scalar() == "2");
  CHECK_FALSE(n["a"]["k"][3]);
  CHECK(n["b"]["k"][2].Scalar() == "3");                       // an alias is the anchored node
  CHECK(n["b"].Mark().line == n["a"].Mark().line);
  CHECK(n["c"].IsNull());
  CHECK(n["c"]);                                                // present, though null
  CHECK_FALSE(n["missing"]);
  CHECK(n["q"].Tag() == "!");
  CHECK(n["d"].Style() == YAML::EmitterStyle::Flow);
  CHECK(n["a"]["k"].Style() == YAML::EmitterStyle::Flow);
  CHECK(n.Style() == YAML::EmitterStyle::Block);
  std::string keys;
  for (const auto& kv : n) keys += kv.first.Scalar();
  CHECK(keys == "abcqd");
  std::string items;
  for (const auto& item : n["d"]) items += item.Scalar();
  CHECK(items == "pq");
  CHECK(n["d"]["x"].IsDefined() == false);                      // a list has no keys
  CHECK(n["a"][std::size_t{0}].IsDefined() == false);           // a mapping has no items
}

TEST_CASE("a second document is found, and an empty file is a null root without a mark") {
  std::optional<YAML::Mark> second;
  parse_tree("a: 1\n---\nb: 2\n", &second);
  REQUIRE(second);
  CHECK(second->line == 1);  // the "---" line, counted from 0
  std::optional<YAML::Mark> none;
  const Node empty = parse_tree("# only a comment\n", &none);
  CHECK_FALSE(none);
  CHECK(empty.IsNull());
  CHECK(empty.Mark().is_null());
}

TEST_CASE("a node keeps its document alive") {
  Node kept;
  {
    const Node root = parse_tree("list: [a, b]");
    kept = root["list"];
  }
  CHECK(kept[1].Scalar() == "b");
}
