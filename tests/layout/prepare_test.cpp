#include <doctest/doctest.h>

#include "fixture.h"
#include "detail/prepare.h"

using namespace galley;
using namespace fixture;

TEST_CASE("scale_flow scales a copy's box and caption, not the flow they are shared with") {
  resolve::Block image = block(model::BlockKind::Image, "", 10);
  resolve::ParaStyle box = body();
  box.space_before = 6;
  image.box = std::make_shared<const resolve::ParaStyle>(box);
  image.figure.edit().caption = std::make_shared<const resolve::Paragraph>(para("Campus", body(8, 10), 11));
  resolve::Flow base{"main", {}, {image}, {}};
  resolve::Flow scaled = base;  // shares the box and the caption
  layout::scale_flow(scaled, 0.5);
  CHECK(scaled.blocks[0].box->space_before == doctest::Approx(3));
  CHECK(scaled.blocks[0].figure->caption->style->size == doctest::Approx(4));
  CHECK(scaled.blocks[0].figure->caption->runs.at(0).style->size == doctest::Approx(4));
  CHECK(base.blocks[0].box->space_before == doctest::Approx(6));
  CHECK(base.blocks[0].figure->caption->style->size == doctest::Approx(8));
  CHECK(base.blocks[0].figure->caption->runs.at(0).style->size == doctest::Approx(8));
}

TEST_CASE("a block made without a style shares the default box") {
  resolve::Block a, b;
  CHECK(a.box);
  CHECK(a.box == b.box);
  CHECK(a.box->size == resolve::ParaStyle{}.size);
  CHECK_FALSE(a.figure->caption);
}
