// A glyph run's clusters are byte ranges of the run's one text string.
#include <doctest/doctest.h>

#include <string>

#include "layout/page.h"

using namespace galley::layout;

TEST_CASE("clusters read their text from the run, whatever its length") {
  const std::string long_text = "a cluster of more than seven bytes";
  GlyphRun run;
  run.add_cluster(0, 1, "a");
  run.add_cluster(1, 2, long_text);
  run.add_cluster(3, 0, "");
  run.add_cluster(3, 1, "\u00e9t\u00e9es");
  REQUIRE(run.clusters.size() == 4);
  CHECK(run.text_of(run.clusters[0]) == "a");
  CHECK(run.text_of(run.clusters[1]) == long_text);
  CHECK(run.text_of(run.clusters[2]).empty());
  CHECK(run.text_of(run.clusters[3]) == "\u00e9t\u00e9es");
  CHECK(run.clusters[3].glyph_begin == 3);
  CHECK(run.clusters[1].glyph_count == 2);
  CHECK(run.text == "a" + long_text + "\u00e9t\u00e9es");
}

TEST_CASE("a copied run's clusters read the copy's text") {
  GlyphRun run;
  run.add_cluster(0, 1, "fi");
  run.add_cluster(1, 1, "x");
  GlyphRun copy = run;
  copy.text[0] = 'F';
  CHECK(copy.text_of(copy.clusters[0]) == "Fi");
  CHECK(run.text_of(run.clusters[0]) == "fi");
  GlyphRun moved = std::move(copy);
  CHECK(moved.text_of(moved.clusters[1]) == "x");
}
