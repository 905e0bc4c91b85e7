// The loaders read load::Node where they read YAML::Node before: every
// YAML file in the repository must give the same tree both ways (kinds,
// scalars, tags, marks, styles, key order, duplicates), so that no message
// and no value changed with the reader.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "detail/stand_ins.h"
#include "detail/yaml_tree.h"

using galley::load::Node;
using galley::load::NodeType;
using galley::load::parse_tree;
using galley::load::parse_tree_with_yaml_cpp;
using galley::load::TreeReader;

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

namespace {

// The tree of `bytes` must be yaml-cpp's: the same nodes and marks, or the
// same error at the same place. `parse` is parse_tree or
// parse_tree_with_yaml_cpp.
template <class Parse>
std::string differs(const std::string& bytes, Parse parse) {
  YAML::Node want;
  try {
    want = YAML::Load(bytes);
  } catch (const YAML::Exception& ex) {
    try {
      parse(bytes);
      return "yaml-cpp refuses it, the tree reads it";
    } catch (const YAML::Exception& mine) {
      if (mine.msg != ex.msg || mine.mark.pos != ex.mark.pos) return "another error: " + mine.msg;
      return {};
    }
  }
  const Node got = parse(bytes);
  if (!want.IsDefined() || (want.IsNull() && want.Mark().is_null())) return got.IsNull() ? "" : "not null";
  return compare(want, got);
}

// yaml-cpp alone, stand-ins and all.
std::string differs_from_yaml_cpp(const std::string& bytes, bool* stood_in = nullptr) {
  return differs(bytes, [&](const std::string& b) { return parse_tree_with_yaml_cpp(b, nullptr, stood_in); });
}

// parse_tree as the loaders call it, libyaml first.
std::string tree_differs(const std::string& bytes, TreeReader* reader) {
  return differs(bytes, [&](const std::string& b) { return parse_tree(b, nullptr, reader); });
}

}  // namespace

