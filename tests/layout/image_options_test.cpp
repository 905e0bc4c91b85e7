// Flow images: a height of their own with cropping about a focus point,
// and alignment in the column; QR codes aligned in the column.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixture.h"

using namespace galley;
using namespace fixture;
using K = model::BlockKind;

namespace {

Result lay_out_one(const resolve::Block& b) {
  model::Layout l = make_layout();
  add_master(l, "p", {frame("main", 20, 20, 200, 300)});
  l.sequence = {seq("p")};
  return run(doc({b}), l);
}

resolve::Block image(int w, int h) {
  resolve::Block im;
  im.kind = K::Image;
  im.loc = {"content.yaml", 5, 3};
  im.figure.edit().src = write_png(w, h);
  return im;
}

const layout::Image& only_image(const Result& r) {
  REQUIRE(r.list);
  for (const auto& it : r.list->pages.at(0).items)
    if (const auto* i = std::get_if<layout::Image>(&it)) return *i;
  FAIL("no image");
  throw;
}

}  // namespace

TEST_CASE("a flow image with a height is a box of that height, the picture cropped to it about its focus") {
  resolve::Block im = image(100, 100);  // square: 200 x 200 at the column's width
  im.figure.edit().height = pt(50);
  im.figure.edit().fit = model::Fit::Cover;
  const layout::Image centred = only_image(lay_out_one(im));
  CHECK(centred.clip_w == doctest::Approx(200));
  CHECK(centred.clip_h == doctest::Approx(50));
  CHECK(centred.clip_y == doctest::Approx(20));
  CHECK(centred.w == doctest::Approx(200));
  CHECK(centred.h == doctest::Approx(200));
  CHECK(centred.y == doctest::Approx(20 - 75));  // the middle band in view

  im.figure.edit().focus_y = 0.2;  // a face near the top stays in the band
  const layout::Image high = only_image(lay_out_one(im));
  CHECK(high.y == doctest::Approx(20 - 150 * 0.2));
  const double face = high.y + 0.2 * high.h;
  CHECK(face >= high.clip_y);
  CHECK(face <= high.clip_y + high.clip_h);
}

TEST_CASE("a flow image narrower than its column is aligned left, centred or right") {
  resolve::Block im = image(40, 20);
  im.figure.edit().width = pt(80);
  CHECK(only_image(lay_out_one(im)).x == doctest::Approx(20 + 60));
  im.figure.edit().align = model::HAlign::Left;
  CHECK(only_image(lay_out_one(im)).x == doctest::Approx(20));
  im.figure.edit().align = model::HAlign::Right;
  CHECK(only_image(lay_out_one(im)).x == doctest::Approx(20 + 120));
}

TEST_CASE("a QR code sits at the column's left unless aligned centre or right") {
  resolve::Block q;
  q.kind = K::Qr;
  q.loc = {"content.yaml", 9, 3};
  q.figure.edit().data = "https://example.org/";
  q.figure.edit().qr_size = 60;
  auto quiet_x = [&] {
    const Result r = lay_out_one(q);
    REQUIRE(r.list);
    for (const auto& it : r.list->pages.at(0).items)
      if (const auto* rc = std::get_if<layout::Rect>(&it))
        if (rc->w == doctest::Approx(60)) return rc->x;
    FAIL("no quiet zone");
    return 0.0;
  };
  CHECK(quiet_x() == doctest::Approx(20));
  q.figure.edit().align = model::HAlign::Center;
  CHECK(quiet_x() == doctest::Approx(20 + 70));
  q.figure.edit().align = model::HAlign::Right;
  CHECK(quiet_x() == doctest::Approx(20 + 140));
}
