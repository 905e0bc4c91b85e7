// A batch's shared cascade and markup parses (resolve/detail/prepared.h) give what
// a fresh resolve() gives, and each row still gets its own values.
#include <doctest/doctest.h>

#include <thread>

#include "fixtures.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

model::Layout styled_layout() {
  model::Style strong = style("strong");
  strong.color = "accent";
  model::Style link = style("link");
  link.italic = true;
  model::Style body = style("body");
  body.size = 11;
  model::Style lead = style("lead", "body");
  lead.uppercase = true;
  model::Layout l = layout_with({body, lead, strong, link});
  l.colors["accent"] = model::Color::gray(0.3);
  return l;
}

model::Document markup_doc() {
  return document({paragraph("Dear **{{recipient}}**, see [your page](https://x.org/{{slug}}) *now*"),
                   paragraph("For `{{recipient}}` \\{{kept}}", "lead"), heading("{{meta.title}}", 2)});
}

// Every field the later stages read, as text, so results compare whole.
std::string dump(const StyledDoc& d) {
  std::string s;
  auto style = [&](const CharStyle& c) {
    s += c.font + (c.bold ? " b" : "") + (c.italic ? " i" : "") + " " + std::to_string(c.size) + " " +
         std::to_string(c.color.v[0]) + " " + c.language + " <" + c.link + ">" + (c.code ? " code" : "") + "\n";
  };
  for (const Flow& f : d.flows)
    for (const Block& b : f.blocks)
      for (const Paragraph& p : b.paras) {
        s += p.style->name + " " + std::to_string(p.style->size) + (p.style->keep_with_next ? " keep" : "") + "\n";
        for (const Run& r : p.runs) {
          s += "[" + r.text + "] ";
          style(r.style);
        }
      }
  for (const auto& [name, p] : d.styles) s += name + " " + p.font + " " + std::to_string(p.size) + "\n";
  return s;
}

struct Outcome {
  std::string doc;
  std::string diags;
};

Outcome run(const model::Document& d, const model::Layout& l, const Variables& vars, const Prepared* prepared) {
  Diagnostics diags;
  auto out = resolve::resolve(d, l, vars, diags, prepared);
  return {out ? dump(*out) : "(none)", messages(diags)};
}

}  // namespace

TEST_CASE("a prepared cascade and cached parses resolve as a fresh resolve() does") {
  const model::Layout l = styled_layout();
  const model::Document d = markup_doc();
  const Prepared prepared(d, l);
  REQUIRE(prepared.cascade());
  for (const char* who : {"Ana", "Bo *not bold*", "Cy"}) {
    const Variables vars = make_variables(d, {{"recipient", who}, {"slug", who}});
    const Outcome fresh = run(d, l, vars, nullptr);
    const Outcome shared = run(d, l, vars, &prepared);
    CHECK(fresh.diags.empty());
    CHECK(shared.doc == fresh.doc);
    CHECK(shared.diags == fresh.diags);
  }
}

TEST_CASE("a row that changes a variable inside markup gets its own text and link") {
  const model::Layout l = styled_layout();
  const model::Document d = markup_doc();
  const Prepared prepared(d, l);
  Diagnostics diags;
  auto first = resolve::resolve(d, l, make_variables(d, {{"recipient", "Ana"}, {"slug", "ana"}}), diags, &prepared);
  auto second = resolve::resolve(d, l, make_variables(d, {{"recipient", "Bo"}, {"slug", "bo"}}), diags, &prepared);
  REQUIRE(first);
  REQUIRE(second);
  const Paragraph& a = first->flows[0].blocks[0].paras[0];
  const Paragraph& b = second->flows[0].blocks[0].paras[0];
  CHECK(a.plain_text() == "Dear Ana, see your page now");
  CHECK(b.plain_text() == "Dear Bo, see your page now");
  CHECK(a.runs[1].style->color.v[0] == doctest::Approx(0.3));  // the layout's strong
  CHECK(a.runs[3].style->link == "https://x.org/ana");
  CHECK(b.runs[3].style->link == "https://x.org/bo");
  CHECK(second->flows[0].blocks[1].paras[0].plain_text() == "FOR BO {{KEPT}}");
}

TEST_CASE("errors in cached markup are reported per row, at the same place") {
  const model::Layout l = styled_layout();
  const model::Document d = document({paragraph("**Dear** {{recipent}} [x]({{nope}})")});
  const Prepared prepared(d, l);
  const Variables vars = make_variables(d, {{"recipient", "Ana"}});
  const Outcome fresh = run(d, l, vars, nullptr);
  CHECK(fresh.doc == "(none)");
  CHECK(fresh.diags.find("content.yaml:3:") != std::string::npos);
  for (int row = 0; row < 2; ++row) CHECK(run(d, l, vars, &prepared).diags == fresh.diags);
}

TEST_CASE("a layout whose cascade has errors is not prepared: every resolve() reports them") {
  model::Layout l = styled_layout();
  l.styles["lead"].base = "nosuch";
  const model::Document d = markup_doc();
  const Prepared prepared(d, l);
  CHECK_FALSE(prepared.cascade());
  const Variables vars = make_variables(d, {{"recipient", "Ana"}, {"slug", "a"}});
  const Outcome fresh = run(d, l, vars, nullptr);
  CHECK(fresh.diags.find("unknown base style 'nosuch'") != std::string::npos);
  CHECK(run(d, l, vars, &prepared).diags == fresh.diags);
}

