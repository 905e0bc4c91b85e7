#include <doctest/doctest.h>

#include "detail/yaml_tree.h"

#include "detail/colors.h"
#include "load_fixture.h"

using namespace galley;
using namespace galley::load;
using Space = model::Color::Space;
using galley::testing::first_line;

namespace {
struct Parsed {
  std::optional<model::Color> color;
  Diagnostics diags;
};

Parsed literal(const std::string& yaml) {
  Parsed p;
  Reader r("c.yaml", p.diags);
  const Node n = parse_tree(yaml);
  p.color = parse_color_literal(r, n, "'color'");
  return p;
}
}  // namespace

TEST_CASE("hex colours are RGB") {
  auto p = literal("'#0057b8'");
  REQUIRE(p.color);
  CHECK(p.color->space == Space::Rgb);
  CHECK(p.color->v[0] == doctest::Approx(0));
  CHECK(p.color->v[1] == doctest::Approx(0x57 / 255.0));
  CHECK(p.color->v[2] == doctest::Approx(0xb8 / 255.0));
  auto s = literal("'#fa0'");
  REQUIRE(s.color);
  CHECK(s.color->v[0] == doctest::Approx(1));
  CHECK(s.color->v[1] == doctest::Approx(0xaa / 255.0));
}

TEST_CASE("CMYK, RGB and gray keep their space; percentages are allowed") {
  auto c = literal("{cmyk: [1, 0.6, 0, 0.1]}");
  REQUIRE(c.color);
  CHECK(c.color->space == Space::Cmyk);
  CHECK(c.color->v[1] == doctest::Approx(0.6));
  CHECK(c.color->v[3] == doctest::Approx(0.1));
  auto pc = literal("{cmyk: [100%, 60%, 0%, 10%]}");
  REQUIRE(pc.color);
  CHECK(pc.color->v[0] == doctest::Approx(1));
  CHECK(pc.color->v[1] == doctest::Approx(0.6));
  auto g = literal("{gray: 0.1}");
  REQUIRE(g.color);
  CHECK(g.color->space == Space::Gray);
  CHECK(g.color->v[0] == doctest::Approx(0.1));
  auto rgb = literal("{rgb: [0.2, 0.4, 1]}");
  REQUIRE(rgb.color);
  CHECK(rgb.color->space == Space::Rgb);
}

TEST_CASE("spot colours carry a name, a CMYK alternate and a tint") {
  auto s = literal("{spot: PANTONE 286 C, cmyk: [1, 0.66, 0, 0.02], tint: 50%}");
  REQUIRE(s.color);
  CHECK(s.color->space == Space::Spot);
  CHECK(s.color->spot_name == "PANTONE 286 C");
  CHECK(s.color->tint == doctest::Approx(0.5));
  CHECK(s.color->v[1] == doctest::Approx(0.66));
  auto bad = literal("{spot: Gold}");
  CHECK_FALSE(bad.color);
  CHECK(first_line(bad.diags) ==
        "c.yaml:1:1: error: spot colour 'Gold' needs its CMYK alternate: cmyk: [c, m, y, k]");
}

TEST_CASE("bad colours are reported at the bad part") {
  CHECK(first_line(literal("{cmyk: [1, 1.5, 0, 0]}").diags) ==
        "c.yaml:1:12: error: colour component '1.5' in 'color' must be from 0 to 1 or from 0% to 100%");
  CHECK(first_line(literal("{cmyk: [1, 0, 0]}").diags) ==
        "c.yaml:1:8: error: cmyk in 'color' needs a list of 4 components, e.g. [0, 0.6, 1, 0]");
  CHECK(first_line(literal("'#12345'").diags) ==
        "c.yaml:1:1: error: bad colour '#12345' for 'color': hex colours are #rgb or #rrggbb");
  CHECK(first_line(literal("'#gg0000'").diags).find("hex colours are #rgb or #rrggbb") != std::string::npos);
  CHECK(first_line(literal("{cmyk: [0, 0, 0, 1], rgb: [0, 0, 0]}").diags) ==
        "c.yaml:1:1: error: a colour takes exactly one of cmyk, rgb, gray or spot");
  CHECK(first_line(literal("{gray: 120%}").diags).find("must be from 0 to 1 or from 0% to 100%") !=
        std::string::npos);
  CHECK(first_line(literal("{grey: 0.5}").diags) == "c.yaml:1:2: error: unknown key 'grey' (did you mean 'gray'?)");
}

TEST_CASE("colour references resolve through the palette") {
  Diagnostics d;
  Reader r("c.yaml", d);
  std::map<std::string, model::Color> palette{{"brand", model::Color::gray(0.3)}};
  auto c = color_ref(r, parse_tree("brand"), "'color'", palette);
  REQUIRE(c);
  CHECK(c->v[0] == doctest::Approx(0.3));
  auto black = color_ref(r, parse_tree("black"), "'color'", palette);
  REQUIRE(black);
  CHECK(black->space == Space::Gray);
  CHECK_FALSE(d.has_errors());
  CHECK_FALSE(color_ref(r, parse_tree("brnad"), "'color'", palette));
  CHECK(first_line(d) == "c.yaml:1:1: error: unknown colour 'brnad' for 'color' (did you mean 'brand'?)");
}
