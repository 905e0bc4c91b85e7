#include <doctest/doctest.h>

#include "detail/combine.h"

using namespace galley;

TEST_CASE("combining display lists shares font faces and keeps each part's links apart") {
  layout::DisplayList a, b;
  a.fonts = {{"/f/serif.ttf", 0, "Serif", false, false, {}}};
  b.fonts = {{"/f/sans.ttf", 0, "Sans", false, false, {}}, {"/f/serif.ttf", 0, "Serif", false, false, {}}};
  layout::Page pa, pb;
  layout::GlyphRun run;
  run.font = 1;
  pb.items.push_back(run);
  pb.links.push_back({0, 0, 10, 10, "", "intro", {}});
  pb.destinations.push_back({"intro", 5});
  a.pages.push_back(pa);
  b.pages.push_back(pb);
  b.outline.push_back({"Intro", 1, 0, 5});
  a.source_hash = "aa";
  b.source_hash = "bb";

  auto c = cli::combine({a, b});
  REQUIRE(c.fonts.size() == 2);
  CHECK(c.fonts[0].path == "/f/serif.ttf");
  CHECK(c.fonts[1].path == "/f/sans.ttf");
  REQUIRE(c.pages.size() == 2);
  CHECK(std::get<layout::GlyphRun>(c.pages[1].items[0]).font == 0);
  CHECK(c.pages[1].links[0].dest == "part2-intro");
  CHECK(c.pages[1].destinations[0].name == "part2-intro");
  REQUIRE(c.outline.size() == 1);
  CHECK(c.outline[0].page == 1);
  CHECK(c.source_hash.size() == 16);
}
