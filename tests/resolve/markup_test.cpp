#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "fixtures.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

Paragraph markup(const std::string& s, const Variables& vars = {}) {
  ParaStyle style;
  style.font = "Noto Serif";
  Diagnostics diags;
  Paragraph p = resolve_text(text(s), style, vars, diags);
  INFO(messages(diags));
  CHECK_FALSE(diags.has_errors());
  return p;
}

}  // namespace

TEST_CASE("bold, italic, code, link and hard breaks become runs") {
  const Paragraph p = markup("A **bold** and *italic* `x = 1` [site](https://mayo.edu) end  \nnext\\\nlast");
  REQUIRE(p.runs.size() == 9);
  CHECK(p.runs[0].text == "A ");
  CHECK_FALSE(p.runs[0].style->bold);
  CHECK(p.runs[1].text == "bold");
  CHECK(p.runs[1].style->bold);
  CHECK(p.runs[3].text == "italic");
  CHECK(p.runs[3].style->italic);
  CHECK(p.runs[5].text == "x = 1");
  CHECK(p.runs[5].style->code);
  CHECK(p.runs[7].text == "site");
  CHECK(p.runs[7].style->link == "https://mayo.edu");
  CHECK(p.runs[8].text == " end\u2028next\u2028last");
  CHECK(p.runs[8].style->link.empty());
  CHECK(p.plain_text() == "A bold and italic x = 1 site end\u2028next\u2028last");
}

TEST_CASE("~~two tildes~~ strike through, in the layout's strike style; one tilde is text") {
  const Paragraph p = markup("was ~~10~~ now 8, ~5 km~ and **~~both~~**");
  REQUIRE(p.runs.size() == 4);
  CHECK(p.runs[0].text == "was ");
  CHECK(p.runs[1].text == "10");
  CHECK(p.runs[1].style->strike);
  CHECK(p.runs[2].text == " now 8, ~5 km~ and ");
  CHECK_FALSE(p.runs[2].style->strike);
  CHECK((p.runs[3].style->strike && p.runs[3].style->bold));
  // At the start of the text too (three tildes would be a code fence).
  const Paragraph start = markup("~~gone~~ and ~~~ stays");
  REQUIRE(start.runs.size() == 2);
  CHECK(start.runs[0].style->strike);
  CHECK(start.runs[1].text == " and ~~~ stays");

  model::Style strike = style("strike");
  strike.color = "grey";
  strike.color_value = model::Color::gray(0.5);
  const StyledDoc d = styled({paragraph("a ~~b~~")}, layout_with({style("body"), strike}));
  const auto& runs = d.flows.at(0).blocks.at(0).paras.at(0).runs;
  REQUIRE(runs.size() == 2);
  CHECK(runs[1].style->strike);
  CHECK(runs[1].style->color.v[0] == doctest::Approx(0.5));
}

TEST_CASE("nested emphasis combines; emphasis in italic text turns upright") {
  const Paragraph p = markup("***both*** and *outer **inner***");
  REQUIRE(p.runs.size() == 4);
  CHECK((p.runs[0].style->bold && p.runs[0].style->italic));
  CHECK((p.runs[3].text == "inner" && p.runs[3].style->bold && p.runs[3].style->italic));

  ParaStyle italic;
  italic.italic = true;
  Diagnostics diags;
  const Paragraph q = resolve_text(text("a *title* here"), italic, {}, diags);
  REQUIRE(q.runs.size() == 3);
  CHECK_FALSE(q.runs[1].style->italic);
}

TEST_CASE("internal links keep their #id; a soft break is a space") {
  const Paragraph p = markup("see [the program](#program)\nbelow");
  REQUIRE(p.runs.size() == 3);
  CHECK(p.runs[1].style->link == "#program");
  CHECK(p.runs[2].text == " below");
}

TEST_CASE("U+00A0, U+00AD and the author's dashes survive untouched; quotes are made typographic") {
  const std::string s = "Jacksonville,\u00A0Florida \u00A0five\u00ADyear \"quoted\" -- it's --- done...";
  CHECK(markup(s).plain_text() ==
        "Jacksonville,\u00A0Florida \u00A0five\u00ADyear \u201Cquoted\u201D -- it\u2019s --- done...");
  CHECK(markup("\u00A0lead and trail\u00A0").plain_text() == "\u00A0lead and trail\u00A0");
}