TEST_CASE("libyaml reads what it reads as yaml-cpp does, and yaml-cpp the rest") {
  const struct {
    const char* yaml;
    bool by_libyaml;
  } cases[] = {
      {"a: b\nc: [d, 'e']\nf: {g: \"h\", i: ~}\n", true},
      {"é: ü and more ü\nk: ['ñ', {x: ö}]\n- bad\n", false},  // an error: yaml-cpp's own
      {"é: ü and more ü\nk: ['ñ', {x: ö}]\nl:\n  - m  # ß\n  - n\n", true},  // marks in bytes
      {"k: |\n  a literal\n   block\nl: >-\n  a folded\n  block\n\n  of two\nm: x\n", true},
      {"a: ~\nb: null\nc: Null\nd: NULL\ne: nul\n", true},
      {"", true},
      {"# only a comment\n", true},
      {"just a scalar", true},
      {"- a\n- - b\n  - c\n- d: e\n  f: g\n", true},
      {"a: &x b\nc: *x\n", true},
      {"a: &x\n  k: [1, &y 2]\nb: *x\nc: [*y, *x]\nd: &x ~\ne: *x\n", true},  // redefined: the later node
      {"a: &x\n- *x\n", true},          // an alias inside its own node
      {"a: *nowhere\n", false},          // yaml-cpp's error
      {"a: &x b\n*x : c\n", false},     // an alias as a key
      {"&x a: b\n", false},              // an anchored key
      {"a: &x:y b\nc: *x:y\n", false},  // yaml-cpp's name goes on past `:`
      {"a: &x b\nc: *x?\n", false},
      {"a: &x {k: v}\n", false},
      {"a: &x |\n  text\nb: *x\n", true},
      {"a: &x |\n  text\nb: &- |+\n  kept\n\n", false},
      {"a: !t b\n", false},
      {"---\na: b\n", false},
      {"a: b\n...\n", false},
      {"a: b\n---\nc: d\n", false},
      {"a: b\tc\n", false},
      {"a: b\r\n", false},
      {"\xEF\xBB\xBF" "a: b\n", false},
      {"a: b\xE2\x80\xA8" "c\n", false},
      {"a: b\xC2\x85" "c\n", false},
      {"a:\nb: c\n", false},
      {"- \n- b\n", false},
      {"? a\n: b\n", false},
      {"[a, b]: c\n", false},
      {"k: \"x\\ny\"\n", false},
      {"k: 'a\n  b'\nl: \"c\n   d \n e\"\n", true},
      {"k: 'a\n\n  b'\n", false},
      {"k: \"a\n   \n  b\"\n", false},
      {"k: [a: b]\n", false},
      {"k: {u: http://x}\n", false},
      // Found by fuzz_yaml: `?` ends a plain scalar in flow for yaml-cpp,
      // which then refuses the file.
      {"k: {x: 0.75in, y?: 0.62in}\n", false},
      {"k: [radiology,\n    radio?ogy, residency]\n", false},
      // Also fuzz_yaml's: a last line of spaces without a line break after
      // a block scalar can end it in a space for yaml-cpp (the second), not
      // for libyaml; both are declined.
      {"k: >-\n  a folded\n  block\n   ", false},
      {"k: >-\n  a folded\n        more\n  block\n  ", false},
      {"a: b\nc: [unclosed\n", false},
      {"a: b\n c: d\n", false},
  };
  for (const auto& c : cases) {
    TreeReader reader = TreeReader::StandIns;
    CHECK_MESSAGE(tree_differs(c.yaml, &reader) == "", std::string(c.yaml));
    CHECK_MESSAGE((reader == TreeReader::Libyaml) == c.by_libyaml, std::string(c.yaml));
  }
  // The loaders' own files all take libyaml.
  namespace fs = std::filesystem;
  int files = 0;
  for (const char* dir : {"content", "layouts"}) {
    for (const auto& e : fs::directory_iterator(fs::path(GALLEY_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".yaml") continue;
      TreeReader reader = TreeReader::YamlCpp;
      parse_tree(read_text(e.path()), nullptr, &reader);
      CHECK_MESSAGE(reader == TreeReader::Libyaml, e.path().string());
      ++files;
    }
  }
  CHECK(files >= 7);
}

TEST_CASE("long plain values are stood in for, and read back as they are") {
  bool stood_in = false;
  const std::string doc =
      "flows:\n  main:\n  - paragraph: The five-year **residency**, with ünïcödé and 'quotes' [1] {x} ok\n"
      "    style: lead\n  - list:\n    - A list item that is long enough\n    - short\n"
      "  - paragraph: Another value at the end of the file, without a newline";
  CHECK(differs_from_yaml_cpp(doc, &stood_in) == "");
  CHECK(stood_in);
  const Node n = parse_tree(doc);
  CHECK(n["flows"]["main"][0]["paragraph"].Scalar() ==
        "The five-year **residency**, with ünïcödé and 'quotes' [1] {x} ok");
  CHECK(n["flows"]["main"][0]["style"].Mark().pos == static_cast<int>(doc.find("lead")));
  CHECK(differs_from_yaml_cpp("a: a value written with CRLF line ends\r\nb: and another one, here too\r\n",
                              &stood_in) == "");
  CHECK(stood_in);
}

TEST_CASE("a stand-in that does not come out as it went in parses the file as it is") {
  const struct {
    const char* yaml;
    bool stood_in;
  } cases[] = {
      // continued on a deeper line: the finder leaves it
      {"a:\n  - paragraph: the first line of a plain value\n      and its second line\n  - b\n", false},
      // a block scalar's lines are its text
      {"a: |\n  key: a line that looks like a value\n  - and a list item, long enough\nb: c\n", false},
      // continued at a depth the finder misjudges: a comment line between
      {"- k: the first line of a plain value\n  # a comment\n   more of the value\n", false},
      // in a flow collection, where `?` and `,` end a plain scalar
      {"k: [aa,\nq: this is a long text, here ok?\n]\n", false},
      // a quoted value open across lines
      {"key: 'start of text\n- this looks like a list item, long enough'\n", false},
      // a second document
      {"a: a long enough value for a stand-in\n---\nb: another long enough value\n", false},
      // an error after the stand-ins: the file's own message and place
      {"a: a long enough value for a stand-in\nb: [unclosed\n", false},
      {"a: a long enough value for a stand-in\n b: bad indentation\n", false},
      // null words and short values stay yaml-cpp's
      {"a: ~\nb: null\nc: short\nd: a long enough value for a stand-in\n", true},
      // a value with a comment after it
      {"a: a long enough value for a stand-in # and a comment\n", false},
      {"k: v\na: a long enough value for a stand-in  \t \n", true},
  };
  for (const auto& c : cases) {
    bool stood_in = !c.stood_in;
    CHECK_MESSAGE(differs_from_yaml_cpp(c.yaml, &stood_in) == "", std::string(c.yaml));
    CHECK_MESSAGE(stood_in == c.stood_in, std::string(c.yaml));
  }
}

TEST_CASE("documents put together from odd lines read as yaml-cpp reads them") {
  // Lines that stand-ins could get wrong, shuffled into documents with a
  // fixed seed: block scalars, flows and quotes left open, continuations,
  // comments, anchors, indicators, keys of every kind.
  const std::vector<std::string> lines = {
      "a: a long enough value for a stand-in",
      "- a list item that is long enough",
      "- - nested items that are long enough",
      "- k: a long value under a dash, long enough",
      "  b: an indented value that is long enough",
      "    deeper: a deeper value that is long enough",
      "   continued text of a value above, long",
      "  # a comment line",
      "",
      "k: |",
      "k: >-",
      "k: [open flow,",
      "  more, flow]",
      "k: {a: b}",
      "k: 'an open quote that goes on",
      "  and closes here'",
      "k: \"a double quoted value that is long\"",
      "k: &anchor a long anchored value here",
      "r: *anchor",
      "k: a value: with a colon in it, long",
      "k: a value ending in a colon, long:",
      "? complex key",
      ": a long value of a complex key here",
      "k: ~",
      "---",
      "k: value with a tab\tinside, long enough",
      "k: a long enough value ending in spaces   ",
  };
  std::mt19937 rng(16);
  int stood = 0, by_libyaml = 0, libyaml_stood = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    std::string yaml;
    const int n = 2 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) {
      // Drawn in this order, not as one expression's two operands, which
      // GCC evaluates right to left and clang left to right: the counts
      // below hold for these documents.
      const bool lf = rng() % 16 != 0;
      yaml += lines[rng() % lines.size()] + (lf ? "\n" : "\r\n");
    }
    bool stood_in = false;
    CHECK_MESSAGE(differs_from_yaml_cpp(yaml, &stood_in) == "", yaml);
    stood += stood_in;
    TreeReader reader = TreeReader::YamlCpp;
    CHECK_MESSAGE(tree_differs(yaml, &reader) == "", yaml);
    by_libyaml += reader == TreeReader::Libyaml;
    libyaml_stood += reader == TreeReader::Libyaml && !galley::load::find_stand_ins(yaml).empty();
  }
  CHECK(stood > 300);          // the stand-ins were tried, not only the fallback
  CHECK(by_libyaml > 100);     // and libyaml too
  CHECK(libyaml_stood > 50);   // libyaml with stand-ins
}

