#include <doctest/doctest.h>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;

namespace {
struct Pair {
  std::optional<model::Document> doc;
  std::optional<model::Layout> layout;
  Diagnostics diags;
};

Pair load_pair(const TempDir& dir, const std::string& content, const std::string& layout_extra = "") {
  Pair p;
  dir.write("l.yaml", minimal_layout(layout_extra));
  p.doc = load::load_document(dir.write("c.yaml", content), p.diags);
  REQUIRE(p.doc);
  p.layout = load::load_layout(p.doc->layout_path, p.diags);
  REQUIRE(p.layout);
  load::cross_check(*p.doc, *p.layout, p.diags);
  return p;
}
}  // namespace

TEST_CASE("block styles must exist in the layout") {
  TempDir dir;
  auto p = load_pair(dir, "galley: 1\nlayout: l.yaml\nflows:\n  main:\n    - {paragraph: a, style: bdy}\n"
                          "    - {paragraph: b, style: body}\n    - {callout: {text: c, style: highlight}}\n");
  CHECK(lines(p.diags) == std::vector<std::string>{
            dir.path("c.yaml") + ":5:29: error: unknown style 'bdy' (did you mean 'body'?)",
            dir.path("c.yaml") + ":7:34: error: unknown style 'highlight' (the layout " + dir.path("l.yaml") +
                " does not define it)",
        });
}

TEST_CASE("flows the layout never places, and frames whose flow is missing, are warnings") {
  TempDir dir;
  auto p = load_pair(dir, "galley: 1\nlayout: l.yaml\nflows:\n  mian: [paragraph: a]\n");
  CHECK_FALSE(p.diags.has_errors());
  CHECK(lines(p.diags) == std::vector<std::string>{
            dir.path("l.yaml") + ":9:33: warning: frame 'body' places flow 'main', which " + dir.path("c.yaml") +
                " does not have; the frame stays empty (did you mean 'mian'?)",
            dir.path("c.yaml") + ":4:3: warning: flow 'mian' is placed by no frame of " + dir.path("l.yaml") +
                "; its content will not be printed",
        });
}

TEST_CASE("a clean pair gives no diagnostics") {
  TempDir dir;
  auto p = load_pair(dir, "galley: 1\nlayout: l.yaml\nflows:\n  main: [{paragraph: a, style: body}]\n");
  CHECK(p.diags.all().empty());
}

TEST_CASE("omit-flows silences the warning for flows a layout leaves out on purpose") {
  TempDir dir;
  auto p = load_pair(dir, "galley: 1\nlayout: l.yaml\nflows:\n  main: [paragraph: a]\n  long: [paragraph: b]\n",
                     "omit-flows: [long]\n");
  CHECK(p.diags.all().empty());
  CHECK(p.layout->omit_flows == std::vector<std::string>{"long"});
}
