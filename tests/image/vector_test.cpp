// image/vector.h: colour operators found by tokens, not by text (in
// galley-vector.so, loaded from the build tree as galley loads it), and SVG
// conversion that never rasterises or reads other files.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detail/vector.h"
#include "detail/vector_module.h"

using namespace galley;

namespace {

const image::RgbSpace kNamedRgb = [](const std::string& name) { return name == "DeviceRGB" || name == "CS0"; };

const image::VectorReader& reader() {
  std::string error;
  const image::VectorReader* reader = image::vector_reader(error);
  INFO(error);
  REQUIRE(reader);
  return *reader;
}

struct Seen {
  std::vector<std::pair<uint32_t, bool>> colors;
};

std::string rewrite(const std::string& content, Seen& seen, uint32_t map_from = 0x0057b8) {
  std::string error;
  auto out = reader().rewrite_colors(
      content, kNamedRgb,
      [&](uint32_t rgb, bool stroke) -> std::optional<std::string> {
        seen.colors.emplace_back(rgb, stroke);
        if (rgb == map_from) return stroke ? std::string("1 0 0 0 K") : std::string("/Sp cs 1 scn");
        return std::nullopt;
      },
      error);
  INFO(error);
  REQUIRE(out);
  return *out;
}

}  // namespace

TEST_CASE("rewrite_colors maps rg and RG and keeps every other byte") {
  Seen seen;
  const std::string in = "q 0 0.341176 0.721569 rg 0 0 10 10 re f\n1 0 0 RG 2 w S Q\n";
  const std::string out = rewrite(in, seen);
  CHECK(out == "q /Sp cs 1 scn 0 0 10 10 re f\n1 0 0 RG 2 w S Q\n");
  REQUIRE(seen.colors.size() == 2);
  CHECK(seen.colors[0] == std::pair<uint32_t, bool>{0x0057b8, false});
  CHECK(seen.colors[1] == std::pair<uint32_t, bool>{0xff0000, true});
}

TEST_CASE("rewrite_colors reads sc and scn only in an RGB space, tracked through q and Q") {
  Seen seen;
  rewrite("/CS0 cs 0 0.341176 0.721569 scn q /Other cs 0.5 sc Q 1 1 1 sc /CS0 CS 0 0 0 SCN /P0 scn", seen);
  REQUIRE(seen.colors.size() == 3);
  CHECK(seen.colors[0].first == 0x0057b8);
  CHECK(seen.colors[1].first == 0xffffff);  // the space came back with Q
  CHECK(seen.colors[2] == std::pair<uint32_t, bool>{0x000000, true});
}

TEST_CASE("rewrite_colors is not fooled by strings, comments or inline images") {
  Seen seen;
  const std::string in =
      "BT (0 0.341176 0.721569 rg) Tj ET % 1 0 0 rg\n"
      "BI /W 1 /H 1 /CS /RGB /BPC 8 ID \x01 rg\x02 EI\n"
      "0 0 0 g\n";
  const std::string out = rewrite(in, seen);
  CHECK(seen.colors.empty());
  CHECK(out == in);
}

TEST_CASE("rewrite_colors reports a content stream that does not tokenise") {
  std::string error;
  auto out = reader().rewrite_colors("1 0 0 rg (unterminated", kNamedRgb,
                                     [](uint32_t, bool) { return std::optional<std::string>(); }, error);
  CHECK_FALSE(out);
  CHECK(error.find("does not parse") != std::string::npos);
}

TEST_CASE("an SVG becomes PDF vector content, with no image and no file read") {
  std::string error;
  auto pdf = image::detail::svg_to_pdf(
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='96' height='48'>"
      "<rect width='10' height='10' fill='#0057b8'/>"
      "<image width='10' height='10' xlink:href='/etc/hostname'/></svg>",
      error);
  INFO(error);
  REQUIRE(pdf);
  CHECK(pdf->compare(0, 5, "%PDF-") == 0);
  CHECK(pdf->find("/Subtype /Image") == std::string::npos);
  CHECK(pdf->find("/MediaBox [ 0 0 72 36 ]") != std::string::npos);  // 96 CSS px = 72 pt
}

TEST_CASE("an SVG's drawn elements count what each <use> refers to") {
  using image::detail::svg_drawn_elements;
  CHECK(svg_drawn_elements("<svg><rect/><g><rect/><!-- <rect/> --></g></svg>") == 4);
  CHECK(svg_drawn_elements("<svg><defs><g id='a'><rect/><rect/></g></defs><use href='#a'/><use xlink:href=\"#a\"/></svg>") ==
        5 + 2 * (1 + 3));  // svg, defs, g, two rects; each use and its copy of g
  std::string bomb = "<svg><rect id='l0'/>";
  for (int i = 1; i <= 10; ++i) {
    bomb += "<g id='l" + std::to_string(i) + "'>";
    for (int k = 0; k < 10; ++k) bomb += "<use href='#l" + std::to_string(i - 1) + "'/>";
    bomb += "</g>";
  }
  CHECK(svg_drawn_elements(bomb + "</svg>") > image::kMaxSvgElements);
  CHECK(svg_drawn_elements("<svg><g id='a'><use href='#a'/></g></svg>") == 3);  // a cycle adds nothing
}

TEST_CASE("hex colours") {
  CHECK(image::parse_hex_rgb("#0057B8") == 0x0057b8u);
  CHECK_FALSE(image::parse_hex_rgb("#0057b"));
  CHECK_FALSE(image::parse_hex_rgb("0057b8x"));
  CHECK(image::hex_rgb(0x0057b8) == "#0057b8");
}
