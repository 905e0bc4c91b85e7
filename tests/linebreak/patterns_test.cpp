// Hyphenation patterns read by galley itself (linebreak/detail/patterns.h), for the
// languages docs/format.md lists.
#include <doctest/doctest.h>

#include <cstdio>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "detail/hyphenate.h"
#include "detail/patterns.h"

using namespace galley;
using linebreak::hyphenation_points;

namespace {

// `word` with a '-' at each point.
std::string marked(const std::string& language, const std::string& word, int left = 2, int right = 2) {
  std::string out;
  size_t at = 0;
  for (uint32_t p : hyphenation_points(language, word, left, right)) {
    out += word.substr(at, p - at) + "-";
    at = p;
  }
  return out + word.substr(at);
}

std::string write_dic(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/galley-linebreak-" + name + ".dic";
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("patterns are found for every documented language, by region or language alone") {
  for (const char* language : {"en-US", "en-GB", "en", "de", "de-DE", "de-AT", "de-CH", "fr", "fr-FR", "fr-CA",
                               "es", "es-ES", "es-MX", "it", "it-IT", "nl", "nl-NL", "pt", "pt-PT", "pt-BR"}) {
    INFO(language);
    CHECK(linebreak::has_hyphenation(language));
  }
  CHECK_FALSE(linebreak::has_hyphenation("xx-YY"));
  CHECK(linebreak::hyphenation_files("es") ==
        std::vector<std::string>{"/usr/share/hyphen/hyph_es.dic", "/usr/share/hyphen/hyph_es_ES.dic"});
  CHECK(linebreak::hyphenation_files("de-latn-at") ==
        std::vector<std::string>{"/usr/share/hyphen/hyph_de_Latn_AT.dic", "/usr/share/hyphen/hyph_de_AT.dic",
                                 "/usr/share/hyphen/hyph_de.dic", "/usr/share/hyphen/hyph_de_DE.dic"});
  CHECK(linebreak::hyphenation_files("../x").empty());
}

TEST_CASE("points are byte offsets in UTF-8 words, whatever the file's charset") {
  // hyph_fr.dic is UTF-8; hyph_de_DE.dic is ISO 8859-1: "ä" is one byte there, two here.
  CHECK(marked("fr-FR", "développement") == "dé-ve-lop-pe-ment");
  CHECK(marked("fr-FR", "considérablement") == "consi-dé-ra-ble-ment");
  CHECK(marked("es", "universidad") == "uni-ver-si-dad");  // "u-" is under the left minimum
  // German's first level splits the compound, the second each part.
  CHECK(marked("de-DE", "Zypressenwäldchen") == "Zy-pres-sen-wäld-chen");
  CHECK(marked("de-DE", "Krankenhausverwaltung") == "Kran-ken-haus-ver-wal-tung");
  CHECK(marked("nl-NL", "ziekenhuis") == "zie-ken-huis");
}

TEST_CASE("a dictionary file: charset, settings, two levels, non-standard patterns left out") {
  // Latin-1 "ü" (FC); a first level splitting "haus|tür"; LEFTHYPHENMIN 3.
  const std::string path = write_dic("two-levels", std::string("ISO8859-1\nLEFTHYPHENMIN 3\n% comment\nhaus1t\xFCr\n") +
                                                       "NEXTLEVEL\n1t\n1r\nc1k/k=k,1,2\n");
  const auto dict = linebreak::read_hyphen_dictionary(path);
  REQUIRE(dict);
  CHECK(dict->left_min == 3);
  const std::u32string word = U"haustürtor";
  // The compound boundary at 4; the second level's 1t and 1r give 6, 7 and 9
  // in "türtor", but 6 is closer than the file's minimum of 3 to the part's
  // start and 9 closer than 2 to the word's end.
  CHECK(dict->points(word, 2, 2) == std::vector<uint32_t>{4, 7});
  CHECK(dict->points(U"ticker", 1, 1) == std::vector<uint32_t>{5});  // not c-k: the pattern has a '/'
  CHECK_FALSE(linebreak::read_hyphen_dictionary(write_dic("bad-charset", "NO-SUCH-CHARSET\nab1c\n")));
  CHECK_FALSE(linebreak::read_hyphen_dictionary("/tmp/galley-linebreak-missing.dic"));
  std::remove(path.c_str());
}

TEST_CASE("a precompiled dictionary is the trie parsing its file gives, used in place; a changed file is parsed") {
  const std::string path = "/usr/share/hyphen/hyph_en_US.dic";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const linebreak::PrecompiledDictionary* built_in = nullptr;
  for (const auto& p : linebreak::precompiled_dictionaries())
    if (p.file_hash == linebreak::dictionary_hash(bytes)) built_in = &p;
  REQUIRE(built_in);  // the build precompiles en-US (src/CMakeLists.txt)

  const auto parsed = linebreak::parse_hyphen_dictionary(bytes);
  const auto read = linebreak::read_hyphen_dictionary(path);
  REQUIRE(parsed);
  REQUIRE(read);
  CHECK(read->patterns.nodes().data() == built_in->nodes.data());
  const auto same_trie = [](const linebreak::PatternTrie& a, const linebreak::PatternTrie& b) {
    if (a.nodes().size() != b.nodes().size()) return false;
    for (size_t i = 0; i < a.nodes().size(); ++i) {
      const auto &x = a.nodes()[i], &y = b.nodes()[i];
      if (x.letter != y.letter || x.first_child != y.first_child || x.child_count != y.child_count ||
          x.digits != y.digits)
        return false;
    }
    return std::equal(a.digits().begin(), a.digits().end(), b.digits().begin(), b.digits().end());
  };
  CHECK(same_trie(parsed->patterns, read->patterns));
  CHECK(same_trie(parsed->compounds, read->compounds));
  CHECK(read->left_min == parsed->left_min);
  CHECK(read->right_min == parsed->right_min);

  // One comment more: the bytes no longer match, so the file is parsed.
  const auto changed = linebreak::read_hyphen_dictionary(write_dic("en-changed", bytes + "% a comment\n"));
  REQUIRE(changed);
  CHECK(changed->patterns.nodes().data() != built_in->nodes.data());
  CHECK(same_trie(parsed->patterns, changed->patterns));

  // And every word of the sample's body breaks at the same points.
  std::ifstream body(std::string(GALLEY_SOURCE_DIR) + "/tests/linebreak/data/ir-residency-body.txt");
  std::string word;
  int words = 0;
  while (body >> word) {
    std::u32string lower;
    for (unsigned char c : word)
      if (c >= 'A' && c <= 'Z') lower += static_cast<char32_t>(c - 'A' + 'a');
      else if (c >= 'a' && c <= 'z') lower += static_cast<char32_t>(c);
    if (lower.size() < 5) continue;
    ++words;
    CHECK(read->points(lower, 2, 3) == parsed->points(lower, 2, 3));
  }
  CHECK(words > 100);
}
