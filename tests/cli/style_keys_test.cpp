// model/style_keys.h: every plain and character style key, declared once,
// is read by the loader, inherited along `base:` and lands in the resolved
// style; a character key also reaches each run and a character style. Lives
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
std::string yaml_value(const T& fallback, model::StyleRead read) {
  if constexpr (std::is_same_v<T, bool>) {
    if (read.kind == model::StyleRead::Choice) return fallback ? read.no : read.yes;
    return fallback ? "false" : "true";
  } else if constexpr (std::is_same_v<T, int>) {
    return fallback == 3 ? "4" : "3";
  } else if constexpr (std::is_same_v<T, double>) {
    if (read.kind == model::StyleRead::Number) return fallback == 7 ? "8" : "7";
    return fallback == 7 ? "8pt" : "7pt";
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (read.kind == model::StyleRead::Font) return "Alt";
    return fallback == "de" ? "fr" : "de";
  } else {
    return "[smcp]";
  }
}
template <class T>
T value(const T& fallback, model::StyleRead read) {
  if constexpr (std::is_same_v<T, bool>) return !fallback;
  else if constexpr (std::is_same_v<T, int>) return fallback == 3 ? 4 : 3;
  else if constexpr (std::is_same_v<T, double>) return fallback == 7 ? 8 : 7;
  else if constexpr (std::is_same_v<T, std::string>)
    return read.kind == model::StyleRead::Font ? "Alt" : fallback == "de" ? "fr" : "de";
  else return {"smcp"};
}
}  // namespace

TEST_CASE("every plain and character style key is read, inherited along base: and resolved") {
  std::string keys;
#define GALLEY_STYLE_YAML(key, member, type, fallback, read) \
  keys += std::string(keys.empty() ? "" : ", ") + key + ": " + yaml_value<type>(fallback, read);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_YAML)
#undef GALLEY_STYLE_YAML
  TempDir dir;
  std::string yaml = minimal_layout();
  yaml.replace(yaml.find("  body: {font: Noto Serif, size: 10pt}\n"), 38,
               "  body: {font: Noto Serif, size: 10pt}\n  set: {" + keys + "}\n"
               "  child: {base: set}\n  strong: {base: set}\n  plain: {font: Noto Serif}");
  yaml.replace(yaml.find("styles:\n"), 8, "  Alt: {regular: " + font("NotoSerif-Regular.ttf") + "}\nstyles:\n");
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
#define GALLEY_STYLE_CHECK(key, member, type, fallback, read)             \
  CHECK_MESSAGE(resolve::ParaStyle{}.member == (fallback), key);          \
  CHECK_MESSAGE(plain->member == (fallback), key);                        \
  CHECK_MESSAGE(set->member == value<type>(fallback, read), key);         \
  CHECK_MESSAGE(child->member == value<type>(fallback, read), key);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_CHECK)
#undef GALLEY_STYLE_CHECK
  // A character key reaches a run of the paragraph's style, and a
  // character style (`strong`) that sets it overrides it in the run.
  resolve::CharStyle strong = resolve::char_style(*plain);
  cascade.apply("strong", strong);
#define GALLEY_STYLE_CHECK(key, member, type, fallback, read)             \
  CHECK_MESSAGE(resolve::CharStyle{}.member == (fallback), key);          \
  CHECK_MESSAGE(resolve::char_style(*set).member == set->member, key);    \
  CHECK_MESSAGE(strong.member == value<type>(fallback, read), key);
  GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_CHECK)
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