TEST_CASE("block syntax at a line start stays literal paragraph text") {
  CHECK(markup("2016. We anticipate growth").plain_text() == "2016. We anticipate growth");
  CHECK(markup("1) one").plain_text() == "1) one");
  CHECK(markup("- foo").plain_text() == "- foo");
  CHECK(markup("+ foo").plain_text() == "+ foo");
  CHECK(markup("* foo").plain_text() == "* foo");
  CHECK(markup("# not a heading").plain_text() == "# not a heading");
  CHECK(markup("> not a quote").plain_text() == "> not a quote");
  CHECK(markup("    four spaces").plain_text() == "four spaces");
  CHECK(markup("```").plain_text() == "```");
  CHECK(markup("---").plain_text() == "---");
  CHECK(markup("<div>html</div>").plain_text() == "<div>html</div>");
  CHECK(markup("a <b>tag</b> inline").plain_text() == "a <b>tag</b> inline");
  CHECK(markup("[ref]: https://x.org").plain_text() == "[ref]: https://x.org");
  CHECK(markup("first line\n2016. second\n- third\n===").plain_text() ==
        "first line 2016. second - third ===");
  CHECK(markup("title\n---").plain_text() == "title ---");
}

TEST_CASE("inline markup at a line start still works") {
  const Paragraph p = markup("*italic* start\n**bold** line\n`code` line");
  REQUIRE(p.runs.size() == 6);
  CHECK(p.runs[0].style->italic);
  CHECK(p.runs[2].style->bold);
  CHECK(p.runs[4].style->code);
  CHECK(markup("<https://mayo.edu>").runs.at(0).style->link == "https://mayo.edu");
}

TEST_CASE("a blank line inside a text is a line break, not a lost paragraph") {
  CHECK(markup("one\n\ntwo").plain_text() == "one\u2028two");
}

TEST_CASE("variables are substituted after parsing: markup in a value stays literal") {
  const Variables v{{"recipient", "*Ada* **L**"}, {"site", "https://mayo.edu/ir"}, {"a_b", "ok"}};
  const Paragraph p = markup("For {{recipient}} at [apply]({{ site }}) {{a_b}} **{{recipient}}**", v);
  CHECK(p.plain_text() == "For *Ada* **L** at apply ok *Ada* **L**");
  REQUIRE(p.runs.size() == 4);
  CHECK_FALSE(p.runs[0].style->italic);
  CHECK(p.runs[1].style->link == "https://mayo.edu/ir");
  CHECK(p.runs[3].style->bold);
  CHECK(markup("literal \\{{braces}}", v).plain_text() == "literal {{braces}}");
}

TEST_CASE("an undefined variable inside markup points at its {{ in the source") {
  Diagnostics diags;
  resolve_text(text("**Dear** {{recipent}}", 7, 15), ParaStyle{}, {{"recipient", "x"}}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) ==
        "content.yaml:7:24: error: undefined variable 'recipent' (did you mean 'recipient'?)");
}

TEST_CASE("uppercase styles upper-case with ICU's full mapping and the language") {
  ParaStyle s;
  s.uppercase = true;
  Diagnostics diags;
  CHECK(resolve_text(text("straße **élan**"), s, {}, diags).plain_text() == "STRASSE ÉLAN");
  s.language = "tr";
  CHECK(resolve_text(text("istanbul"), s, {}, diags).plain_text() == "\u0130STANBUL");
}

TEST_CASE("layout character styles: code in Noto Mono, link colour, strong and emphasis as defined") {
  model::Style strong = style("strong");
  strong.bold = true;
  strong.color_value = model::Color::gray(0.5);
  strong.color = "mid";
  model::Style link = style("link");
  link.color = "web";
  link.color_value = model::Color::gray(0.3);
  model::Layout l = layout_with({style("body"), strong, link});
  model::FontFamily mono;
  mono.name = "Noto Mono";
  l.fonts.push_back(mono);
  const StyledDoc d = styled({paragraph("**b** `c` [l](https://x.org) *e*")}, l);
  const auto& runs = d.flows.at(0).blocks.at(0).paras.at(0).runs;
  REQUIRE(runs.size() == 7);
  CHECK(runs[0].style->color.v[0] == doctest::Approx(0.5));
  CHECK(runs[2].style->font == "Noto Mono");
  CHECK(runs[2].style->code);
  CHECK(runs[4].style->color.v[0] == doctest::Approx(0.3));
  CHECK(runs[6].style->italic);
  CHECK(runs[6].style->font == "Noto Serif");

  // Without a monospaced family, code stays in the paragraph's font.
  const StyledDoc plain = styled({paragraph("`c`")}, layout_with({style("body")}));
  CHECK(plain.flows[0].blocks[0].paras[0].runs.at(0).style->font == "Noto Serif");
}

TEST_CASE("hostile markup neither crashes nor hangs") {
  std::string deep(20000, '[');
  deep += std::string(20000, '*');
  deep += "\xff\xfe broken utf-8";
  Diagnostics diags;
  const Paragraph p = resolve_text(text(deep), ParaStyle{}, {}, diags);
  CHECK(p.plain_text().size() >= 40000);
}

