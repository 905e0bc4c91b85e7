#include <doctest/doctest.h>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;
using model::BlockKind;

namespace {
struct Loaded {
  std::optional<model::Document> doc;
  Diagnostics diags;
};

Loaded content(const TempDir& dir, const std::string& yaml) {
  Loaded l;
  l.doc = load::load_document(dir.write("c.yaml", yaml), l.diags);
  return l;
}

// The diagnostic lines with the temporary folder cut off.
std::vector<std::string> messages(const TempDir& dir, const Diagnostics& d) {
  std::vector<std::string> out;
  for (auto l : lines(d)) {
    if (l.starts_with(dir.path())) l = l.substr(dir.path().size() + 1);
    out.push_back(l);
  }
  return out;
}
}  // namespace

TEST_CASE("a full content descriptor loads into the model with locations") {
  TempDir dir;
  dir.write("images/campus.png", "png");
  dir.write("layouts/l.yaml", "galley: 1");
  auto l = content(dir, R"(galley: 1
layout: layouts/l.yaml
meta: {title: IR Residency, keywords: [radiology, Mayo], language: en-US, date: 2026-11-01}
variables: {recipient: Future resident, year: 2026}
flows:
  main:
    - title: "{{meta.title}}"
    - heading: Program overview
      level: 2
      id: overview
      keep-with-next: true
    - paragraph: "Five years\u00a0of training."
      style: lead
    - list: [One, Two, [Two-a, Two-b], Three]
    - list: {items: [First, Second], ordered: true}
    - image: {src: images/campus.png, caption: Campus, alt: A campus, width: 50%, fit: cover}
    - table: {columns: [Year, Focus], rows: [[PGY-1, Surgery], [PGY-2, DR]], header-repeat: false, widths: [30%, 70%]}
    - quote: {text: Great program., by: A resident}
    - quote: Plain quote.
    - callout: {text: Apply now, style: highlight}
    - qr: {data: "https://example.org", size: 1in, caption: Apply}
    - toc: {}
    - break: column
)");
  INFO(lines(l.diags).size());
  REQUIRE(l.doc);
  CHECK(l.diags.all().empty());
  const auto& d = *l.doc;
  CHECK(d.layout_path == dir.path("layouts/l.yaml"));
  CHECK(d.meta.title.value == "IR Residency");
  CHECK(d.meta.title.loc.line == 3);
  CHECK(d.meta.title.loc.col == 15);
  CHECK(d.meta.keywords.size() == 2);
  CHECK(d.meta.date == "2026-11-01");
  CHECK(d.variables.at("recipient").value == "Future resident");
  CHECK(d.variables.at("year").value == "2026");
  REQUIRE(d.flows.size() == 1);
  const auto& b = d.flows[0].blocks;
  REQUIRE(b.size() == 13);
  CHECK(b[0].kind == BlockKind::Title);
  CHECK(b[0].text.value == "{{meta.title}}");
  // A quoted text starts after its quote, so offsets into it find their column.
  CHECK(b[0].text.loc.line == 7);
  CHECK(b[0].text.loc.col == 15);
  CHECK(b[1].kind == BlockKind::Heading);
  CHECK(b[1].level == 2);
  CHECK(b[1].id == "overview");
  CHECK(b[1].keep_with_next == true);
  CHECK(b[1].loc.line == 8);
  CHECK(b[2].text.value == "Five years\u00a0of training.");
  CHECK(b[2].style == "lead");
  CHECK(b[2].style_loc.line == 13);
  REQUIRE(b[3].items.size() == 3);
  CHECK(b[3].items[1].children.size() == 2);
  CHECK(b[3].items[1].children[1].text.value == "Two-b");
  CHECK_FALSE(b[3].ordered);
  CHECK(b[4].ordered);
  CHECK(b[5].src == dir.path("images/campus.png"));
  CHECK(b[5].width->percent);
  CHECK(b[5].fit == model::Fit::Cover);
  CHECK(b[6].columns.size() == 2);
  CHECK(b[6].rows[1][1].value == "DR");
  CHECK_FALSE(b[6].header_repeat);
  CHECK(b[6].column_widths[1].length.value == 70);
  CHECK(b[7].by.value == "A resident");
  CHECK(b[8].text.value == "Plain quote.");
  CHECK(b[9].style == "highlight");
  CHECK(b[10].data == "https://example.org");
  CHECK(b[10].size->value == doctest::Approx(72));
  CHECK(b[11].kind == BlockKind::Toc);
  CHECK(b[12].break_kind == model::BreakKind::Column);
}

