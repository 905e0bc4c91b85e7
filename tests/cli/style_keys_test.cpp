// model/style_keys.h: every plain style key, declared once, is read by the
// loader, inherited along `base:` and lands in the resolved style. Lives
// with cli's tests because it needs load/ and resolve/ together.
#include <doctest/doctest.h>

#include <string>

#include "load/load_fixture.h"
#include "model/style_keys.h"
#include "resolve/resolve.h"

using namespace galley;
using namespace galley::testing;

namespace {
// A value unlike the key's default, as YAML and as the resolved value.
template <class T>
std::string yaml_value(T fallback) {
  if constexpr (std::is_same_v<T, bool>) return fallback ? "false" : "true";
  else if constexpr (std::is_same_v<T, int>) return fallback == 3 ? "4" : "3";
  else return fallback == 7 ? "8pt" : "7pt";
}
template <class T>
T value(T fallback) {
  if constexpr (std::is_same_v<T, bool>) return !fallback;
  else if constexpr (std::is_same_v<T, int>) return fallback == 3 ? 4 : 3;
  else return fallback == 7 ? 8 : 7;
}
}  // namespace

TEST_CASE("every plain style key is read, inherited along base: and resolved") {
  std::string keys;
#define GALLEY_STYLE_YAML(key, member, type, fallback, read) \
  keys += std::string(key) + ": " + yaml_value<type>(fallback) + ", ";
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_YAML)
#undef GALLEY_STYLE_YAML
  TempDir dir;
  std::string yaml = minimal_layout();
  yaml.replace(yaml.find("  body: {font: Noto Serif, size: 10pt}\n"), 38,
               "  body: {font: Noto Serif, size: 10pt}\n  set: {" + keys + "font: Noto Serif}\n"
               "  child: {base: set}\n  plain: {font: Noto Serif}");
  Diagnostics diags;
  auto layout = load::load_layout(dir.write("l.yaml", yaml), diags);
  INFO(lines(diags));
  REQUIRE(layout);
  resolve::Cascade cascade(*layout, "en-US", diags);
  REQUIRE_FALSE(diags.has_errors());
  const resolve::ParaStyle* set = cascade.para("set");
  const resolve::ParaStyle* child = cascade.para("child");
  const resolve::ParaStyle* plain = cascade.para("plain");
  REQUIRE(set);
  REQUIRE(child);
  REQUIRE(plain);
#define GALLEY_STYLE_CHECK(key, member, type, fallback, read) \
  CHECK_MESSAGE(resolve::ParaStyle{}.member == (fallback), key);  \
  CHECK_MESSAGE(plain->member == (fallback), key);                \
  CHECK_MESSAGE(set->member == value<type>(fallback), key);       \
  CHECK_MESSAGE(child->member == value<type>(fallback), key);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_CHECK)
#undef GALLEY_STYLE_CHECK
}

TEST_CASE("a plain style key's value is checked by its reader") {
  TempDir dir;
  std::string yaml = minimal_layout();
  yaml.replace(yaml.find("  body: {font: Noto Serif, size: 10pt}\n"), 38,
               "  body: {font: Noto Serif, size: 10pt, widows: 11, padding: -1pt, uppercase: 3}\n");
  Diagnostics diags;
  CHECK_FALSE(load::load_layout(dir.write("l.yaml", yaml), diags));
  CHECK(diags.error_count() == 3);
}
