#include <doctest/doctest.h>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;

namespace {
struct LoadedLayout {
  std::optional<model::Layout> layout;
  Diagnostics diags;
};

LoadedLayout layout(const TempDir& dir, const std::string& yaml) {
  LoadedLayout l;
  l.layout = load::load_layout(dir.write("l.yaml", yaml), l.diags);
  return l;
}

std::vector<std::string> layout_messages(const TempDir& dir, const Diagnostics& d) {
  std::vector<std::string> out;
  for (auto l : lines(d)) {
    if (l.starts_with(dir.path())) l = l.substr(dir.path().size() + 1);
    out.push_back(l);
  }
  return out;
}
}  // namespace

TEST_CASE("a full layout loads into the model") {
  TempDir dir;
  dir.write("color/cmyk.icc", "icc");
  dir.write("img/logo.png", "png");
  auto l = layout(dir, R"(galley: 1
page: {size: letter, orientation: portrait, bleed: 0.125in, marks: [crop, registration], slug: 0.5in}
fonts:
  Noto Serif: {regular: )" + font("NotoSerif-Regular.ttf") + R"(, bold: )" + font("NotoSerif-Bold.ttf") + R"(}
  Noto Sans: )" + font("NotoSans-Regular.ttf") + R"(
fallback: [Noto Sans]
colors: {brand: {cmyk: [1, 0.6, 0, 0.1]}, ink: {gray: 0.1}, web: "#0057b8", gold: {spot: Gold, cmyk: [0, 0.2, 0.6, 0.1]}}
styles:
  body: {font: Noto Serif, size: 10pt, leading: 13.5pt, align: justify, hyphenate: true, language: en-US, space-after: 6pt, color: ink}
  h1: {base: body, font: Noto Sans, weight: bold, size: 16pt, leading: 19pt, align: left, space-before: 14pt, keep-with-next: true, color: brand}
  lead: {base: body, style: italic, first-indent: -1em-is-bad-so-not-here}
masters:
  cover:
    background: {color: brand}
    elements:
      - rect: {x: 0, y: 0, width: 100%, height: 2in, fill: web, bleed: true}
      - {image: img/logo.png, x: 1in, y: 1in, width: 2in, height: 1in}
      - {text: "Prepared for {{recipient}}", x: 1in, y: 9in, width: 6in, style: body}
      - line: {x: 1in, y: 3in, width: 6.5in, stroke: gold, stroke-width: 0.5pt}
    frames: [{name: title, flow: cover, x: 0.75in, y: 5in, width: 7in, height: 4in, valign: bottom}]
  inside:
    frames: [{name: body, flow: main, x: 0.75in, y: 0.75in, width: 7in, height: 9.25in, columns: 2, gutter: 0.25in, balance: true}]
    footer: {text: "{{meta.title}} · {{page}}", style: body}
sequence:
  - master: cover
  - {master: inside, repeat: until-empty}
  - {master: inside, repeat: 2}
fit: {main: {shrink-to: 8.5pt}}
output: {standard: PDF/X-4, intent: {profile: color/cmyk.icc, condition: Coated FOGRA39}, imposition: booklet}
)");
  // The one deliberate mistake: a length with a unit galley does not know.
  CHECK(layout_messages(dir, l.diags) ==
        std::vector<std::string>{"l.yaml:11:51: error: unknown unit 'em-is-bad-so-not-here' in "
                                 "'-1em-is-bad-so-not-here' (use pt, mm, cm, in, pc or %) for 'first-indent'"});
  auto fixed = layout(dir, [&] {
    std::string y = R"(galley: 1
page: {size: letter, orientation: portrait, bleed: 0.125in, marks: [crop, registration], slug: 0.5in}
fonts:
  Noto Serif: {regular: )" + font("NotoSerif-Regular.ttf") + R"(, bold: )" + font("NotoSerif-Bold.ttf") + R"(}
  Noto Sans: )" + font("NotoSans-Regular.ttf") + R"(
fallback: [Noto Sans]
colors: {brand: {cmyk: [1, 0.6, 0, 0.1]}, ink: {gray: 0.1}, web: "#0057b8", gold: {spot: Gold, cmyk: [0, 0.2, 0.6, 0.1]}}
styles:
  body: {font: Noto Serif, size: 10pt, leading: 13.5pt, align: justify, hyphenate: true, language: en-US, space-after: 6pt, color: ink}
  h1: {base: body, font: Noto Sans, weight: bold, size: 16pt, align: left, keep-with-next: true, color: brand, features: [smcp, -liga]}
masters:
  cover:
    background: {color: brand}
    elements:
      - rect: {x: 0, y: 0, width: 100%, height: 2in, fill: web, bleed: true}
      - {image: img/logo.png, x: 1in, y: 1in, width: 2in, height: 1in}
      - {text: "Prepared for {{recipient}}", x: 1in, y: 9in, width: 6in, style: body}
      - line: {x: 1in, y: 3in, width: 6.5in, stroke: gold, stroke-width: 0.5pt}
    frames: [{name: title, flow: cover, x: 0.75in, y: 5in, width: 7in, height: 4in, valign: bottom}]
  inside:
    frames: [{name: body, flow: main, x: 0.75in, y: 0.75in, width: 7in, height: 9.25in, columns: 2, gutter: 0.25in, balance: true}]
    footer: {text: "{{meta.title}} · {{page}}", style: body}
sequence:
  - master: cover
  - {master: inside, repeat: until-empty}
  - {master: inside, repeat: 2}
fit: {main: {shrink-to: 8.5pt}}
output: {standard: PDF/X-4, intent: {profile: color/cmyk.icc, condition: Coated FOGRA39}, imposition: booklet}
)";
    return y;
  }());
  CHECK(fixed.diags.all().empty());
  REQUIRE(fixed.layout);
  const auto& L = *fixed.layout;
  CHECK(L.page.width == doctest::Approx(612));
  CHECK(L.page.bleed == doctest::Approx(9));
  CHECK(L.page.slug == doctest::Approx(36));
  CHECK(L.page.crop_marks);
  CHECK(L.page.registration_marks);
  REQUIRE(L.fonts.size() == 2);
  CHECK(L.fonts[0].name == "Noto Serif");
  CHECK(L.fonts[0].bold == font("NotoSerif-Bold.ttf"));
  CHECK(L.fonts[1].regular == font("NotoSans-Regular.ttf"));
  CHECK(L.fallback == std::vector<std::string>{"Noto Sans"});
  CHECK(L.colors.at("brand").space == model::Color::Space::Cmyk);
  CHECK(L.colors.at("gold").spot_name == "Gold");
  const auto& h1 = L.styles.at("h1");
  CHECK(h1.base == "body");
  CHECK(h1.bold == true);
  CHECK(*h1.size == doctest::Approx(16));
  CHECK(h1.align == model::Align::Left);
  CHECK(h1.color == "brand");
  REQUIRE(h1.color_value);
  CHECK(h1.color_value->v[0] == doctest::Approx(1));
  CHECK(h1.features == std::vector<std::string>{"smcp", "-liga"});
  const auto& cover = L.masters.at("cover");
  REQUIRE(cover.background);
  CHECK(cover.background->space == model::Color::Space::Cmyk);
  REQUIRE(cover.elements.size() == 4);
  CHECK(cover.elements[0].kind == model::Element::Kind::Rect);
  CHECK(cover.elements[0].width.percent);
  CHECK(cover.elements[0].bleed);
  CHECK(cover.elements[1].src == dir.path("img/logo.png"));
  CHECK(cover.elements[2].text.value == "Prepared for {{recipient}}");
  CHECK(cover.elements[2].style == "body");
  CHECK(cover.elements[3].kind == model::Element::Kind::Line);
  CHECK(cover.elements[3].stroke_width == doctest::Approx(0.5));
  CHECK(cover.frames[0].valign == model::VAlign::Bottom);
  const auto& inside = L.masters.at("inside");
  CHECK(inside.frames[0].columns == 2);
  CHECK(inside.frames[0].gutter == doctest::Approx(18));
  CHECK(inside.frames[0].balance);
  REQUIRE(inside.footer);
  CHECK(inside.footer->text.value == "{{meta.title}} · {{page}}");
  CHECK(inside.footer->y.value > 700);
  REQUIRE(L.sequence.size() == 3);
  CHECK(L.sequence[1].until_empty);
  CHECK(L.sequence[2].count == 2);
  REQUIRE(L.fit.size() == 1);
  CHECK(L.fit[0].shrink_to == doctest::Approx(8.5));
  CHECK(L.output.standard == "PDF/X-4");
  CHECK(L.output.icc_profile == dir.path("color/cmyk.icc"));
  CHECK(L.output.condition == "Coated FOGRA39");
  CHECK(L.output.imposition == "booklet");
}

