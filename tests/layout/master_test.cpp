// Master decoration: background into the bleed, fixed elements, and footer
// text with {{page}} and {{pages}}, drawn under the flow content.
#include <doctest/doctest.h>

#include <memory>

#include "fixture.h"
#include "resolve/resolve.h"

using namespace galley;
using namespace fixture;

namespace {

// A footer text element at layout.yaml line 30, the line the tests look for.
model::Element footer_text(const std::string& value) {
  model::Element footer;
  footer.kind = model::Element::Kind::Text;
  footer.x = pt(20), footer.y = pt(280), footer.width = pt(360);
  footer.text.value = value;
  footer.text.loc = {"/tmp/layout.yaml", 30, 13};
  return footer;
}

}  // namespace

TEST_CASE("background, bleed elements and page-numbered footers") {
  model::Layout l = make_layout();
  l.page.bleed = 9;
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  model::Master& m = l.masters["inside"];
  m.background = model::Color::gray(0.95);
  model::Element band;
  band.kind = model::Element::Kind::Rect;
  band.x = pt(0), band.y = pt(0), band.width = pt(400), band.height = pt(10);
  band.fill = model::Color::black();
  band.bleed = true;
  m.elements.push_back(band);
  model::Element rule;
  rule.kind = model::Element::Kind::Line;
  rule.x = pt(20), rule.y = pt(15), rule.width = pt(360), rule.height = pt(0);
  rule.stroke = model::Color::gray(0.5);
  rule.stroke_width = 0.5;
  m.elements.push_back(rule);
  m.footer = footer_text("Page {{page}} of {{pages}}");
  l.sequence = {seq("inside", true)};
  std::vector<resolve::Block> b;
  for (int i = 0; i < 15; ++i) b.push_back(block(model::BlockKind::Paragraph, "Line", 100 + i));
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  const auto& p = r.list->pages[1];
  REQUIRE(p.items.size() >= 4);
  // Master furniture is an artifact in the structure tree.
  const auto* artifact = std::get_if<layout::Mark>(&p.items[0]);
  REQUIRE(artifact);
  CHECK(artifact->element == layout::Mark::kArtifact);
  const auto* bg = std::get_if<layout::Rect>(&p.items[1]);
  REQUIRE(bg);
  CHECK(bg->x == -9);
  CHECK(bg->w == 418);
  const auto* bar = std::get_if<layout::Rect>(&p.items[2]);
  REQUIRE(bar);
  CHECK(bar->x == -9);
  CHECK(bar->y == -9);
  CHECK(bar->w == 418);
  CHECK(bar->h == 19);
  const auto footer_runs = runs_of(p, 30);
  REQUIRE(!footer_runs.empty());
  std::string text;
  for (const auto* g : footer_runs)
    for (const auto& c : g->clusters)
      if (g->text_of(c) != " ") text += g->text_of(c);
  CHECK(text == "Page2of2");
  CHECK(footer_runs[0]->y > 280);
  CHECK(p.label == "2");
  const auto* line = std::get_if<layout::Path>(&p.items[3]);
  REQUIRE(line);
  REQUIRE(line->ops.size() == 2);
  CHECK(line->ops[1].x == 380);
  const std::string json = layout::to_json(*r.list);
  CHECK(json.find("{\"kind\":\"path\",\"ops\":[[\"M\",20,15],[\"L\",380,15]]") != std::string::npos);
  CHECK(json.find("\"kind\":\"rect\",\"x\":-9,\"y\":-9,\"w\":418") != std::string::npos);
}

TEST_CASE("a problem in master text is reported once, not on every page") {
  model::Layout l = make_layout();
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  l.masters["inside"].footer = footer_text("{{undefined_name}}");
  l.sequence = {seq("inside", false, 3)};
  Result r = run(doc({}), l);
  CHECK(!r.list);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].loc.line == 30);
}

TEST_CASE("master text takes the layout's character styles") {
  model::Layout l = make_layout();
  model::Style strong;
  strong.name = "strong";
  strong.bold = true;
  strong.size = 15;
  l.styles["strong"] = strong;
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  l.masters["inside"].footer = footer_text("Page **{{page}}**");
  l.sequence = {seq("inside", false, 1)};
  Result r = run(doc({}), l);
  REQUIRE(r.list);
  bool strong_page_number = false;
  for (const auto* g : runs_of(r.list->pages[0], 30))
    for (const auto& c : g->clusters)
      if (g->text_of(c) == "1") strong_page_number = g->size == 15;
  CHECK(strong_page_number);
}

namespace {

// The text a master element at `line` set on page `p`, spaces left out.
std::string text_at(const layout::Page& p, int line) {
  std::string text;
  for (const auto* g : runs_of(p, line))
    for (const auto& c : g->clusters)
      if (g->text_of(c) != " ") text += g->text_of(c);
  return text;
}

}  // namespace

TEST_CASE("running heads: the heading in force on each page and the first that starts on it") {
  model::Layout l = make_layout();
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  l.masters["inside"].header = footer_text("{{chapter}}|{{chapter-first}}|{{section}}|{{section-first}}");
  l.running_heads.chapter = 1;
  l.running_heads.section = 2;
  l.sequence = {seq("inside", true)};
  auto page_break = [](int line) {
    resolve::Block b = block(model::BlockKind::Break, "", line);
    b.break_kind = model::BreakKind::Page;
    return b;
  };
  Result r = run(doc({heading("Alpha", 10), block(model::BlockKind::Paragraph, "Text", 11),
                      heading("Alpha one", 12, 2), page_break(13), block(model::BlockKind::Paragraph, "More", 14),
                      page_break(15), heading("Beta", 16), heading("Beta one", 17, 2), heading("Beta two", 18, 2),
                      block(model::BlockKind::Paragraph, "Text", 19), page_break(20), heading("Gamma", 21),
                      block(model::BlockKind::Paragraph, "Text", 22)}),
                 l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 4);
  CHECK(text_at(r.list->pages[0], 30) == "Alpha|Alpha|Alphaone|Alphaone");
  // Nothing starts on page 2: both are what is in force.
  CHECK(text_at(r.list->pages[1], 30) == "Alpha|Alpha|Alphaone|Alphaone");
  CHECK(text_at(r.list->pages[2], 30) == "Beta|Beta|Betatwo|Betaone");
  // A new chapter has no section until its first.
  CHECK(text_at(r.list->pages[3], 30) == "Gamma|Gamma||");
}

TEST_CASE("running heads follow level 1 unless the layout says otherwise") {
  model::Layout l = make_layout();
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  l.masters["inside"].footer = footer_text("{{section}} · {{page}}/{{pages}}");
  l.sequence = {seq("inside", true)};
  resolve::Block page_break = block(model::BlockKind::Break, "", 12);
  Result r = run(doc({heading("One", 10), heading("Sub", 11, 2), page_break, heading("Two", 13)}), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  CHECK(text_at(r.list->pages[0], 30) == "One·1/2");
  CHECK(text_at(r.list->pages[1], 30) == "Two·2/2");
}

TEST_CASE("master text that adds much on every page is stopped by the document's budget") {
  model::Layout l = make_layout();
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});
  l.masters["inside"].footer = footer_text("{{long}}");
  l.sequence = {seq("inside", false, 5)};
  resolve::StyledDoc d = doc({});
  d.variables["long"] = std::string(500000, 'x');
  Result r = run(d, l);
  CHECK_FALSE(r.list);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].message.find("more than the 2 MiB") != std::string::npos);
}
