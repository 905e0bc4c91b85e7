// Languages: hyphenation patterns found for each language galley documents,
// and a warning, not silence, for a language without them.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

namespace {

// The minimal pair with the body style justified and hyphenated in `language`.
std::string pair_in(const std::string& language, const std::string& blocks, const std::string& width = "108mm") {
  std::string dir = temp_dir();
  write_minimal_pair(dir, blocks);
  std::string layout = read_file(dir + "/layout.yaml");
  const std::string from = "  body: {font: Noto Serif, size: 10pt, leading: 13pt}\n";
  layout.replace(layout.find(from), from.size(),
                 "  body: {font: Noto Serif, size: 10pt, leading: 13pt, align: justify, hyphenate: true, language: " +
                     language + "}\n");
  const std::string frame = "width: 108mm";
  layout.replace(layout.find(frame), frame.size(), "width: " + width);
  write_file(dir + "/layout.yaml", layout);
  return dir;
}

}  // namespace

TEST_CASE("a language without hyphenation patterns is a warning at its first paragraph; --strict fails") {
  const std::string dir = pair_in("xx-YY", "    - paragraph: \"Second paragraph.\"\n");
  const std::string expected = dir + "/content.yaml:7:19: warning: no hyphenation patterns for language 'xx-YY': "
                               "its paragraphs are set without hyphenation (looked for /usr/share/hyphen/hyph_xx_YY.dic; "
                               "Debian's hyphen-xx* packages install them)\n";
  Run check = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(check.exit_code == 0);
  CHECK(check.err.substr(0, check.err.find('\n') + 1) == expected);
  CHECK(check.err.find(": warning: ", expected.size()) == std::string::npos);
  Run strict = e2e::galley("check --strict " + quote(dir + "/content.yaml"));
  CHECK(strict.exit_code == 1);
  CHECK(strict.err.find("content.yaml:7:19: error: no hyphenation patterns for language 'xx-YY'") != std::string::npos);
}

TEST_CASE("every language docs/format.md lists has patterns, and a French paragraph hyphenates") {
  for (const char* language : {"en-US", "en-GB", "de-DE", "de-AT", "fr-FR", "es-ES", "es", "it-IT", "nl-NL", "pt-PT", "pt-BR"}) {
    const std::string dir = pair_in(language, "");
    Run check = e2e::galley("check --strict " + quote(dir + "/content.yaml"));
    INFO(language << ": " << check.err);
    CHECK(check.exit_code == 0);
  }
  const std::string dir = pair_in("fr-FR",
                                  "    - paragraph: \"L'établissement hospitalier développe considérablement "
                                  "l'enseignement universitaire interventionnel.\"\n",
                                  "30mm");
  Run build = e2e::galley("build --strict " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf") +
                     " --dump-layout " + quote(dir + "/out.json"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  const Run raw = sh("pdftotext -raw -enc UTF-8 " + quote(dir + "/out.pdf") + " -");
  INFO(raw.out);
  // A line of the French paragraph ends inside a word, with a hyphen.
  CHECK(raw.out.find("-\n") != std::string::npos);
  CHECK(pdf_text(dir + "/out.pdf").find("développe considérablement") != std::string::npos);
}

TEST_CASE("straight quotes print as the language's marks; an escaped one stays straight") {
  const std::string en = pair_in("en-US", "    - paragraph: \"The department's \\\"best\\\" program is 5\\\\' 10\\\\\\\" tall.\"\n");
  Run build = e2e::galley("build --strict " + quote(en + "/content.yaml") + " -o " + quote(en + "/out.pdf"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(pdf_text(en + "/out.pdf").find("The department\u2019s \u201Cbest\u201D program is 5' 10\" tall.") !=
        std::string::npos);

  const std::string fr = pair_in("fr-FR", "    - paragraph: \"Il dit \\\"bonjour\\\" \u00E0 l'\u00E9cole.\"\n");
  build = e2e::galley("build --strict " + quote(fr + "/content.yaml") + " -o " + quote(fr + "/out.pdf") +
                 " --dump-layout " + quote(fr + "/out.json"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  // The narrow no-break spaces are set as spaces (no glyph), which pdftotext gives as " ".
  CHECK(pdf_text(fr + "/out.pdf").find("Il dit \u00AB bonjour \u00BB \u00E0 l\u2019\u00E9cole.") != std::string::npos);
  CHECK(read_file(fr + "/out.json").find("\u00AB\u202Fbonjour\u202F\u00BB") != std::string::npos);
}

TEST_CASE("smart-quotes: false in a style prints the quotes as typed") {
  const std::string dir = pair_in("en-US", "    - paragraph: \"it's \\\"x\\\"\"\n");
  std::string layout = read_file(dir + "/layout.yaml");
  const std::string from = "language: en-US}";
  layout.replace(layout.find(from), from.size(), "language: en-US, smart-quotes: false}");
  write_file(dir + "/layout.yaml", layout);
  Run build = e2e::galley("build --strict " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(pdf_text(dir + "/out.pdf").find("it's \"x\"") != std::string::npos);
}