TEST_CASE("missing required keys and a wrong version are errors") {
  TempDir dir;
  auto l = content(dir, "meta: {title: x}\n");
  CHECK_FALSE(l.doc);
  CHECK(messages(dir, l.diags) ==
        std::vector<std::string>{"c.yaml: error: missing required key 'galley' (the format version: galley: 1)",
                                 "c.yaml: error: missing required key 'flows' (the named stories of the content)"});
  auto v = content(dir, "galley: 2\nflows: {main: [paragraph: x]}\n");
  CHECK(messages(dir, v.diags) ==
        std::vector<std::string>{"c.yaml:1:9: error: unsupported format version '2' (this galley reads version 1)"});
}

TEST_CASE("every error is collected, not just the first") {
  TempDir dir;
  auto l = content(dir, R"(galley: 1
meta: {titel: x, date: 2026-02-30}
flows:
  main:
    - paragraph: ok
      colour: red
    - heading: x
      level: 7
    - image: {src: nowhere.png}
    - table: {columns: [A, B], rows: [[1, 2], [3]]}
    - break: pgae
    - qr: {size: 1in}
    - frobnicate: x
)");
  CHECK_FALSE(l.doc);
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "c.yaml:2:8: error: unknown key 'titel' (did you mean 'title'?)",
            "c.yaml:2:24: error: 'date' must be a calendar date written YYYY-MM-DD",
            "c.yaml:6:7: error: unknown key 'colour' in a paragraph block (did you mean 'color'? it belongs on a style "
            "in the layout)",
            "c.yaml:8:14: error: heading 'level' must be from 1 to 4, found 7",
            "c.yaml:9:20: error: image 'src' 'nowhere.png' not found (looked for " + dir.path("nowhere.png") + ")",
            "c.yaml:10:47: error: this row has 1 cells; the table has 2 columns",
            "c.yaml:11:14: error: unknown break 'pgae' (did you mean 'page'?)",
            "c.yaml:12:11: error: missing required key 'data' in qr",
            "c.yaml:13:7: error: unknown key 'frobnicate' in a block (expected one of: style, id, keep-with-next, span, "
            "title, heading, paragraph, list, image, table, quote, callout, qr, chart, toc, break, markdown)",
        });
}

TEST_CASE("wrong types are named") {
  TempDir dir;
  auto l = content(dir, R"(galley: 1
variables: [a, b]
flows:
  main:
    - paragraph: [not, text]
    - heading: x
      keep-with-next: maybe
    - just a string
    - {paragraph: a, heading: b}
    - {heading: Contents, toc: false}
  side: 12
)");
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "c.yaml:2:12: error: expected a mapping for variables, found a list",
            "c.yaml:5:18: error: expected text for 'paragraph', found a list",
            "c.yaml:7:23: error: expected true or false for 'keep-with-next', found 'maybe'",
            "c.yaml:8:7: error: expected a block such as {paragraph: ...}, found a value",
            "c.yaml:9:7: error: a block has one kind, found both 'heading' and 'paragraph'",
            "c.yaml:10:7: error: a block has one kind, found both 'heading' and 'toc' (to leave a heading out of the "
            "table of contents, write 'in-toc: false')",
            "c.yaml:11:9: error: expected a list for flow 'side', found a value",
        });
}

TEST_CASE("duplicate keys and ids are errors") {
  TempDir dir;
  auto l = content(dir, R"(galley: 1
flows:
  main:
    - {heading: a, id: x}
    - {heading: b, id: x}
    - {paragraph: a, style: p, style: q}
    - {style: p}
)");
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "c.yaml:5:24: error: duplicate id 'x'",
            "c.yaml:6:32: error: duplicate key 'style' (first given on line 6)",
            "c.yaml:7:7: error: a block needs a kind: title, heading, paragraph, list, image, table, quote, callout, "
            "qr, chart, toc, break or markdown",
        });
}