TEST_CASE("page sizes by name, orientation and custom size") {
  TempDir dir;
  auto a4 = layout(dir, minimal_layout().replace(minimal_layout().find("{size: letter}"), 14,
                                                 "{size: a4, orientation: landscape}"));
  REQUIRE(a4.layout);
  CHECK(a4.layout->page.width == doctest::Approx(841.89).epsilon(0.001));
  CHECK(a4.layout->page.height == doctest::Approx(595.28).epsilon(0.001));
  CHECK(a4.layout->page.landscape);
  auto custom = layout(dir, minimal_layout().replace(minimal_layout().find("{size: letter}"), 14,
                                                     "{size: {width: 100mm, height: 210mm}}"));
  REQUIRE(custom.layout);
  CHECK(custom.layout->page.width == doctest::Approx(283.46).epsilon(0.001));
  CHECK(custom.layout->page.slug == 0);
  auto bad = layout(dir, minimal_layout().replace(minimal_layout().find("{size: letter}"), 14,
                                                  "{size: leter, bleed: 3px}"));
  CHECK(layout_messages(dir, bad.diags) == std::vector<std::string>{
            "l.yaml:2:14: error: unknown page size 'leter' (did you mean 'letter'?)",
            "l.yaml:2:28: error: unknown unit 'px' in '3px' (use pt, mm, cm, in, pc or %) for 'bleed'",
        });
}

