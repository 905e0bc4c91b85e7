// Hints for YAML slips, and no follow-on errors from the value they lost.
#include <doctest/doctest.h>

#include "detail/yaml_hints.h"
#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;

TEST_CASE("a colour lost to an unquoted # is one error, not one more per style that uses it") {
  Diagnostics d;
  auto layout = load::load_layout(std::string(GALLEY_SOURCE_DIR) + "/tests/hostile/support/unquoted-hash-layout.yaml", d);
  CHECK(d.error_count() == 1);
  CHECK(first_line(d).find("quote the colour: \"#eef7f4\"") != std::string::npos);
}

TEST_CASE("a real comment after a value is not a slip") {
  const std::string src = "a: 1 # one\nb:\n";
  YAML::Mark after_b;
  after_b.pos = static_cast<int>(src.size());
  after_b.line = 2;
  CHECK_FALSE(load::comment_slip(src, after_b));
  const std::string lost = "a: #abc\nb: 1\n";
  YAML::Mark next;
  next.pos = 8;
  next.line = 1;
  auto slip = load::comment_slip(lost, next);
  REQUIRE(slip);
  CHECK(slip->at.column == 3);
  CHECK(slip->hint == "`#` starts a comment in YAML; quote the colour: \"#abc\"");
}

TEST_CASE("indentation that matches a level above gets no hint") {
  const std::string src = "a:\n  b: 1\nc: [\n";
  YAML::Mark at;
  at.pos = 10;
  at.line = 2;
  CHECK(load::parse_error_hint(src, "end of map not found", at).empty());
}