TEST_CASE("paths resolve relative to the descriptor that names them") {
  TempDir dir;
  dir.write("content/images/a.png", "png");
  dir.write("layouts/l.yaml", "galley: 1");
  Diagnostics d;
  auto doc = load::load_document(dir.write("content/c.yaml", "galley: 1\nlayout: ../layouts/l.yaml\n"
                                                             "flows: {main: [image: images/a.png]}\n"),
                                 d);
  REQUIRE(doc);
  CHECK(doc->layout_path == dir.path("layouts/l.yaml"));
  CHECK(doc->flows[0].blocks[0].src == dir.path("content/images/a.png"));

  Diagnostics e;
  load::load_document(dir.write("content/d.yaml", "galley: 1\nlayout: l.yaml\nflows: {main: [paragraph: x]}\n"), e);
  CHECK(first_line(e) == dir.path("content/d.yaml") + ":2:9: error: layout 'l.yaml' not found (looked for " +
                             dir.path("content/l.yaml") + ")");
}

TEST_CASE("nested lists attach to the item before them") {
  TempDir dir;
  auto l = content(dir, R"(galley: 1
flows:
  main:
    - list:
        - Alpha
        - {items: [a1, a2], ordered: true}
        - {text: Beta, items: [b1]}
        - [orphan]
)");
  REQUIRE(l.doc);
  const auto& items = l.doc->flows[0].blocks[0].items;
  REQUIRE(items.size() == 2);
  CHECK(items[0].children.size() == 2);
  CHECK(items[0].children_ordered);
  CHECK(items[1].text.value == "Beta");
  REQUIRE(items[1].children.size() == 2);
  CHECK(items[1].children[1].text.value == "orphan");
}

TEST_CASE("columns count characters, not bytes") {
  TempDir dir;
  auto l = content(dir, "galley: 1\nmeta: {title: \"Caf\u00e9\u00a0\u00b7 x\", auhtor: y}\nflows: {main: [paragraph: x]}\n");
  CHECK(messages(dir, l.diags) ==
        std::vector<std::string>{"c.yaml:2:27: error: unknown key 'auhtor' (did you mean 'author'?)"});
}

TEST_CASE("block shapes: toc takes no keys, qr data is bounded, quotes need text") {
  TempDir dir;
  // Level M holds 2331 bytes of text, 5596 digits (an unexpanded {{variable}} is measured later).
  auto l = content(dir, "galley: 1\nflows:\n  main:\n    - toc: {depth: 2}\n    - qr: \"" + std::string(2332, 'x') +
                            "\"\n    - quote: {by: Someone}\n    - heading:\n    - quote:\n    - qr: \"" +
                            std::string(5596, '7') + "\"\n    - qr: \"{{v}}" + std::string(2500, 'x') + "\"\n");
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "c.yaml:4:13: error: unknown key 'depth' (toc takes no keys)",
            "c.yaml:5:11: error: qr 'data' is too long for a QR code: 2332 bytes, and at error-correction level M a "
            "code holds at most 2331 bytes of text (3391 of digits and capital letters, 5596 of digits only)",
            "c.yaml:6:14: error: missing required key 'text' in quote",
            "c.yaml:7:7: error: 'heading' needs text",
            "c.yaml:8:7: error: 'quote' needs a value",
        });
}

TEST_CASE("variables: names, reserved names and values") {
  TempDir dir;
  auto l = content(dir, "galley: 1\nvariables: {page: 3, meta.title: x, \"a b\": y, ok: {x: 1}, empty: }\n"
                        "flows: {main: [paragraph: x]}\n");
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "c.yaml:2:13: error: 'page' is reserved: galley sets it itself",
            "c.yaml:2:22: error: 'meta.title' is reserved: galley sets it itself",
            "c.yaml:2:37: error: variable names use letters, digits, '_', '-' and '.'",
            "c.yaml:2:51: error: expected text for variable 'ok', found a mapping",
        });
}

TEST_CASE("images take height, focus and align; QR codes take align") {
  TempDir dir;
  dir.write("p.png", "x");
  auto l = content(dir, "galley: 1\nflows:\n  main:\n"
                        "    - image: {src: p.png, height: 2in, focus: [0.5, 0.25], align: left}\n"
                        "    - image: {src: p.png, width: 50%, align: right}\n"
                        "    - qr: {data: x, align: center}\n");
  REQUIRE(l.doc);
  const auto& b = l.doc->flows[0].blocks;
  REQUIRE(b[0].height);
  CHECK(b[0].height->value == doctest::Approx(144));
  CHECK(b[0].fit == model::Fit::Cover);  // a height of its own crops
  CHECK(b[0].focus_x == doctest::Approx(0.5));
  CHECK(b[0].focus_y == doctest::Approx(0.25));
  CHECK(b[0].align == model::HAlign::Left);
  CHECK(b[1].fit == model::Fit::Contain);
  CHECK(b[1].align == model::HAlign::Right);
  CHECK(b[2].align == model::HAlign::Center);
}