TEST_CASE("rows on several threads share one prepared resolve") {
  const model::Layout l = styled_layout();
  const model::Document d = markup_doc();
  const Prepared prepared(d, l);
  std::vector<std::string> got(8), want(8);
  for (size_t i = 0; i < want.size(); ++i)
    want[i] = run(d, l, make_variables(d, {{"recipient", std::to_string(i)}, {"slug", "s"}}), nullptr).doc;
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      got[i] = run(d, l, make_variables(d, {{"recipient", std::to_string(i)}, {"slug", "s"}}), &prepared).doc;
    });
  for (std::thread& t : threads) t.join();
  CHECK(got == want);
}

TEST_CASE("the markup cache gives one parse per text") {
  MarkupCache cache;
  const auto a = cache.get("**{{x}}** and *y*");
  const auto b = cache.get("**{{x}}** and *y*");
  REQUIRE(a);
  CHECK(a == b);
  CHECK(cache.get("other") != a);
  REQUIRE(a->runs.size() == 3);
  CHECK(a->runs[0].text == "{{x}}");
  CHECK(a->runs[0].ops == std::vector<CharOp>{CharOp::Strong});
}

TEST_CASE("the markup memo key covers every input that changes the parse") {
  const std::vector<std::string> sources{"a", "*a*", "**a**", "`a`", "[a](x)", "[a](y)", "[b](x)", "{{x}}",
                                         "{{y}}", "a b", "a  b", "**a** b", "a **b**"};
  const auto same = [](const ParsedMarkup& p, const ParsedMarkup& q) {
    if (p.urls != q.urls || p.runs.size() != q.runs.size()) return false;
    for (size_t i = 0; i < p.runs.size(); ++i)
      if (p.runs[i].text != q.runs[i].text || p.runs[i].ops != q.runs[i].ops || p.runs[i].link != q.runs[i].link)
        return false;
    return true;
  };
  for (size_t i = 0; i < sources.size(); ++i)
    for (size_t j = i + 1; j < sources.size(); ++j) {
      const auto a = parse_markup(sources[i]), b = parse_markup(sources[j]);
      REQUIRE((a && b));
      INFO(sources[i] << " / " << sources[j]);
      if (!same(*a, *b)) CHECK(markup_key(sources[i]) != markup_key(sources[j]));
    }
  MarkupCache cache;
  CHECK(cache.get("[a](x)")->urls == std::vector<std::string>{"x"});
  CHECK(cache.get("[a](y)")->urls == std::vector<std::string>{"y"});
}

TEST_CASE("blocks no variable reaches are kept from one resolve and copied by the next, the same as resolved") {
  const model::Layout l = styled_layout();
  const model::Document d =
      document({paragraph("Dear **{{recipient}}**"), paragraph("Plain *text* for everyone"),
                heading("{{meta.title}}", 2), paragraph("An {{undefined}} name"), paragraph("Also plain")});
  const Prepared prepared(d, l);
  FixedBlocks kept;
  Diagnostics first_diags;
  auto first = resolve::resolve(d, l, make_variables(d, {{"recipient", "Ana"}}), first_diags, &prepared, nullptr,
                                &kept);
  REQUIRE_FALSE(first);
  // A block that reported something is resolved each time, to report it again.
  CHECK(kept.at(0, 3) == nullptr);
  CHECK(kept.at(0, 4) != nullptr);
  const model::Document ok = document({paragraph("Dear **{{recipient}}**"), paragraph("Plain *text* for everyone"),
                                       heading("{{meta.title}}", 2), paragraph("Also plain")});
  FixedBlocks made;
  Diagnostics diags;
  auto base = resolve::resolve(ok, l, make_variables(ok, {{"recipient", "Ana"}}), diags, &prepared, nullptr, &made);
  REQUIRE(base);
  std::vector<bool> fixed;
  for (const Block& b : base->flows[0].blocks) fixed.push_back(b.fixed);
  CHECK(fixed == std::vector<bool>{false, true, false, true});
  CHECK(made.at(0, 0) == nullptr);
  REQUIRE(made.at(0, 1) != nullptr);
  CHECK(made.at(0, 1)->paras[0].plain_text() == "Plain text for everyone");
  CHECK(made.at(0, 2) == nullptr);
  CHECK(made.at(0, 9) == nullptr);
  for (const char* who : {"Bo", "Cy *x*"}) {
    const Variables vars = make_variables(ok, {{"recipient", who}});
    Diagnostics reused_diags;
    auto reused = resolve::resolve(ok, l, vars, reused_diags, &prepared, &made);
    REQUIRE(reused);
    CHECK(dump(*reused) == run(ok, l, vars, nullptr).doc);
    CHECK(reused->flows[0].blocks[0].paras[0].plain_text() == std::string("Dear ") + who);
    CHECK(reused->flows[0].blocks[1].fixed);
    CHECK_FALSE(reused->flows[0].blocks[0].fixed);
  }
}
