// Straight quotes → the language's quotation marks and apostrophes.
#include <doctest/doctest.h>

#include "fixtures.h"
#include "detail/smart_quotes.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

Paragraph in(const std::string& language, const std::string& s, bool smart = true) {
  ParaStyle style;
  style.language = language;
  style.smart_quotes = smart;
  Diagnostics diags;
  Paragraph p = resolve_text(text(s), style, {}, diags);
  INFO(messages(diags));
  CHECK_FALSE(diags.has_errors());
  return p;
}

std::string plain(const std::string& language, const std::string& s) { return in(language, s).plain_text(); }

}  // namespace

TEST_CASE("English: curly double and single quotes, apostrophes") {
  CHECK(plain("en-US", "The department's \"best\" program") == "The department\u2019s \u201Cbest\u201D program");
  CHECK(plain("en-US", "She said \"it's 'fine' now.\"") == "She said \u201Cit\u2019s \u2018fine\u2019 now.\u201D");
  CHECK(plain("en-GB", "the students' books, the '90s") == "the students\u2019 books, the \u201990s");
  CHECK(plain("en-US", "(\"a\") \u2014\"b\" 'c'") == "(\u201Ca\u201D) \u2014\u201Cb\u201D \u2018c\u2019");
  CHECK(plain("en-US", "\"'nested'\"") == "\u201C\u2018nested\u2019\u201D");
}

TEST_CASE("German, French, Spanish, Italian, Dutch, Portuguese and a fallback") {
  CHECK(plain("de-DE", "Er sagte \"Guten 'Tag'\" und ging's an.") ==
        "Er sagte \u201EGuten \u201ATag\u2018\u201C und ging\u2019s an.");
  CHECK(plain("de-CH", "\"Gr\u00FCezi\"") == "\u00ABGr\u00FCezi\u00BB");
  // French: guillemets with narrow no-break spaces inside, whether or not the author typed spaces.
  CHECK(plain("fr-FR", "Il dit \"bonjour\" et \" au revoir \" \u00E0 l'\u00E9cole.") ==
        "Il dit \u00AB\u202Fbonjour\u202F\u00BB et \u00AB\u202Fau revoir\u202F\u00BB \u00E0 l\u2019\u00E9cole.");
  CHECK(plain("fr", "\"Le 'mot'\"") == "\u00AB\u202FLe \u201Cmot\u201D\u202F\u00BB");  // no space inside “ ”
  CHECK(plain("es", "\"Hola\"") == "\u00ABHola\u00BB");
  CHECK(plain("it-IT", "\"Ciao 'bella'\"") == "\u00ABCiao \u201Cbella\u201D\u00BB");
  CHECK(plain("nl-NL", "\"Hallo\" 'daar'") == "\u201CHallo\u201D \u2018daar\u2019");
  CHECK(plain("pt-PT", "\"Ol\u00E1\"") == "\u00ABOl\u00E1\u00BB");
  CHECK(plain("pt-BR", "\"Ol\u00E1\"") == "\u201COl\u00E1\u201D");
  CHECK(plain("xx", "\"x\"") == "\u201Cx\u201D");
}

TEST_CASE("quotes see their neighbours across runs; a run's own language wins") {
  const Paragraph p = in("en-US", "\"**bold**\" and \"*it*\"");
  CHECK(p.plain_text() == "\u201Cbold\u201D and \u201Cit\u201D");
  CHECK(p.runs.at(1).text == "bold");
}

TEST_CASE("escaped quotes, code and smart-quotes: false keep straight quotes") {
  CHECK(plain("en-US", "5\\' 10\\\" tall, \"x\"") == "5' 10\" tall, \u201Cx\u201D");
  // An escaped backslash does not escape the quote after it.
  CHECK(plain("en-US", "a \\\\\"b\"").find('"') == std::string::npos);
  const Paragraph code = in("en-US", "run `echo \"hi\" 'x' \\\"` now");
  CHECK(code.plain_text() == "run echo \"hi\" 'x' \\\" now");
  CHECK(in("en-US", "it's \"x\"", false).plain_text() == "it's \"x\"");
  CHECK(in("en-US", "\\\"x\\\"", false).plain_text() == "\"x\"");
}
