// lay_out() end to end on hand-built styled documents: sequence, frames,
// pagination rules and every block kind, checked on the display list.
#include <doctest/doctest.h>
#include <png.h>
#include <qrencode.h>

#include <algorithm>
#include <map>
#include <set>

#include "fixture.h"
#include "detail/qr_codes.h"

using namespace galley;
using namespace fixture;
using K = model::BlockKind;

namespace {

std::vector<resolve::Block> one_liners(int n, int first_line = 100) {
  std::vector<resolve::Block> v;
  for (int i = 0; i < n; ++i) v.push_back(block(K::Paragraph, "Line " + std::to_string(i), first_line + i));
  return v;
}

// Distinct baselines of the runs from a source line.
std::set<double> baselines(const layout::Page& p, int line) {
  std::set<double> ys;
  for (const auto* g : runs_of(p, line)) ys.insert(g->y);
  return ys;
}

std::string long_text(int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += (i ? " " : "") + std::string(i % 3 ? "words" : "typeset");
  return s;
}

}  // namespace

TEST_CASE("until-empty adds pages while the flow has content; fixed masters once") {
  model::Layout l = make_layout();
  add_master(l, "cover", {});
  add_master(l, "inside", {frame("main", 20, 20, 300, 120)});  // 10 lines of 12 pt
  l.sequence = {seq("cover"), seq("inside", true), seq("cover")};
  Result r = run(doc(one_liners(35)), l);
  REQUIRE(r.list);
  CHECK(r.list->pages.size() == 1 + 4 + 1);
  CHECK(r.list->pages[1].master == "inside");
  CHECK(r.list->pages[4].label == "5");
  CHECK(run_texts(r.list->pages[4]).size() == 5);
  // An empty flow still gets one page of an until-empty master.
  Result e = run(doc({}), l);
  REQUIRE(e.list);
  CHECK(e.list->pages.size() == 3);
}

TEST_CASE("page boxes: trim, bleed, media with the slug only when marks are asked") {
  model::Layout l = make_layout();
  l.page.bleed = 9;
  l.page.slug = 18;
  add_master(l, "p", {});
  l.sequence = {seq("p")};
  Result r = run(doc({}), l);
  REQUIRE(r.list);
  const auto& p = r.list->pages[0];
  CHECK(p.trim.w == 400);
  CHECK(p.bleed.x == -9);
  CHECK(p.bleed.w == 418);
  CHECK(p.media.w == 418);
  l.page.crop_marks = true;
  Result m = run(doc({}), l);
  REQUIRE(m.list);
  CHECK(m.list->pages[0].media.x == -27);
  CHECK(m.list->crop_marks);
}

TEST_CASE("columns fill left to right, then the next page") {
  model::Layout l = make_layout();
  add_master(l, "inside", {frame("main", 20, 20, 312, 120, 2, 12)});
  l.sequence = {seq("inside", true)};
  Result r = run(doc(one_liners(25)), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  const auto& p = r.list->pages[0];
  CHECK(runs_of(p, 100)[0]->x == doctest::Approx(20));
  CHECK(runs_of(p, 109)[0]->x == doctest::Approx(20));
  CHECK(runs_of(p, 110)[0]->x == doctest::Approx(20 + 150 + 12));
  CHECK(runs_of(p, 110)[0]->y == doctest::Approx(runs_of(p, 100)[0]->y));
  CHECK(runs_of(r.list->pages[1], 120).size() == 1);
}

TEST_CASE("first baseline: half-leading model; space before dropped at the frame top") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 30, 300, 200)});
  l.sequence = {seq("p")};
  auto b = one_liners(2);
  b[0].paras[0].style.edit().space_before = 40;
  b[1].paras[0].style.edit().space_before = 40;
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  const double y0 = runs_of(r.list->pages[0], 100)[0]->y;
  const double y1 = runs_of(r.list->pages[0], 101)[0]->y;
  // Noto Serif: ascender 1.069, descender 0.293 per em (hhea).
  CHECK(y0 > 30 + 9);
  CHECK(y0 < 30 + 12);
  CHECK(y1 - y0 == doctest::Approx(12 + 40));
}