TEST_CASE("output standards: one or a list, at most one of each family; tagging on by default") {
  TempDir dir;
  auto one = layout(dir, minimal_layout() + "output: {standard: PDF/X-4}\n");
  REQUIRE(one.layout);
  CHECK(one.layout->output.standard == "PDF/X-4");
  CHECK_FALSE(one.layout->output.pdf_ua);
  CHECK(one.layout->output.tagged);
  auto all = layout(dir, minimal_layout() + "output: {standard: [PDF/X-4, PDF/UA-1, PDF/A-2u]}\n");
  REQUIRE(all.layout);
  CHECK(all.layout->output.standard == "PDF/X-4");
  CHECK(all.layout->output.pdf_ua);
  CHECK(all.layout->output.pdf_a == "2u");
  auto bad = layout(dir, minimal_layout() + "output: {standard: [PDF/A-2b, PDF/A-2u, PDF/UA-2]}\n");
  CHECK(layout_messages(dir, bad.diags) == std::vector<std::string>{
            "l.yaml:12:31: error: more than one PDF/A standard in 'standard'",
            "l.yaml:12:41: error: unknown PDF standard 'PDF/UA-2' (did you mean 'PDF/UA-1'?)",
        });
  auto untagged = layout(dir, minimal_layout() + "output: {standard: [PDF/UA-1], tagged: false}\n");
  CHECK(layout_messages(dir, untagged.diags) == std::vector<std::string>{
            "l.yaml:12:20: error: PDF/UA-1 needs a tagged PDF; remove 'tagged: false'",
        });
}

TEST_CASE("a colour typo in a style gets a did-you-mean") {
  TempDir dir;
  std::string y = minimal_layout();
  y.replace(y.find("size: 10pt}"), 11, "size: 10pt, colour: black}");
  auto l = layout(dir, y);
  CHECK_FALSE(l.layout);
  CHECK(layout_messages(dir, l.diags) ==
        std::vector<std::string>{"l.yaml:6:40: error: unknown key 'colour' (did you mean 'color'?)"});
}

