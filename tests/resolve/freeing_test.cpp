// resolve_freeing(): a build that reads the model once frees each block as
// it is resolved, and comes out as resolve_all() does.
#include "fixtures.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

model::Block toc() {
  model::Block b;
  b.kind = model::BlockKind::Toc;
  b.loc = {"content.yaml", 9, 5};
  return b;
}

model::Document sample() {
  model::Block listed = heading("Listed", 2);
  listed.in_toc = true;
  return document({heading("Contents", 1), toc(), paragraph("Some *words*."), heading("Results", 2),
                   paragraph("More {{who}}.", "note"), listed, toc(), paragraph("Last.")});
}

model::Layout layout() {
  model::Style note = style("note", "body");
  note.size = 7;
  return layout_with({style("body"), note});
}

}  // namespace

TEST_CASE("a document resolved while freeing its blocks comes out as one kept whole, its flows emptied") {
  const model::Layout l = layout();
  const model::Document kept = sample();
  model::Document spent = sample();
  Diagnostics a, b;
  const StyledDoc whole = resolve_all(kept, l, make_variables(kept, {{"who", "Ada"}}), a);
  const StyledDoc freed = resolve_freeing(spent, l, make_variables(spent, {{"who", "Ada"}}), b);
  CHECK(messages(a) == messages(b));
  REQUIRE(spent.flows.size() == 1);
  CHECK(spent.flows[0].blocks.empty());
  CHECK(spent.flows[0].name == "main");
  CHECK(spent.meta.title.value == "A Title");
  REQUIRE(freed.flows.size() == 1);
  const auto& w = whole.flows[0].blocks;
  const auto& f = freed.flows[0].blocks;
  REQUIRE(f.size() == w.size());
  for (size_t i = 0; i < f.size(); ++i) {
    INFO("block " << i);
    CHECK(f[i].kind == w[i].kind);
    CHECK(f[i].in_toc == w[i].in_toc);
    CHECK(f[i].fixed == w[i].fixed);
    CHECK(f[i].box->size == w[i].box->size);
    REQUIRE(f[i].paras.size() == w[i].paras.size());
    for (size_t p = 0; p < f[i].paras.size(); ++p) {
      CHECK(f[i].paras[p].plain_text() == w[i].paras[p].plain_text());
      CHECK(f[i].paras[p].style->size == w[i].paras[p].style->size);
    }
  }
  // A heading right before a table of contents titles it, unless it says
  // it is listed.
  CHECK_FALSE(f[0].in_toc);
  CHECK(f[3].in_toc);
  CHECK(f[5].in_toc);
  CHECK(f[4].paras.at(0).plain_text() == "More Ada.");
  CHECK_FALSE(f[4].fixed);
  CHECK(f[2].fixed);
}

TEST_CASE("blocks of one style share one box style") {
  const model::Layout l = layout();
  const StyledDoc d = styled({paragraph("a"), paragraph("b", "note"), paragraph("c"), paragraph("d", "note")}, l);
  const auto& b = d.flows.at(0).blocks;
  REQUIRE(b.size() == 4);
  CHECK(b[0].box == b[2].box);
  CHECK(b[1].box == b[3].box);
  CHECK(b[0].box != b[1].box);
  CHECK(b[1].box->size == 7);
}
