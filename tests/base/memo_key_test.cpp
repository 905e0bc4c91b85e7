// memo_key(): different lists of inputs never share a key.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "base/memo.h"

using galley::base::memo_key;

TEST_CASE("memo keys keep the parts apart") {
  CHECK(memo_key("k", "ab", "c") != memo_key("k", "a", "bc"));
  CHECK(memo_key("k", 1, 23) != memo_key("k", 12, 3));
  CHECK(memo_key("k", "1") != memo_key("k", 1));
  CHECK(memo_key("k", "") != memo_key("k"));
  CHECK(memo_key("k", "", "") != memo_key("k", ""));
  CHECK(memo_key("qr", "x") != memo_key("markup", "x"));
  CHECK(memo_key("k", std::string("a\0b", 3)) != memo_key("k", std::string("a\0c", 3)));
  CHECK(memo_key("k", -1) != memo_key("k", 1));
  CHECK(memo_key("k", "ab", 3) == memo_key("k", std::string("ab"), 3L));
}

TEST_CASE("memo keys of many similar inputs are all different") {
  std::set<std::string> keys;
  int n = 0;
  for (const char* a : {"", "a", "ab", "s1:", "n1:", ":"})
    for (const char* b : {"", "b", "1", "s0:"})
      for (int i : {0, 1, 10}) {
        keys.insert(memo_key("k", a, b, i));
        ++n;
      }
  CHECK(keys.size() == static_cast<size_t>(n));
}