TEST_CASE("a focus on an image that is not cropped, or not a point, is an error") {
  TempDir dir;
  dir.write("p.png", "x");
  auto l = content(dir, "galley: 1\nflows:\n  main:\n"
                        "    - image: {src: p.png, focus: [0.5, 0.3]}\n"
                        "    - image: {src: p.png, height: 1in, focus: [2, 0]}\n"
                        "    - image: {src: p.png, height: 1in, focus: 0.5, align: middle}\n");
  CHECK_FALSE(l.doc);
  CHECK(messages(dir, l.diags) ==
        std::vector<std::string>{
            "c.yaml:4:34: error: 'focus' says what cropping keeps in view; this image is not cropped (give 'height', "
            "or fit: cover)",
            "c.yaml:5:48: error: focus x must be from 0 to 1, found 2",
            "c.yaml:6:47: error: 'focus' is a point [x, y] of the picture, fractions from its top left, e.g. [0.5, 0.3]",
            "c.yaml:6:59: error: unknown align 'middle' (expected one of: left, center, right)",
        });
}

TEST_CASE("a [...] table row with a cell too many says a comma separates cells") {
  TempDir dir;
  auto l = content(dir, "galley: 1\nflows:\n  main:\n"
                        "    - table:\n        columns: [When, What]\n"
                        "        rows:\n          - [May, Writing, the report]\n          - - June\n            - a\n"
                        "            - b\n");
  CHECK(messages(dir, l.diags) ==
        std::vector<std::string>{
            "c.yaml:7:13: error: this row has 3 cells; the table has 2 columns (in [...] a comma separates cells: "
            "quote a cell that holds one)",
            "c.yaml:8:13: error: this row has 3 cells; the table has 2 columns",
        });
}

TEST_CASE("markdown blocks become galley's blocks, from the content file or a .md file") {
  TempDir dir;
  dir.write("chapters/pic.png", "png");
  dir.write("chapters/one.md", R"(## Two *words*

Para one
runs on.

1. first
   - nested a
   - nested b
2. second

> Quoted.

```
  indented code
```

![A picture](pic.png "Its caption")
)");
  auto l = content(dir, R"(galley: 1
flows:
  main:
    - markdown: |
        # Title **bold**

        Text.
    - markdown: {file: chapters/one.md}
)");
  REQUIRE(l.doc);
  CHECK(messages(dir, l.diags).empty());
  const auto& b = l.doc->flows[0].blocks;
  REQUIRE(b.size() == 8);
  CHECK(b[0].kind == BlockKind::Heading);
  CHECK(b[0].level == 1);
  CHECK(b[0].text.value == "Title **bold**");
  CHECK(b[0].text.loc.line == 5);
  CHECK(b[0].text.loc.col == 9);
  CHECK(b[1].kind == BlockKind::Paragraph);
  CHECK(b[1].text.value == "Text.");
  CHECK(b[1].loc.line == 7);
  CHECK(b[2].kind == BlockKind::Heading);
  CHECK(b[2].level == 2);
  CHECK(b[2].text.value == "Two *words*");
  CHECK(b[2].loc.file.ends_with("chapters/one.md"));
  CHECK(b[3].text.value == "Para one\nruns on.");
  CHECK(b[3].loc.line == 3);
  CHECK(b[4].kind == BlockKind::List);
  CHECK(b[4].ordered);
  REQUIRE(b[4].items.size() == 2);
  CHECK(b[4].items[0].text.value == "first");
  REQUIRE(b[4].items[0].children.size() == 2);
  CHECK_FALSE(b[4].items[0].children_ordered);
  CHECK(b[4].items[0].children[1].text.value == "nested b");
  CHECK(b[5].kind == BlockKind::Quote);
  CHECK(b[5].text.value == "Quoted.");
  CHECK(b[6].kind == BlockKind::Paragraph);
  CHECK(b[6].text.value == "` \u2060\u00A0\u00A0indented code `");
  CHECK(b[7].kind == BlockKind::Image);
  CHECK(b[7].src == dir.path("chapters/pic.png"));
  CHECK(b[7].alt == "A picture");
  CHECK(b[7].caption.value == "Its caption");
}

