#include <doctest/doctest.h>

#include <algorithm>

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

TEST_CASE("a content file that is not valid YAML still has its layout's problems reported, found from its layout: line") {
  TempDir dir;
  dir.write("sub/l.yaml", "galley: 1\npage: {size: a5}\ncolors:\n  tint: #eef7f4\n");
  for (const std::string line : {"layout: sub/l.yaml", "layout: \"sub/l.yaml\"  # the look"}) {
    INFO(line);
    const std::string content = dir.write("c.yaml", "galley: 1\n" + line + "\nflows:\n  main:\n    - paragraph: Hello: world\n");
    Diagnostics found, diags;
    const auto d = load::load_descriptors(content, "", found);
    load::append_in_file_order(found, diags, {content});
    CHECK_FALSE(d.doc);
    const std::vector<std::string> got = lines(diags);
    REQUIRE(got.size() >= 2);
    CHECK(got[0].find(dir.path("c.yaml") + ":5:23: error: malformed YAML") == 0);
    const std::string colour = dir.path("sub/l.yaml") +
                               ":4:9: error: expected a colour for colour 'tint', found nothing: `#` starts a comment "
                               "in YAML; quote the colour: \"#eef7f4\"";
    CHECK(std::find(got.begin(), got.end(), colour) != got.end());
  }
}

// The layout is parsed ahead, on a second thread, from the content's
// `layout:` line as read line by line; the content's YAML decides.
TEST_CASE("the layout loaded is the one the content's YAML names, not the line's raw text") {
  TempDir dir;
  dir.write("l.yaml", minimal_layout());
  dir.write("l\\x2eyaml", "galley: 1\npage: {size: a5}\ncolors:\n  tint: #eef7f4\n");
  const std::string content =
      dir.write("c.yaml", "galley: 1\nlayout: \"l\\x2eyaml\"\nflows:\n  main: [{paragraph: a, style: body}]\n");
  for (const std::string& given : {std::string(), dir.path("l.yaml")}) {
    INFO(given);
    Diagnostics found;
    const auto d = load::load_descriptors(content, given, found);
    CHECK(lines(found) == std::vector<std::string>{});
    REQUIRE(d.layout);
    CHECK(d.layout->path == dir.path("l.yaml"));
  }
}