TEST_CASE("a heading is never the last thing in a column") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 120)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(8);  // 96 pt; a heading (10 + 16) would fit, its next lines not
  b.push_back(heading("Program overview", 50));
  b.push_back(block(K::Paragraph, long_text(40), 60));
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() >= 2);
  CHECK(runs_of(r.list->pages[0], 50).empty());
  REQUIRE(runs_of(r.list->pages[1], 50).size() == 1);
  CHECK(baselines(r.list->pages[1], 60).size() >= 2);
  // At the top of the page, the heading's space before is dropped too.
  CHECK(runs_of(r.list->pages[1], 50)[0]->y < 20 + 16);
  // Headings give an outline entry and a destination.
  REQUIRE(r.list->outline.size() == 1);
  CHECK(r.list->outline[0].title == "Program overview");
  CHECK(r.list->outline[0].page == 1);
  REQUIRE(r.list->pages[1].destinations.size() == 1);
  CHECK(r.list->pages[1].destinations[0].name == "program-overview");
}

TEST_CASE("widows and orphans: a split paragraph keeps two lines on each side") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 120)});
  l.sequence = {seq("p", true)};
  for (int before = 5; before <= 9; ++before) {
    auto b = one_liners(before);
    b.push_back(block(K::Paragraph, long_text(60), 60));
    Result r = run(doc(b), l);
    REQUIRE(r.list);
    int total = 0;
    for (const auto& p : r.list->pages) {
      const auto n = baselines(p, 60).size();
      total += static_cast<int>(n);
      if (n > 0) CHECK(n >= 2);
    }
    CHECK(total >= 5);
  }
}

TEST_CASE("a 300-row table splits between rows and repeats its header on every page") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 360, 260)});
  l.sequence = {seq("p", true)};
  resolve::Block t;
  t.kind = K::Table;
  t.loc = {"content.yaml", 70, 3};
  t.figure.edit().header = {{para("Year", body(), 71)}, {para("Focus", body(), 71)}};
  for (int i = 0; i < 300; ++i)
    t.figure.edit().rows.push_back({{para("PGY-" + std::to_string(i), body(), 1000 + i)},
                      {para("Rotation " + std::to_string(i), body(), 1000 + i)}});
  resolve::ParaStyle rules;
  rules.border = model::Color::black();
  rules.border_width = 0.5;
  rules.background = model::Color::gray(0.9);
  t.box = std::make_shared<const resolve::ParaStyle>(rules);
  Result r = run(doc({t}), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() > 5);
  std::map<int, int> row_page;
  for (size_t pi = 0; pi < r.list->pages.size(); ++pi) {
    const auto& p = r.list->pages[pi];
    CHECK(runs_of(p, 71).size() == 2);  // the header, once per page
    const double header_y = runs_of(p, 71)[0]->y;
    for (int i = 0; i < 300; ++i) {
      const auto cells = runs_of(p, 1000 + i);
      if (cells.empty()) continue;
      CHECK(cells.size() == 2);                  // never split
      CHECK(cells[0]->y == cells[1]->y);
      CHECK(cells[0]->y > header_y);
      CHECK(row_page.emplace(i, static_cast<int>(pi)).second);
    }
  }
  CHECK(row_page.size() == 300);
  // Zebra rows: some rect is filled with the table's background.
  int zebra = 0;
  for (const auto& it : r.list->pages[0].items)
    if (const auto* rc = std::get_if<layout::Rect>(&it))
      if (rc->fill && rc->fill->v[0] == doctest::Approx(0.9)) ++zebra;
  CHECK(zebra > 0);
}

TEST_CASE("a table header is never left alone at a page foot") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 360, 120)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(8);
  resolve::Block t;
  t.kind = K::Table;
  t.loc = {"content.yaml", 70, 3};
  t.figure.edit().header = {{para("Year", body(), 71)}};
  for (int i = 0; i < 3; ++i) t.figure.edit().rows.push_back({{para("Row", body(), 80 + i)}});
  b.push_back(t);
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  CHECK(runs_of(r.list->pages[0], 71).empty());
}

