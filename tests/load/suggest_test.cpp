#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "detail/suggest.h"

using namespace galley::load;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("fnot", "font") == 1);
  CHECK(edit_distance("colour", "color") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("did-you-mean picks the closest key within a typo's reach") {
  std::vector<std::string_view> keys{"font", "size", "color", "leading"};
  CHECK(suggest("colour", keys) == "color");
  CHECK(suggest("lead", keys) == "");  // three edits away from 'leading': too far for 4 letters
  CHECK(suggest("Size", keys) == "size");
  CHECK(suggest("background", keys) == "");
  CHECK(did_you_mean("fnot", keys) == " (did you mean 'font'?)");
  CHECK(did_you_mean("zzzzzz", keys).empty());
}

TEST_CASE("did-you-mean ignores absurdly long words") {
  std::vector<std::string> keys{"color"};
  CHECK(suggest(std::string(10000, 'c'), keys).empty());
}
