#include <doctest/doctest.h>

#include "fixtures.h"
#include "detail/expand.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

model::Document doc_with_vars() {
  model::Document d = document({});
  d.meta.title = text("IR Residency for {{recipient}}", 2, 10);
  d.meta.subtitle = text("{{meta.title}}, {{meta.date}}", 3, 13);
  d.meta.author = text("Mayo Clinic");
  d.meta.keywords = {text("radiology"), text("residency")};
  d.meta.date = "2026-11-01";
  d.meta.language = "en-US";
  d.variables["recipient"] = text("Future resident", 8, 14);
  d.variables["office"] = text("Jacksonville", 9, 11);
  return d;
}

}  // namespace

TEST_CASE("make_variables: meta, variables under both names, nested references expanded") {
  const Variables v = make_variables(doc_with_vars(), {});
  CHECK(v.at("meta.title") == "IR Residency for Future resident");
  CHECK(v.at("meta.subtitle") == "IR Residency for Future resident, 2026-11-01");
  CHECK(v.at("meta.author") == "Mayo Clinic");
  CHECK(v.at("meta.keywords") == "radiology, residency");
  CHECK(v.at("meta.language") == "en-US");
  CHECK(v.at("meta.subject").empty());
  CHECK(v.at("recipient") == "Future resident");
  CHECK(v.at("variables.recipient") == "Future resident");
}

TEST_CASE("--set overrides: plain and variables.-qualified names both work; later wins") {
  const Variables v = make_variables(doc_with_vars(), {{"recipient", "Dr. Ada Lovelace"},
                                                       {"variables.office", "Rochester"},
                                                       {"office", "Phoenix"},
                                                       {"meta.author", "IR Program Office"}});
  CHECK(v.at("recipient") == "Dr. Ada Lovelace");
  CHECK(v.at("variables.recipient") == "Dr. Ada Lovelace");
  CHECK(v.at("meta.title") == "IR Residency for Dr. Ada Lovelace");
  CHECK(v.at("office") == "Phoenix");
  CHECK(v.at("variables.office") == "Phoenix");
  CHECK(v.at("meta.author") == "IR Program Office");
}

TEST_CASE("substitute: spaces inside braces, nesting, escapes") {
  const Variables v = make_variables(doc_with_vars(), {});
  Diagnostics diags;
  const SourceLoc at{"c.yaml", 4, 9};
  CHECK(substitute("Prepared for {{ recipient }}.", at, v, diags) == "Prepared for Future resident.");
  CHECK(substitute("{{variables.office}}/{{meta.title}}", at, v, diags) ==
        "Jacksonville/IR Residency for Future resident");
  CHECK(substitute("write \\{{recipient}} literally", at, v, diags) == "write {{recipient}} literally");
  CHECK(substitute("a } and { alone", at, v, diags) == "a } and { alone");
  // Bytes that may begin an escape or a reference, and are not one, are
  // text like any other: a lone backslash, a '{' before the end, UTF-8
  // sharing kLiteralBraces' first byte.
  CHECK(substitute("C:\\dir {x} \xEF\xBB\xBF" "bom caf\xC3\xA9 \\{ {", at, v, diags) ==
        "C:\\dir {x} \xEF\xBB\xBF" "bom caf\xC3\xA9 \\{ {");
  CHECK(substitute(std::string(kLiteralBraces) + "office}} {{office}}" + std::string(kLiteralBraces.substr(0, 2)), at, v,
                   diags) ==
        "{{office}} Jacksonville" + std::string(kLiteralBraces.substr(0, 2)));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("an undefined variable is an error at the column of its {{, with a suggestion") {
  const Variables v = make_variables(doc_with_vars(), {});
  Diagnostics diags;
  substitute("Dear {{recipent}},", {"c.yaml", 12, 16}, v, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) == "c.yaml:12:21: error: undefined variable 'recipent' (did you mean 'recipient'?)");
}

TEST_CASE("a multi-line text reports at the text's own location") {
  Diagnostics diags;
  substitute("first line\nsecond {{nope}}", {"c.yaml", 12, 16}, {}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].loc.col == 16);
  CHECK(diags.all()[0].message == "undefined variable 'nope'");
}

TEST_CASE("{{page}} and {{pages}}: only in master text") {
  Diagnostics diags;
  substitute("Page {{page}} of {{pages}}", {"c.yaml", 5, 3}, {}, diags);
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.all()[0].message.find("only available in master page text") != std::string::npos);
  CHECK(diags.all()[0].loc.col == 8);

  Diagnostics ok;
  CHECK(substitute("Page {{page}} of {{pages}}", {"c.yaml", 5, 3}, {{"page", "3"}, {"pages", "8"}}, ok) ==
        "Page 3 of 8");
  CHECK_FALSE(ok.has_errors());
}