TEST_CASE("images keep their aspect, take the column width, and never split") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 200)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(10);  // 120 pt used; the 100 pt image does not fit below
  resolve::Block im;
  im.kind = K::Image;
  im.loc = {"content.yaml", 90, 3};
  im.figure.edit().src = write_png(40, 20);
  im.figure.edit().alt = "Campus";
  b.push_back(im);
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  const layout::Image* found = nullptr;
  for (const auto& it : r.list->pages[1].items)
    if (const auto* i = std::get_if<layout::Image>(&it)) found = i;
  REQUIRE(found);
  CHECK(found->w == doctest::Approx(200));
  CHECK(found->h == doctest::Approx(100));
  CHECK(found->y == doctest::Approx(20));
  CHECK(found->alt == "Campus");
  CHECK(found->pixel_width == 40);
}

TEST_CASE("a callout is a box with background and border around its text, never split") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 120)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(7);
  resolve::Block c = block(K::Callout, "Apply by October 1 through ERAS.", 95);
  c.paras.push_back(para("Interviews are held in person.", body(), 96));
  resolve::ParaStyle framed;
  framed.background = model::Color::gray(0.8);
  framed.border = model::Color::black();
  framed.border_width = 1;
  framed.padding = 6;
  c.box = std::make_shared<const resolve::ParaStyle>(framed);
  b.push_back(c);
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);  // 84 + 2*7 + 24 > 120: moves whole
  const auto& p = r.list->pages[1];
  const layout::Rect* box = nullptr;
  for (const auto& it : p.items)
    if (const auto* rc = std::get_if<layout::Rect>(&it)) box = rc;
  REQUIRE(box);
  CHECK(box->fill->v[0] == doctest::Approx(0.8));
  CHECK(box->h == doctest::Approx(24 + 12 + 2 - 1));
  REQUIRE(runs_of(p, 95).size() == 1);
  CHECK(runs_of(p, 95)[0]->x == doctest::Approx(20 + 7));
  CHECK(runs_of(p, 96).size() == 1);
}

TEST_CASE("qr: vector modules, one rect per horizontal run, quiet zone") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 250)});
  l.sequence = {seq("p")};
  resolve::Block q;
  q.kind = K::Qr;
  q.loc = {"content.yaml", 99, 3};
  q.figure.edit().data = "https://college.mayo.edu/";
  q.figure.edit().qr_size = 100;
  Result r = run(doc({q}), l);
  REQUIRE(r.list);
  QRcode* code = QRcode_encodeString(q.figure->data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  REQUIRE(code);
  const int n = code->width;
  int dark = 0, runs = 0;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      const bool d = code->data[y * n + x] & 1;
      dark += d;
      runs += d && (x == 0 || !(code->data[y * n + x - 1] & 1));
    }
  QRcode_free(code);
  const double module = 100.0 / (n + 8);
  double area = 0;
  int black = 0;
  double min_x = 1e9;
  for (const auto& it : r.list->pages[0].items)
    if (const auto* rc = std::get_if<layout::Rect>(&it))
      if (rc->fill && rc->fill->v[0] == 0) {
        ++black;
        area += rc->w * rc->h;
        min_x = std::min(min_x, rc->x);
      }
  CHECK(black == runs);
  CHECK(area == doctest::Approx(dark * module * module));
  CHECK(min_x == doctest::Approx(20 + 4 * module));
  // One figure, read as what the code encodes, covers the quiet zone and
  // every module and nothing else.
  const auto& items = r.list->pages[0].items;
  const auto figure = std::find_if(items.begin(), items.end(),
                                   [](const layout::Item& it) { return std::holds_alternative<layout::Figure>(it); });
  REQUIRE(figure != items.end());
  const auto& f = std::get<layout::Figure>(*figure);
  CHECK(f.alt == "QR code: https://college.mayo.edu/");
  CHECK(f.items == static_cast<uint32_t>(black + 1));
  CHECK(f.loc.line == 99);
  CHECK(static_cast<size_t>(figure - items.begin()) + 1 + f.items == items.size());
}