TEST_CASE("references inside the layout are checked, all at once") {
  TempDir dir;
  auto l = layout(dir, R"(galley: 1
page: {size: letter}
fonts:
  Serif: {regular: )" + font("NotoSerif-Regular.ttf") + R"(, bold: missing-bold.ttf}
fallback: [Serf, Arial]
colors: {brand: {cmyk: [1, 0.6, 0, 0.1]}}
styles:
  body: {font: Sans, color: bran, size: 0pt, widows: 0, align: centre, weight: heavy}
  h1: {base: bdoy}
masters:
  inside:
    frames: [{flow: main, x: 1in, y: 1in, width: 6in}]
    footer: {text: x, style: foot}
sequence: [insde, {master: inside, repeat: forever}]
fit: {mian: {shrink-to: 8pt}}
output: {standard: PDF/X-3, imposition: booklet, intent: {profile: nope.icc}}
)");
  CHECK_FALSE(l.layout);
  // The font path is absolute, so the column of the bold face depends on where the checkout lives.
  const std::string bold_column =
      std::to_string(std::string("  Serif: {regular: ").size() + font("NotoSerif-Regular.ttf").size() +
                     std::string(", bold: ").size() + 1);
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml:4:" + bold_column + ": error: font file 'missing-bold.ttf' not found (looked for " +
                dir.path("missing-bold.ttf") + ")",
            "l.yaml:5:12: error: unknown font family 'Serf' (did you mean 'Serif'?)",
            "l.yaml:5:18: error: unknown font family 'Arial' (define it under 'fonts:')",
            "l.yaml:8:16: error: unknown font family 'Sans' (define it under 'fonts:')",
            "l.yaml:8:29: error: unknown colour 'bran' for 'color' (did you mean 'brand'?)",
            "l.yaml:8:41: error: 'size' must be greater than zero, found 0pt",
            "l.yaml:8:54: error: 'widows' must be from 1 to 10, found 0",
            "l.yaml:8:64: error: unknown alignment 'centre' (did you mean 'center'?)",
            "l.yaml:8:80: error: unknown weight 'heavy' (expected one of: bold, normal)",
            "l.yaml:9:14: error: unknown style 'bdoy' (did you mean 'body'?)",
            "l.yaml:12:14: error: missing required key 'height' in frame 1 of master 'inside'",
            "l.yaml:13:30: error: unknown style 'foot' (define it under 'styles:')",
            "l.yaml:14:12: error: unknown master 'insde' (did you mean 'inside'?)",
            "l.yaml:14:44: error: 'repeat' is until-empty or a number of pages",
            "l.yaml:15:7: error: fit names flow 'mian', which no frame places (did you mean 'main'?)",
            "l.yaml:16:20: error: unknown PDF standard 'PDF/X-3' (did you mean 'PDF/X-4'?)",
            "l.yaml:16:68: error: ICC profile 'nope.icc' not found (looked for " + dir.path("nope.icc") + ")",
        });
}

TEST_CASE("missing required layout keys") {
  TempDir dir;
  auto l = layout(dir, "galley: 1\n");
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml: error: missing required key 'page' (the page size, e.g. page: {size: letter})",
            "l.yaml: error: missing required key 'fonts' (font families and their files)",
            "l.yaml: error: missing required key 'masters' (the master pages and their frames)",
            "l.yaml: error: missing required key 'sequence' (the pages in order, e.g. sequence: [{master: "
            "inside, repeat: until-empty}])",
        });
}

TEST_CASE("element and frame shapes") {
  TempDir dir;
  auto l = layout(dir, minimal_layout(R"(
)").replace(minimal_layout().find("    frames:"), 0, R"(    elements:
      - {rect: {x: 0, y: 0, width: 1in, height: 1in, fill: black}, x: 2in}
      - {circle: {x: 0}}
      - {text: hi, x: 0, y: 0, width: 1in, colr: black}
)"));
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml:10:71: error: 'x' is given twice in this element",
            "l.yaml:11:9: error: an element has exactly one kind: rect, line, image or text",
            "l.yaml:12:44: error: unknown key 'colr' in element of master 'inside' (expected one of: x, y, width, "
            "height, text, style)",
        });
}

