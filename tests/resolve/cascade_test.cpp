#include <doctest/doctest.h>

#include "fixtures.h"
#include "detail/cascade.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

TEST_CASE("a three-level base chain merges nearest-first over built-in defaults") {
  model::Style body = style("body");
  body.font = "Noto Serif";
  body.size = 10;
  body.leading = 14;
  body.align = model::Align::Justify;
  body.color = "ink";
  body.color_value = model::Color::gray(0.2);
  body.features = std::vector<std::string>{"onum"};
  model::Style lead = style("lead", "body");
  lead.size = 12;
  lead.space_after = 9;
  model::Style pull = style("pull", "lead");
  pull.italic = true;
  pull.align = model::Align::Center;

  Diagnostics diags;
  const model::Layout l = layout_with({body, lead, pull});
  Cascade c(l, "en-GB", diags);
  REQUIRE_FALSE(diags.has_errors());
  const ParaStyle* p = c.para("pull");
  REQUIRE(p);
  CHECK(p->name == "pull");
  CHECK(p->font == "Noto Serif");
  CHECK(p->size == 12);
  CHECK(p->leading == doctest::Approx(14.0 * 12 / 10));  // ratio kept when only size changes
  CHECK(p->italic);
  CHECK_FALSE(p->bold);
  CHECK(p->align == model::Align::Center);
  CHECK(p->space_after == 9);
  CHECK(p->color.v[0] == doctest::Approx(0.2));
  CHECK(p->features == std::vector<std::string>{"onum"});
  CHECK(p->language == "en-GB");  // the document's, as no style sets one
  CHECK(c.para("lead")->align == model::Align::Justify);
  CHECK_FALSE(c.para("lead")->italic);
}

TEST_CASE("a colour name the loader did not resolve is looked up in the layout's colours") {
  model::Style h = style("h1");
  h.color = "brand";
  model::Layout l = layout_with({h});
  model::Color brand;
  brand.space = model::Color::Space::Cmyk;
  brand.v = {1, 0.6, 0, 0.1};
  l.colors["brand"] = brand;
  Diagnostics diags;
  Cascade c(l, "en-US", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(c.para("h1")->color.space == model::Color::Space::Cmyk);
  CHECK(c.para("h1")->color.v[1] == doctest::Approx(0.6));

  model::Style bad = style("bad");
  bad.color = "brnd";
  Diagnostics d2;
  Cascade c2(layout_with({bad}), "en-US", d2);
  CHECK(messages(d2).find("unknown colour 'brnd'") != std::string::npos);
}

TEST_CASE("a base cycle is one error at the base that closes it, and never hangs") {
  Diagnostics diags;
  const model::Layout l = layout_with({style("a", "b"), style("b", "c"), style("c", "a"), style("d", "a")});
  Cascade c(l, "en-US", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].loc.file == "layout.yaml");
  CHECK(diags.all()[0].loc.col == 12);
  CHECK(diags.all()[0].message.find("style cycle: a → b → c → a") != std::string::npos);
  CHECK(c.para("d"));
}

TEST_CASE("an unknown base is an error at base_loc with a suggestion") {
  Diagnostics diags;
  model::Style h = style("h1", "bdy");
  h.base_loc = {"layout.yaml", 22, 9};
  Cascade c(layout_with({style("body"), h}), "en-US", diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) ==
        "layout.yaml:22:9: error: unknown base style 'bdy' (did you mean 'body'?)");
}

TEST_CASE("a long base chain is flattened without deep recursion") {
  std::vector<model::Style> styles{style("s0")};
  styles[0].size = 7;
  for (int i = 1; i < 20000; ++i) styles.push_back(style("s" + std::to_string(i), "s" + std::to_string(i - 1)));
  Diagnostics diags;
  Cascade c(layout_with(styles), "en-US", diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(c.para("s19999")->size == 7);
}

TEST_CASE("the resolve() result lists every layout style resolved") {
  model::Style body = style("body");
  body.size = 9;
  const StyledDoc d = styled({paragraph("x")}, layout_with({body, style("note", "body")}));
  REQUIRE(d.styles.count("note"));
  CHECK(d.styles.at("note").size == 9);
}

TEST_CASE("StyledDoc::styles also holds the default names the layout lacks, as used") {
  model::Style footer = style("footer");
  footer.size = 7;
  const StyledDoc d = styled({paragraph("x")}, layout_with({style("body"), footer}));
  CHECK(d.styles.at("footer").size == 7);
  CHECK(d.styles.at("header").size == doctest::Approx(ParaStyle{}.size * 0.85));
  CHECK(d.styles.at("h1").bold);
  CHECK(d.styles.at("h1").name == "h1");
  CHECK_FALSE(d.styles.count("strong"));
}

TEST_CASE("a block given style: X takes what X leaves unset from its kind's default style") {
  model::Style body = style("body");
  body.size = 10;
  body.align = model::Align::Justify;
  body.first_indent = 12;
  model::Style h2 = style("h2");
  h2.size = 14;
  h2.bold = true;
  model::Style accent = style("accent");
  accent.color = "mid";
  accent.color_value = model::Color::gray(0.5);
  model::Block head = heading("Teaching", 2);
  head.style = "accent";
  model::Block text = paragraph("Plain", "accent");
  const StyledDoc d = styled({head, text}, layout_with({body, h2, accent}));
  const auto& blocks = d.flows.at(0).blocks;
  const ParaStyle& h = *blocks.at(0).box;
  CHECK(h.name == "accent");
  CHECK(h.size == 14);  // from h2
  CHECK(h.bold);
  CHECK(h.color.v[0] == doctest::Approx(0.5));
  const ParaStyle& p = *blocks.at(1).box;
  CHECK(p.align == model::Align::Justify);  // from body
  CHECK(p.first_indent == 12);
  CHECK_FALSE(p.bold);
  // Headings with no layout style of their level are derived from body.
  model::Block h4 = heading("Small", 4);
  h4.style = "accent";
  const StyledDoc d4 = styled({h4}, layout_with({body, accent}));
  CHECK(d4.flows.at(0).blocks.at(0).box->bold);
}