TEST_CASE("overset is an error naming the flow and the first block that did not fit") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 60)});
  l.sequence = {seq("p")};
  auto b = one_liners(5);
  b.push_back(block(K::Paragraph, "The field of interventional radiology", 77));
  Result r = run(doc(b), l);
  CHECK(!r.list);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(format(r.diags.all()[0]) ==
        "content.yaml:77:3: error: overset: flow 'main' does not fit; first block that did not fit: "
        "paragraph \"The field of…\"");
}

TEST_CASE("copy-fit shrinks the flow until it fits and reports the scale") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 120)});
  l.sequence = {seq("p")};
  model::FitRule rule;
  rule.flow = "main";
  rule.shrink_to = 6;
  rule.loc = {"/tmp/layout.yaml", 50, 7};
  l.fit.push_back(rule);
  Result r = run(doc(one_liners(13)), l);  // 13 lines of 12 pt in 120 pt
  REQUIRE(r.list);
  CHECK(r.list->pages.size() == 1);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].severity == Severity::Note);  // --strict leaves it alone
  const std::string msg = r.diags.all()[0].message;
  CHECK(msg.rfind("flow 'main' copy-fitted at ", 0) == 0);
  const double pct = std::stod(msg.substr(std::string("flow 'main' copy-fitted at ").size()));
  CHECK(pct < 100 * 10.0 / 13 + 0.2);
  CHECK(pct > 100 * 10.0 / 13 - 2);
  CHECK(runs_of(r.list->pages[0], 112).size() == 1);
  CHECK(runs_of(r.list->pages[0], 112)[0]->size < 10);
  // Too much to fit even at the minimum: overset after all.
  Result o = run(doc(one_liners(40)), l);
  CHECK(!o.list);
}

TEST_CASE("balance evens out the columns of the last frame") {
  model::Layout l = make_layout();
  model::Frame f = frame("main", 20, 20, 312, 240, 2, 12);
  f.balance = true;
  add_master(l, "p", {f});
  l.sequence = {seq("p")};
  Result r = run(doc(one_liners(12)), l);
  REQUIRE(r.list);
  const auto& p = r.list->pages[0];
  CHECK(runs_of(p, 105)[0]->x == doctest::Approx(20));
  CHECK(runs_of(p, 106)[0]->x == doctest::Approx(182));
  CHECK(runs_of(p, 106)[0]->y == doctest::Approx(runs_of(p, 100)[0]->y));
}

TEST_CASE("breaks: page and column") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 312, 240, 2, 12)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(2);
  resolve::Block col;
  col.kind = K::Break;
  col.break_kind = model::BreakKind::Column;
  resolve::Block page = col;
  page.break_kind = model::BreakKind::Page;
  b.insert(b.begin() + 1, col);
  b.push_back(page);
  b.push_back(block(K::Paragraph, "After", 300));
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  CHECK(runs_of(r.list->pages[0], 101)[0]->x == doctest::Approx(182));
  CHECK(runs_of(r.list->pages[1], 300).size() == 1);
}

TEST_CASE("a frame break skips the rest of a two-column frame for the next frame on the page") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 312, 100, 2, 12), frame("main", 20, 200, 312, 100)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(1);
  resolve::Block brk;
  brk.kind = K::Break;
  brk.break_kind = model::BreakKind::Frame;
  b.push_back(brk);
  b.push_back(block(K::Paragraph, "After", 300));
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 1);
  const auto after = runs_of(r.list->pages[0], 300);
  REQUIRE(after.size() == 1);
  CHECK(after[0]->x == doctest::Approx(20));  // not the first frame's second column
  CHECK(after[0]->y > 200);
}