TEST_CASE("documents of the lines libyaml reads, shuffled, read as yaml-cpp reads them") {
  // Lines of the part of YAML libyaml takes, and some it declines, at
  // indentations that nest, continue or break what is above them.
  const std::vector<std::string> lines = {
      "a: a value",
      "é: ünïcödé — text",
      "- an item",
      "- - a nested item",
      "- k: v",
      "  k2: v2",
      "  - an indented item",
      "    deeper: value",
      "  continued plain text",
      "   more continued text",
      "  # a comment",
      "",
      "  ",
      "k: |",
      "k: |-",
      "k: >",
      "k: >+",
      "k: |2",
      "    indented text",
      "  less indented text",
      "k: 'single ''quoted'' text",
      "  continued quote'",
      "k: \"double quoted text",
      "  goes on\"",
      "k: \"a \\\"b\\\" c\"",
      "k: [a, 'b', \"c\", {d: e}]",
      "k: {a: [b, c], d: 'e'}",
      "k: [open,",
      "  flow, closed]",
      "k: ~",
      "k: null",
      "k:",
      "k: -not an item",
      "k: a # comment",
      "k: a#b",
      "k: 'x' ",
      "k: \"\"",
      "- ''",
      "-",
      "k: v: w",
      "'q': quoted key",
      "\"q\": double quoted key",
      "k: 12:30",
      "k: x:y",
      "k: &a value",
      "k: &b",
      "- &a item",
      "- &b [x, *a]",
      "k: &a 'quoted'",
      "k: &b |",
      "k: *a",
      "- *b",
      "k: [*a, *b]",
      "k: {x: *a}",
      "*a : v",
      "k: *a:b",
  };
  std::mt19937 rng(1616);
  int by_libyaml = 0, aliased = 0;
  for (int doc = 0; doc < 5000; ++doc) {
    std::string yaml;
    const int n = 1 + static_cast<int>(rng() % 7);
    for (int i = 0; i < n; ++i) yaml += lines[rng() % lines.size()] + "\n";
    TreeReader reader = TreeReader::YamlCpp;
    CHECK_MESSAGE(tree_differs(yaml, &reader) == "", yaml);
    by_libyaml += reader == TreeReader::Libyaml;
    aliased += reader == TreeReader::Libyaml && yaml.find('*') != std::string::npos;
  }
  CHECK(by_libyaml > 900);
  CHECK(aliased > 10);
}