TEST_CASE("master text can use the layout's character styles") {
  model::Style strong = style("strong");
  strong.bold = true;
  strong.size = 14;
  const model::Layout l = layout_with({strong});
  Diagnostics diags;
  const Cascade cascade(l, "en-US", diags);
  const Paragraph p = resolve_text(text("**{{page}}** of {{pages}}"), ParaStyle{},
                                   {{"page", "2"}, {"pages", "9"}}, diags, &cascade);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(p.runs.size() == 2);
  CHECK(p.runs[0].text == "2");
  CHECK(p.runs[0].style->size == 14);
  CHECK(p.runs[1].text == " of 9");
  CHECK(p.runs[1].style->size == ParaStyle{}.size);
}

TEST_CASE("master text becomes a template once; the page's values fill its slots") {
  model::Style strong = style("strong");
  strong.bold = true;
  strong.size = 14;
  model::Layout l = layout_with({strong});
  model::Master m;
  m.name = "inside";
  model::Element footer;
  footer.kind = model::Element::Kind::Text;
  footer.text = text("**{{page}}** of {{pages}} · {{where}}");
  footer.style = "caps";
  m.footer = footer;
  l.masters["inside"] = m;
  l.masters["unused"] = m;
  l.sequence.push_back({"inside", {}, false, 1});
  Diagnostics diags;
  const Cascade cascade(l, "en-US", diags);
  std::map<std::string, ParaStyle> styles;
  styles["caps"].uppercase = true;
  const auto texts = master_text(l, styles, {{"where", "Sección {{section}}"}}, diags, &cascade);
  CHECK_FALSE(diags.has_errors());
  // Only the masters the sequence names.
  REQUIRE(texts.size() == 1);
  REQUIRE(texts.at("inside").size() == 1);
  const TextTemplate& t = texts.at("inside")[0];
  CHECK(t.has_slots);
  TextTemplate::Values values;
  values[static_cast<size_t>(Slot::Page)] = "2";
  values[static_cast<size_t>(Slot::Pages)] = "9";
  values[static_cast<size_t>(Slot::Section)] = "Straße";
  const Paragraph p = t.fill(values);
  REQUIRE(p.runs.size() == 2);
  CHECK(p.runs[0].text == "2");
  CHECK(p.runs[0].style->size == 14);
  CHECK(p.runs[1].text == " OF 9 · SECCIÓN STRASSE");
}

TEST_CASE("running heads in flow text are an error, as {{page}} is") {
  const Variables vars;
  Diagnostics diags;
  resolve_text(text("In {{section-first}}"), ParaStyle{}, vars, diags);
  CHECK(messages(diags).find("'{{section-first}}' is only available in master page text") != std::string::npos);
}

TEST_CASE("an image inside text is a run of its own: its file beside the text's, its description the alt text") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "galley-inline-image-test";
  std::filesystem::create_directories(dir / "icons");
  std::ofstream(dir / "icons" / "x.png") << "png";
  model::Text t{"Call ![a *phone*](icons/x.png) now", {(dir / "content.yaml").string(), 3, 14}};
  Diagnostics diags;
  const Paragraph p = resolve_text(t, ParaStyle{}, {}, diags);
  CHECK(messages(diags).empty());
  REQUIRE(p.runs.size() == 3);
  CHECK(p.runs[0].text == "Call ");
  CHECK(p.runs[1].text == "\uFFFC");
  CHECK(p.runs[1].style->image == (dir / "icons" / "x.png").string());
  CHECK(p.runs[1].style->image_alt == "a phone");
  CHECK(p.runs[2].text == " now");
  CHECK(p.runs[2].style->image.empty());

  // Missing, or outside the root folder: an error at the text, and no image.
  model::Text missing{"An ![icon](nothere.png) here", t.loc};
  const Paragraph q = resolve_text(missing, ParaStyle{}, {}, diags);
  CHECK(messages(diags) == (dir / "content.yaml").string() + ":3:14: error: image 'nothere.png' not found (looked for " +
                               (dir / "nothere.png").string() + ")\n");
  CHECK(q.plain_text() == "An  here");
  Diagnostics confined;
  Expansion expansion;
  expansion.root = (dir / "icons").string();
  resolve_text(model::Text{"![up](../content.yaml)", t.loc}, ParaStyle{}, {}, confined, nullptr, nullptr, &expansion);
  CHECK(messages(confined).find("image '../content.yaml' is outside the root folder") != std::string::npos);
  std::filesystem::remove_all(dir);
}