TEST_CASE("an unterminated {{ is an error at its column") {
  Diagnostics diags;
  CHECK(substitute("Hello {{name", {"c.yaml", 1, 1}, {{"name", "x"}}, diags) == "Hello {{name");
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].loc.col == 7);
  CHECK(diags.all()[0].message.find("unterminated '{{'") != std::string::npos);
}

TEST_CASE("a variable cycle is an error, never a hang; the value stays unexpanded") {
  model::Document d = doc_with_vars();
  d.variables["a"] = text("x {{b}}", 20, 6);
  d.variables["b"] = text("y {{a}}", 21, 6);
  const Variables v = make_variables(d, {});
  CHECK(v.at("a") == "x {{b}}");
  Diagnostics diags;
  substitute("{{a}}", {"c.yaml", 1, 1}, v, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message == "variable cycle: a → b → a");

  // resolve() reports the bad value where it is defined.
  Diagnostics at_def;
  CHECK_FALSE(galley::resolve::resolve(d, layout_with({}), v, at_def).has_value());
  INFO(messages(at_def));
  CHECK(messages(at_def).find("content.yaml:20:8: error: variable cycle: a → b → a") != std::string::npos);
}

TEST_CASE("an exponential chain of references is refused before expanding, with its chain") {
  Variables v{{"v0", std::string(1000, 'x')}};
  for (int i = 1; i <= 15; ++i)
    v["v" + std::to_string(i)] = "{{v" + std::to_string(i - 1) + "}}{{v" + std::to_string(i - 1) + "}}";
  Diagnostics diags;
  const std::string out = substitute("ab {{v15}}", {"c.yaml", 1, 1}, v, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) ==
        "c.yaml:1:4: error: '{{v15}}' would expand this text past 1 MiB (v15 → v14 → v13 → v12 → v11 → v10 → v9 → "
        "v8 → v7 → v6 → v5 → v4 → v3 → v2 → v1 → v0)");
  CHECK(out == "ab ");

  // Under the limit, the same values expand.
  Diagnostics ok;
  CHECK(substitute("{{v9}}", {"c.yaml", 1, 1}, v, ok).size() == 512000);
  CHECK_FALSE(ok.has_errors());
}

TEST_CASE("references that are each small but many together are refused at the one that goes over") {
  Variables v{{"k", std::string(100000, 'x')}};
  std::string text;
  for (int i = 0; i < 20; ++i) text += "{{k}}";
  Diagnostics diags;
  const std::string out = substitute(text, {"c.yaml", 1, 1}, v, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) == "c.yaml:1:51: error: '{{k}}' would expand this text past 1 MiB (k)");
  CHECK(out.size() == 1000000);
}

TEST_CASE("a reference nested more than 16 deep is an error") {
  Variables v{{"v0", "end"}};
  for (int i = 1; i <= 20; ++i) v["v" + std::to_string(i)] = "{{v" + std::to_string(i - 1) + "}}";
  Diagnostics diags;
  substitute("{{v20}}", {"c.yaml", 1, 1}, v, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("nested more than 16 deep") != std::string::npos);
  Diagnostics ok;
  CHECK(substitute("{{v10}}", {"c.yaml", 1, 1}, v, ok) == "end");
}

TEST_CASE("a text full of undefined references reports a bounded number of errors") {
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "{{u" + std::to_string(i) + "}} ";
  s += std::string(200000, '{');
  Diagnostics diags;
  substitute(s, {"c.yaml", 1, 1}, {{"known", "x"}}, diags);
  CHECK(diags.error_count() > 1);
  CHECK(diags.error_count() <= 21);
  CHECK(diags.all().back().message.find("too many variable errors") != std::string::npos);

  Diagnostics in_markup;
  resolve_text(text(s), ParaStyle{}, {}, in_markup);
  CHECK(in_markup.error_count() <= 21);

  std::string runs;
  for (int i = 0; i < 20000; ++i) runs += "**{{u" + std::to_string(i) + "}}** ";
  Diagnostics per_run;
  resolve_text(text(runs), ParaStyle{}, {}, per_run);
  CHECK(per_run.error_count() <= 21);
}

TEST_CASE("the texts of one document share one expansion budget of 2 MiB") {
  Variables v{{"k", std::string(600000, 'x')}};
  galley::resolve::Expansion document;
  ExpandOptions opts;
  opts.document = &document;
  Diagnostics diags;
  int expanded = 0;
  while (!diags.has_errors() && expanded < 100)
    expanded += expand("{{k}}", v, {"c.yaml", 3, 9}, diags, opts).size() == 600000;
  CHECK(expanded == 3);  // 3 × 600,000 bytes fit in 2 MiB, 4 do not
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.all()[0]) ==
        "c.yaml:3:9: error: '{{k}}' would make variables add more than 2 MiB of text to this document (k)");
}