TEST_CASE("lists: markers right-aligned in the hanging indent, items nested") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 240)});
  l.sequence = {seq("p")};
  resolve::Block list;
  list.kind = K::List;
  list.loc = {"content.yaml", 120, 3};
  list.items.push_back({"•", 0, para("High-volume experience", body(), 121)});
  list.items.push_back({"1.", 1, para("Nested item", body(), 122)});
  Result r = run(doc({list}), l);
  REQUIRE(r.list);
  const auto top = runs_of(r.list->pages[0], 121);
  const auto nested = runs_of(r.list->pages[0], 122);
  REQUIRE(top.size() == 2);  // text, then marker
  REQUIRE(nested.size() == 2);
  CHECK(top[0]->x == doctest::Approx(20 + 15));
  CHECK(nested[0]->x == doctest::Approx(20 + 30));
  CHECK(top[1]->x < top[0]->x);
  CHECK(nested[1]->x > top[0]->x - 1);
  CHECK(top[1]->y == top[0]->y);
}

TEST_CASE("toc: entries get the printed page numbers of their headings") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 120)});
  l.sequence = {seq("p", true)};
  resolve::Block toc;
  toc.kind = K::Toc;
  toc.loc = {"content.yaml", 10, 3};
  toc.box = std::make_shared<const resolve::ParaStyle>(body());
  resolve::Block brk;
  brk.kind = K::Break;
  std::vector<resolve::Block> b{toc, brk, heading("Alpha", 11)};
  for (auto& x : one_liners(12, 200)) b.push_back(x);
  b.push_back(heading("Gamma", 12));
  b.push_back(block(K::Paragraph, "Last words here.", 13));
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 3);
  const auto texts = run_texts(r.list->pages[0]);
  std::string all;
  for (const auto& t : texts) all += t + "|";
  CHECK(all.find("Alpha|") != std::string::npos);
  CHECK(all.find("|2|") != std::string::npos);
  CHECK(all.find("Gamma|") != std::string::npos);
  CHECK(all.find("|3|") != std::string::npos);
  CHECK(all.find("..") != std::string::npos);  // leaders
  int internal = 0;
  for (const auto& link : r.list->pages[0].links) internal += link.dest == "alpha" || link.dest == "gamma";
  CHECK(internal == 2);
}

TEST_CASE("links: URI runs become link areas; fonts are listed once per face") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 120)});
  l.sequence = {seq("p")};
  resolve::Block p = block(K::Paragraph, "", 30);
  p.paras.push_back(para("Apply online", body(), 30, "https://college.mayo.edu"));
  auto bold = body();
  bold.bold = true;
  Result r = run(doc({p, block(K::Paragraph, "Bold", 31, bold)}), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages[0].links.size() == 1);
  CHECK(r.list->pages[0].links[0].uri == "https://college.mayo.edu");
  CHECK(r.list->pages[0].links[0].w > 20);
  REQUIRE(r.list->fonts.size() == 2);
  CHECK(!r.list->fonts[0].bold);
  CHECK(r.list->fonts[1].bold);
  CHECK(runs_of(r.list->pages[0], 31)[0]->font == 1);
}

TEST_CASE("to_json is stable, rounded, and names every part") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20.123456, 300, 120)});
  l.sequence = {seq("p")};
  auto d = doc(one_liners(2));
  d.variables["meta.title"] = "IR \"Residency\"";
  Result a = run(d, l), b = run(d, l);
  REQUIRE(a.list);
  REQUIRE(b.list);
  const std::string ja = layout::to_json(*a.list);
  CHECK(ja == layout::to_json(*b.list));
  CHECK(a.list->source_hash.size() == 16);
  CHECK(ja.find("\"title\":\"IR \\\"Residency\\\"\"") != std::string::npos);
  CHECK(ja.find("\"kind\":\"glyphs\"") != std::string::npos);
  CHECK(ja.find("\"trim\":[0,0,400,300]") != std::string::npos);
  CHECK(ja.find("20.123") == std::string::npos);
  d.flows[0].blocks[0].paras[0].runs[0].text = "Changed";
  CHECK(run(d, l).list->source_hash != a.list->source_hash);
}