TEST_CASE("headers, footers and frames: defaults and checks") {
  TempDir dir;
  std::string y = minimal_layout();
  y.replace(y.find("    frames:"), 0,
            "    header: \"{{meta.title}}\"\n    footer: {text: \"{{page}}\", y: 10.5in, height: 12pt}\n");
  y.replace(y.find("height: 9in}]"), 13,
            "height: 9in}, {flow: side, x: 7in, y: 0, width: 2in, height: 100%, columns: 3, gutter: 1in}]");
  auto l = layout(dir, y);
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml:11:83: warning: frame 'frame-2' reaches past the trim edge of the page",
            "l.yaml:11:83: error: frame 'frame-2': the gutters leave no room for the columns",
        });
  y.replace(y.find("columns: 3, gutter: 1in"), 23, "columns: 1");
  auto ok = layout(dir, y);
  REQUIRE(ok.layout);
  const auto& m = ok.layout->masters.at("inside");
  REQUIRE(m.header);
  CHECK(m.header->text.value == "{{meta.title}}");
  CHECK(m.header->x.value == doctest::Approx(36));
  CHECK(m.header->width.value == doctest::Approx(540));
  REQUIRE(m.footer);
  CHECK(m.footer->y.value == doctest::Approx(756));
  CHECK(m.footer->x.value == doctest::Approx(36));
  CHECK(m.frames[1].name == "frame-2");
  CHECK(m.frames[1].height.percent);
}

TEST_CASE("fonts need a regular face that exists") {
  TempDir dir;
  auto l = layout(dir, "galley: 1\npage: {size: a5}\nfonts:\n  Sans: {bold: " + font("NotoSans-Bold.ttf") +
                           "}\n  Mono: fonts/nope.ttf\n  Dir: {regular: .}\nmasters: {m: {}}\nsequence: [m]\n");
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml:4:9: error: missing required key 'regular' in font family 'Sans'",
            "l.yaml:5:9: error: font file 'fonts/nope.ttf' not found (looked for " + dir.path("fonts/nope.ttf") + ")",
            "l.yaml:6:18: error: font file '.' is not a regular file",
        });
}

TEST_CASE("a master that repeats until empty needs a frame with a flow") {
  TempDir dir;
  std::string y = minimal_layout();
  y.replace(y.find("sequence:"), 0, "  back:\n    background: {color: {gray: 0.9}}\n");
  y += "  - {master: back, repeat: until-empty}\n";
  auto l = layout(dir, y);
  CHECK(layout_messages(dir, l.diags) == std::vector<std::string>{
            "l.yaml:14:5: error: master 'back' repeats until empty but has no frame with a flow",
        });
}

TEST_CASE("justification keys: emergency stretch, protrusion, expansion") {
  TempDir dir;
  std::string y = minimal_layout();
  y.replace(y.find("size: 10pt}"), 11, "size: 10pt, emergency-stretch: 50%, protrusion: false, expansion: 1.5%}");
  auto l = layout(dir, y);
  REQUIRE(l.layout);
  const model::Style& body = l.layout->styles.at("body");
  REQUIRE(body.emergency_stretch);
  CHECK(body.emergency_stretch->value == 50);
  CHECK(body.emergency_stretch->percent);
  CHECK(body.protrusion == false);
  CHECK(body.expansion == doctest::Approx(0.015));

  y = minimal_layout();
  y.replace(y.find("size: 10pt}"), 11, "size: 10pt, emergency-stretch: 8pt, expansion: 2}");
  l = layout(dir, y);
  CHECK_FALSE(l.layout);
  CHECK(layout_messages(dir, l.diags) ==
        std::vector<std::string>{"l.yaml:6:75: error: 'expansion' is a percentage such as 2%, found 2"});
}

TEST_CASE("running heads: the heading level of each, 1 by default") {
  TempDir dir;
  auto none = layout(dir, minimal_layout());
  REQUIRE(none.layout);
  CHECK(none.layout->running_heads.section == 1);
  CHECK(none.layout->running_heads.chapter == 1);
  auto set = layout(dir, minimal_layout() + "running-heads: {section: 2, part: 1}\n");
  REQUIRE(set.layout);
  CHECK(set.layout->running_heads.section == 2);
  CHECK(set.layout->running_heads.part == 1);
  auto bad = layout(dir, minimal_layout() + "running-heads: {section: 7, chaptr: 1}\n");
  CHECK(layout_messages(dir, bad.diags) == std::vector<std::string>{
            "l.yaml:12:26: error: 'section' (a heading level) must be from 1 to 4, found 7",
            "l.yaml:12:29: error: unknown key 'chaptr' (did you mean 'chapter'?)",
        });
}
