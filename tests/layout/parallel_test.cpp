// Measuring ahead of the paginator on worker threads (layout::Options::jobs)
// changes nothing in the display list or the diagnostics.
#include <doctest/doctest.h>

#include <optional>

#include "base/figures.h"

#include <string>

#include "fixture.h"
#include "detail/measure.h"

using namespace galley;

namespace {

// A long flow in two equal columns over until-empty pages: headings, plain
// and hyphenated justified paragraphs, lists, a table, and a run with a
// feature setting HarfBuzz does not know (a warning per paragraph).
resolve::StyledDoc long_doc() {
  std::vector<resolve::Block> blocks;
  resolve::ParaStyle just = fixture::body();
  just.align = model::Align::Justify;
  just.hyphenate = true;
  just.language = "en-US";
  int line = 10;
  for (int i = 0; i < 60; ++i) {
    blocks.push_back(fixture::heading("Section " + std::to_string(i), ++line, 1 + i % 2));
    std::string text;
    for (int w = 0; w < 30 + i % 17; ++w)
      text += std::string(w % 5 == 0 ? "extraordinarily " : "plain ") + (w % 7 == 0 ? "considerations " : "words ");
    resolve::Block p = fixture::block(model::BlockKind::Paragraph, text + std::to_string(i), ++line, just);
    p.paras[0].runs[0].style.edit().language = "en-US";
    if (i % 9 == 0) p.paras[0].runs[0].style.edit().features = {"not a feature!"};
    blocks.push_back(std::move(p));
    if (i % 10 == 3) {
      resolve::Block list = fixture::block(model::BlockKind::List, "", ++line);
      for (int k = 0; k < 4; ++k) {
        resolve::ListItem item;
        item.para = fixture::para("item " + std::to_string(k) + " of list " + std::to_string(i), fixture::body(), line);
        item.marker = "•";
        list.items.push_back(item);
      }
      blocks.push_back(std::move(list));
    }
  }
  return fixture::doc(std::move(blocks));
}

model::Layout two_columns() {
  model::Layout l = fixture::make_layout();
  fixture::add_master(l, "page", {fixture::frame("main", 20, 20, 360, 260, 2)});
  l.sequence.push_back(fixture::seq("page", true));
  return l;
}

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) out += format(x) + "\n";
  return out;
}

}  // namespace

TEST_CASE("workers measuring ahead give the same display list and diagnostics as one thread") {
  const model::Layout l = two_columns();
  Diagnostics font_diags;
  auto fonts = text::FontBook::load(l, font_diags);
  REQUIRE(fonts);
  const resolve::StyledDoc d = long_doc();
  std::string json1, diags1;
  linebreak::Stats stats1;
  for (int jobs : {1, 2, 4}) {
    Diagnostics diags;
    layout::Options opts;
    opts.jobs = jobs;
    // The figures of the build (base/figures.h): what workers measured is
    // added when the paginator takes it.
    base::Figures figures;
    std::optional<layout::DisplayList> list;
    {
      base::FiguresScope recording(&figures);
      list = layout::lay_out(d, l, *fonts, opts, diags);
    }
    const auto stats = figures.get<linebreak::Stats>();
    REQUIRE(list);
    INFO("jobs " << jobs);
    if (jobs == 1) {
      json1 = layout::to_json(*list);
      diags1 = messages(diags);
      stats1 = stats;
      CHECK(list->pages.size() > 5);
      CHECK(diags1.find("not a feature!") != std::string::npos);
      continue;
    }
    CHECK(layout::to_json(*list) == json1);
    CHECK(messages(diags) == diags1);
    CHECK(stats.lines == stats1.lines);
    CHECK(stats.hyphenated == stats1.hyphenated);
    CHECK(stats.gaps == stats1.gaps);
  }
}

TEST_CASE("the measure key covers the block and both column sizes") {
  using layout::measure_key;
  CHECK(measure_key(1, 24300, 50000) != measure_key(2, 24300, 50000));
  CHECK(measure_key(1, 24300, 50000) != measure_key(1, 24301, 50000));
  CHECK(measure_key(1, 24300, 50000) != measure_key(1, 24300, 50001));
  CHECK(measure_key(1, 24300, 50000) == measure_key(1, 24300, 50000));
}
