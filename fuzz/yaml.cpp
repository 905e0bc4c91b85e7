// The two YAML readers against each other: libyaml reads a document only
// where it agrees with yaml-cpp (load/detail/libyaml_tree.h), so whenever it
// accepts the bytes, yaml-cpp's tree of the same bytes must be the same tree:
// the same nodes in the same order, scalars, tags, marks and styles, one
// document, and no error. A difference aborts.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <yaml-cpp/exceptions.h>

#include "detail/libyaml_tree.h"
#include "detail/yaml_tree.h"

using namespace galley::load;

namespace {

[[noreturn]] void differ(const char* what, const Node& a, const Node& b) {
  const YAML::Mark ma = a.Mark(), mb = b.Mark();
  std::fprintf(stderr, "libyaml and yaml-cpp differ: %s at libyaml %d:%d (byte %d), yaml-cpp %d:%d (byte %d)\n", what,
               ma.line + 1, ma.column + 1, ma.pos, mb.line + 1, mb.column + 1, mb.pos);
  if (a.IsScalar() || b.IsScalar())
    std::fprintf(stderr, "  scalars: libyaml \"%s\", yaml-cpp \"%s\"\n", a.Scalar().c_str(), b.Scalar().c_str());
  std::abort();
}

// An alias shares its node, and one inside its own node makes a cycle:
// the walk stops at a depth and a number of nodes no document of the
// fuzzer's sizes reaches otherwise.
void compare(const Node& a, const Node& b, int depth, long& budget) {
  if (depth > 300 || --budget < 0) return;
  if (a.Type() != b.Type()) differ("node type", a, b);
  const YAML::Mark ma = a.Mark(), mb = b.Mark();
  if (ma.pos != mb.pos || ma.line != mb.line || ma.column != mb.column) differ("mark", a, b);
  if (a.Tag() != b.Tag()) differ("tag", a, b);
  if (a.Style() != b.Style()) differ("style", a, b);
  if (a.Scalar() != b.Scalar()) differ("scalar", a, b);
  if (a.size() != b.size()) differ("size", a, b);
  auto ib = b.begin();
  for (const auto& ea : a) {
    if (a.IsMap()) {
      compare(ea.first, ib->first, depth + 1, budget);
      compare(ea.second, ib->second, depth + 1, budget);
    } else {
      compare(ea, *ib, depth + 1, budget);
    }
    ++ib;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto tree = read_common_yaml(bytes);
  if (!tree) return 0;
  const Node a(std::move(tree), 0);
  std::optional<YAML::Mark> second;
  Node b;
  try {
    b = parse_tree_with_yaml_cpp(bytes, &second);
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "libyaml read a document yaml-cpp refuses: %s\n", e.what());
    std::abort();
  }
  if (second) differ("a second document", a, b);
  long budget = 1'000'000;
  compare(a, b, 0, budget);
  return 0;
}
