// The structure tree layout builds (layout/detail/structure.h): content order
// across flows and pages, one element per block wherever it is split, table
// headers repeated as artifacts, headings that skip a level.
#include <doctest/doctest.h>

#include "fixture.h"

using namespace galley;
using namespace fixture;
using K = model::BlockKind;

namespace {

// The elements whose marks appear on a page, in painting order (artifacts
// as -1), consecutive repeats folded.
std::vector<int64_t> marked(const layout::Page& page) {
  std::vector<int64_t> out;
  for (const auto& it : page.items)
    if (const auto* m = std::get_if<layout::Mark>(&it))
      if (out.empty() || out.back() != m->element) out.push_back(m->element);
  return out;
}

std::vector<std::string> roles(const layout::DisplayList& list) {
  std::vector<std::string> out;
  for (const auto& e : list.structure) out.push_back(e.role);
  return out;
}

}  // namespace

TEST_CASE("structure: flows in the content file's order, not the pages'") {
  model::Layout l = make_layout();
  // The second flow ("side") is placed on the first page, the first
  // ("main") on the second.
  add_master(l, "a", {frame("side", 20, 20, 360, 260)});
  add_master(l, "b", {frame("main", 20, 20, 360, 260)});
  l.sequence = {seq("a"), seq("b")};
  resolve::StyledDoc d = doc({heading("Main heading", 10), block(K::Paragraph, "Main text.", 11)});
  resolve::StyledDoc side = doc({block(K::Paragraph, "Side text.", 20)}, "side");
  d.flows.push_back(std::move(side.flows.front()));
  Result r = run(d, l);
  REQUIRE(r.list);
  CHECK(r.list->tagged);
  CHECK(roles(*r.list) == std::vector<std::string>{"H1", "P", "P"});
  CHECK(r.list->structure[2].line == 20);
  REQUIRE(r.list->pages.size() == 2);
  CHECK(marked(r.list->pages[0]) == std::vector<int64_t>{2});
  CHECK(marked(r.list->pages[1]) == std::vector<int64_t>{0, 1});
}

TEST_CASE("structure: a paragraph split across pages is one element") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 60)});
  l.sequence = {seq("p", true)};
  std::string text;
  for (int i = 0; i < 40; ++i) text += "words words ";
  Result r = run(doc({block(K::Paragraph, text, 10)}), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() > 1);
  CHECK(roles(*r.list) == std::vector<std::string>{"P"});
  for (const auto& page : r.list->pages) CHECK(marked(page) == std::vector<int64_t>{0});
}

TEST_CASE("structure: lists, tables with repeated headers as artifacts, figures, quotes") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 360, 120)});
  l.sequence = {seq("p", true)};
  resolve::Block list;
  list.kind = K::List;
  list.loc = {"content.yaml", 10, 3};
  for (const char* t : {"one", "two"}) list.items.push_back({"•", 0, para(t, body(), 11)});
  list.items.push_back({"–", 1, para("nested", body(), 12)});
  resolve::Block table;
  table.kind = K::Table;
  table.loc = {"content.yaml", 20, 3};
  table.figure.edit().header = {{para("Key", body(), 20)}, {para("Value", body(), 20)}};
  for (int i = 0; i < 12; ++i) table.figure.edit().rows.push_back({{para("k", body(), 21)}, {para("v", body(), 21)}});
  Result r = run(doc({list, table}), l);
  REQUIRE(r.list);
  const auto got = roles(*r.list);
  const std::vector<std::string> want_list{"L", "LI", "Lbl", "LBody", "LI", "Lbl", "LBody", "L", "LI", "Lbl", "LBody"};
  REQUIRE(got.size() > want_list.size() + 3);
  CHECK(std::vector<std::string>(got.begin(), got.begin() + 11) == want_list);
  CHECK(r.list->structure[7].parent == 4);  // the nested list is in the second item
  CHECK(got[11] == "Table");
  CHECK(got[12] == "THead");
  CHECK(r.list->structure[14].role == "TH");
  CHECK(r.list->structure[14].scope == "Column");
  // The table continues on a second page, where its header is drawn again,
  // as an artifact: the page's first marks are artifacts, then a TD.
  REQUIRE(r.list->pages.size() >= 2);
  const auto second = marked(r.list->pages.back());
  REQUIRE(second.size() >= 2);
  CHECK(second.front() == layout::Mark::kArtifact);
  int ths = 0;
  for (int64_t e : second) ths += e >= 0 && r.list->structure[static_cast<size_t>(e)].role == "TH";
  CHECK(ths == 0);
}

TEST_CASE("structure: a heading that skips a level is a warning at the heading") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 360, 260)});
  l.sequence = {seq("p")};
  Result r = run(doc({heading("Top", 10, 1), heading("Too deep", 11, 3)}), l);
  REQUIRE(r.list);
  CHECK(roles(*r.list) == std::vector<std::string>{"H1", "H3"});
  bool warned = false;
  for (const auto& d : r.diags.all())
    warned = warned || (d.loc.line == 11 && d.message.find("level 3 follows level 1") != std::string::npos);
  CHECK(warned);
}

TEST_CASE("structure: tagged: false makes an untagged list") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 360, 260)});
  l.sequence = {seq("p")};
  l.output.tagged = false;
  Result r = run(doc({block(K::Paragraph, "Text.", 10)}), l);
  REQUIRE(r.list);
  CHECK_FALSE(r.list->tagged);
  CHECK(r.list->structure.empty());
}

TEST_CASE("structure: a list of more distinct languages than 16 bits number keeps each element's own") {
  // A content may give every paragraph a language of its own; the list
  // numbers the distinct ones.
  layout::StructureList list;
  constexpr int kCount = 70000;
  for (int i = 0; i < kCount; ++i) {
    layout::StructElement e;
    e.role = i % 2 ? "P" : "H2";
    e.parent = i - 1;
    e.lang = "x-" + std::to_string(i);
    e.loc = SourceLoc{i % 3 ? "a.yaml" : "b.md", i + 1, 1};
    list.push_back(e);
  }
  REQUIRE(list.size() == size_t{kCount});
  for (int i : {0, 1, 65535, 65536, 65537, kCount - 1}) {
    const auto e = list[static_cast<size_t>(i)];
    CHECK(e.lang == "x-" + std::to_string(i));
    CHECK(e.role == (i % 2 ? "P" : "H2"));
    CHECK(e.parent == i - 1);
    CHECK(e.loc().file == (i % 3 ? "a.yaml" : "b.md"));
    CHECK(e.line == i + 1);
  }
}