TEST_CASE("what Markdown blocks cannot set is a warning at its place in the .md file") {
  TempDir dir;
  dir.write("x.md", "Text\n\n---\n\n<div>x</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAn ![icon](i.png) here.\n\n"
                    "###### Deep\n\n![gone](missing.png)\n");
  auto typo = content(dir, "galley: 1\nflows:\n  main:\n    - markdown: {fil: x.md}\n");
  CHECK(messages(dir, typo.diags) ==
        std::vector<std::string>{"c.yaml:4:18: error: unknown key 'fil' (did you mean 'file'?)"});
  auto kind = content(dir, "galley: 1\nflows:\n  main:\n    - markdwn: x\n    - {markdown: x, style: intro}\n");
  CHECK(messages(dir, kind.diags) ==
        std::vector<std::string>{"c.yaml:4:7: error: unknown key 'markdwn' (did you mean 'markdown'?)",
                                 "c.yaml:5:21: error: 'style' does not apply to a markdown block: the blocks it "
                                 "converts to take their kinds' styles (write the block in YAML to give it one)"});
  auto l = content(dir, "galley: 1\nflows:\n  main:\n    - markdown: {file: x.md}\n");
  CHECK(messages(dir, l.diags) == std::vector<std::string>{
            "x.md:3:1: warning: a thematic break (---) is left out: galley has no rule block; draw rules in the layout",
            "x.md:5:1: warning: HTML is not supported in Markdown; this block is left out",
            "x.md:13:1: warning: heading level 6 is set as level 4, the deepest galley has",
            "x.md:15:1: error: image 'missing.png' not found (looked for " + dir.path("missing.png") + ")",
        });
}

TEST_CASE("GitHub tables in Markdown become table blocks; ~~strike~~ is kept as markup") {
  TempDir dir;
  dir.write("t.md", "Before ~~old~~ new, ~one tilde~.\n\n"
                    "| Item | Count | Note |\n"
                    "|:-----|:-----:|-----:|\n"
                    "| **Tea** | 2 | a \\| b |\n"
                    "| Cake |\n");
  auto l = content(dir, "galley: 1\nflows:\n  main:\n    - markdown: {file: t.md}\n");
  REQUIRE(l.doc);
  CHECK(messages(dir, l.diags).empty());
  const auto& b = l.doc->flows[0].blocks;
  REQUIRE(b.size() == 2);
  // Kept as markup: a single tilde escaped, as it is text.
  CHECK(b[0].text.value == "Before ~~old~~ new, \\~one tilde\\~.");
  CHECK(b[1].kind == BlockKind::Table);
  CHECK(b[1].loc.line == 3);
  REQUIRE(b[1].columns.size() == 3);
  CHECK(b[1].columns[0].value == "Item");
  CHECK(b[1].columns[2].value == "Note");
  CHECK(b[1].column_aligns == std::vector<model::ColumnAlign>{model::ColumnAlign::Left, model::ColumnAlign::Center,
                                                               model::ColumnAlign::Right});
  REQUIRE(b[1].rows.size() == 2);
  CHECK(b[1].rows[0][0].value == "**Tea**");
  CHECK(b[1].rows[0][0].loc.line == 5);
  CHECK(b[1].rows[0][2].value == "a | b");
  // A short row is filled with empty cells, as GitHub shows it.
  REQUIRE(b[1].rows[1].size() == 3);
  CHECK(b[1].rows[1][1].value.empty());
}

TEST_CASE("Markdown lists nest at most 16 deep; deeper is a warning, not a deep recursion") {
  TempDir dir;
  std::string md;
  for (int i = 0; i < 1000; ++i) md += std::string(static_cast<size_t>(2 * i), ' ') + "- item\n";
  dir.write("deep.md", md);
  auto l = content(dir, "galley: 1\nflows:\n  main:\n    - markdown: {file: deep.md}\n");
  REQUIRE(l.doc);
  CHECK(messages(dir, l.diags) ==
        std::vector<std::string>{"deep.md:17:33: warning: lists nest at most 16 deep; this one is left out"});
  int depth = 0;
  for (const model::ListItem* i = &l.doc->flows[0].blocks.at(0).items.at(0); !i->children.empty();
       i = &i->children[0])
    ++depth;
  CHECK(depth == 15);
}