TEST_CASE("an image taller than the column shrinks to fit it") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 150)});
  l.sequence = {seq("p", true)};
  resolve::Block im;
  im.kind = K::Image;
  im.loc = {"content.yaml", 90, 3};
  im.figure.edit().src = write_png(20, 40);  // 200 x 400 at full width
  Result r = run(doc({im}), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 1);
  // The image's Figure element opens before it.
  REQUIRE(std::holds_alternative<layout::Mark>(r.list->pages[0].items.at(0)));
  const auto* img = std::get_if<layout::Image>(&r.list->pages[0].items.at(1));
  REQUIRE(img);
  CHECK(img->h == doctest::Approx(150));
  CHECK(img->w == doctest::Approx(75));
  CHECK(img->x == doctest::Approx(20 + 62.5));
  REQUIRE(r.diags.all().size() == 1);  // only the page count of until-empty
  CHECK(format(r.diags.all()[0]) == "/tmp/layout.yaml:40:5: note: repeat: until-empty made 1 page of master 'p'; the document has 1 page");
}

TEST_CASE("toc: entries follow page order across flows; unplaced flows are left out") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("side", 20, 20, 100, 200), frame("main", 140, 20, 200, 200)});
  l.sequence = {seq("p")};
  resolve::Block toc;
  toc.kind = K::Toc;
  toc.loc = {"content.yaml", 10, 3};
  toc.box = std::make_shared<const resolve::ParaStyle>(body());
  resolve::StyledDoc d = doc({toc, heading("Zeta", 11)});
  resolve::Flow side;
  side.name = "side";
  side.blocks = {heading("Alpha", 12)};
  resolve::Flow hidden;
  hidden.name = "hidden";
  hidden.blocks = {heading("Secret", 13)};
  d.flows.insert(d.flows.begin(), hidden);
  d.flows.push_back(side);
  Result r = run(d, l);
  REQUIRE(r.list);
  std::string toc_text;
  for (const auto* g : runs_of(r.list->pages[0], 10))
    for (const auto& c : g->clusters) toc_text += g->text_of(c);
  CHECK(toc_text.find("Secret") == std::string::npos);
  CHECK(toc_text.find("Zeta") != std::string::npos);
  CHECK(toc_text.find("Alpha") < toc_text.find("Zeta"));
}

TEST_CASE("a list item keeps its first two lines together") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 120)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(9);  // room for one more line
  resolve::Block list;
  list.kind = K::List;
  list.loc = {"content.yaml", 120, 3};
  resolve::ParaStyle loose = body();
  loose.orphans = loose.widows = 1;  // the list rule alone must keep two lines
  list.items.push_back({"•", 0, para(long_text(30), loose, 121)});
  b.push_back(list);
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  CHECK(runs_of(r.list->pages[0], 121).empty());
  CHECK(baselines(r.list->pages[1], 121).size() >= 3);
}

TEST_CASE("a quote's attribution never starts a column alone; a bordered quote gets a rule") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 120)});
  l.sequence = {seq("p", true)};
  auto b = one_liners(9);
  resolve::Block q = block(K::Quote, "Short words.", 130);
  resolve::ParaStyle by = body();
  by.align = model::Align::Right;
  q.paras.push_back(para("— A resident", by, 131));
  resolve::ParaStyle rule;
  rule.border = model::Color::gray(0.3);
  rule.border_width = 2;
  q.box = std::make_shared<const resolve::ParaStyle>(rule);
  b.push_back(q);
  Result r = run(doc(b), l);
  REQUIRE(r.list);
  REQUIRE(r.list->pages.size() == 2);
  CHECK(runs_of(r.list->pages[0], 130).empty());
  CHECK(runs_of(r.list->pages[1], 130).size() == 1);
  CHECK(runs_of(r.list->pages[1], 131).size() == 1);
  int rules = 0;
  for (const auto& it : r.list->pages[1].items)
    if (const auto* rc = std::get_if<layout::Rect>(&it)) rules += rc->w == 2 && rc->x == 20;
  CHECK(rules == 2);
}

TEST_CASE("qr: an encoding is kept and shared, and matches libqrencode's") {
  const std::string data = "https://college.mayo.edu/?kept";
  const auto first = layout::encode_qr(data);
  REQUIRE(first);
  CHECK(layout::encode_qr(data) == first);
  QRcode* code = QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  REQUIRE(code);
  REQUIRE(first->width == code->width);
  bool same = true;
  for (int i = 0; i < code->width * code->width; ++i) same = same && first->dark[i] == (code->data[i] & 1);
  QRcode_free(code);
  CHECK(same);
  const auto other = layout::encode_qr(data + "2");
  REQUIRE(other);
  CHECK(other != first);
}

TEST_CASE("qr: the memo key covers every input that changes the encoding") {
  // Pairs of inputs whose codes differ must have different keys (a key
  // missing an input would serve one the other's code), and the same input
  // the same key. The codes are made without the memo, by libqrencode.
  const auto fresh_qr = [](const std::string& data) {
    QRcode* code = QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    REQUIRE(code);
    const std::string modules(reinterpret_cast<const char*>(code->data), static_cast<size_t>(code->width) * code->width);
    QRcode_free(code);
    return modules;
  };
  const std::vector<std::string> inputs{"a", "A", "a ", " a", "https://college.mayo.edu/", "https://college.mayo.edu",
                                        "caf\xC3\xA9", std::string(300, 'x'), std::string(301, 'x'), "1234567890"};
  for (size_t i = 0; i < inputs.size(); ++i) {
    CHECK(layout::qr_key(inputs[i]) == layout::qr_key(std::string(inputs[i])));
    for (size_t j = i + 1; j < inputs.size(); ++j) {
      const bool same_code = fresh_qr(inputs[i]) == fresh_qr(inputs[j]);
      INFO(inputs[i] << " / " << inputs[j]);
      if (!same_code) CHECK(layout::qr_key(inputs[i]) != layout::qr_key(inputs[j]));
    }
  }
  for (const std::string& data : inputs) {  // and the memo serves each its own
    const auto kept = layout::encode_qr(data);
    REQUIRE(kept);
    CHECK(std::string(kept->dark.begin(), kept->dark.end()) == [&] {
      std::string m = fresh_qr(data);
      for (char& c : m) c &= 1;
      return m;
    }());
  }
}

TEST_CASE("the source hash (the PDF's /ID): the same pages give the same digest, any visible change another") {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 300, 400)});
  l.sequence = {seq("p", true)};
  const auto hash_of = [&](std::vector<resolve::Block> blocks) {
    Result r = run(doc(std::move(blocks)), l);
    REQUIRE(r.list);
    return r.list->source_hash;
  };
  const std::string base = hash_of(one_liners(30));
  CHECK(base.size() == 16);
  CHECK(base.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(hash_of(one_liners(30)) == base);
  CHECK(hash_of(one_liners(31)) != base);  // one more line
  auto moved = one_liners(30);
  moved[29].paras[0].style.edit().space_before = 1;  // the last line 1 pt lower
  CHECK(hash_of(moved) != base);
  model::Color spot;
  spot.space = model::Color::Space::Spot;
  spot.spot_name = "PANTONE 151 C";
  spot.v = {0, 0.6, 1, 0};
  auto tinted = [&](double tint) {
    auto b = one_liners(30);
    b[0].paras[0].runs[0].style.edit().color = spot;
    b[0].paras[0].runs[0].style.edit().color.tint = tint;
    return hash_of(std::move(b));
  };
  CHECK(tinted(1) != base);
  CHECK(tinted(0.5) != tinted(1));  // a spot colour's tint shows
  auto other = one_liners(30);
  other[5].paras[0].runs[0].text = "Line 6";  // another glyph, the same width
  CHECK(hash_of(other) != base);
}
