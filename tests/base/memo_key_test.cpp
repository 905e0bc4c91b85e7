// memo_key(): different lists of inputs never share a key; the memo's
// second-sighting rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
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
  CHECK(memo_key("k", -1) != memo_key("k", ~uint64_t{0}));
  CHECK(memo_key("k", 1) != memo_key("k", 1.0));
  CHECK(memo_key("k", 0.0) != memo_key("k", -0.0));
  CHECK(memo_key("k", 0.5) == memo_key("k", 0.5f));
  CHECK(memo_key("k", 1.0, 2.0) != memo_key("k", 2.0, 1.0));
  CHECK(memo_key("k", 256) != memo_key("k", 1));
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

TEST_CASE("a second-sighting memo keeps a result only when it is asked for again") {
  struct Value {
    int n;
    size_t bytes() const { return sizeof n; }
  };
  galley::base::Memo<Value> memo(1 << 20, true);
  galley::base::Memo<Value> plain(1 << 20);
  int made = 0;
  const auto make = [&] { return std::make_shared<const Value>(Value{++made}); };
  CHECK(memo.get("a", make)->n == 1);  // once: made, not kept
  CHECK(memo.get("a", make)->n == 2);  // twice: made and kept
  CHECK(memo.get("a", make)->n == 2);  // from then on, the kept one
  CHECK(memo.get("a", make)->n == 2);
  CHECK(memo.get("b", make)->n == 3);
  CHECK(plain.get("c", make)->n == 4);  // a plain memo keeps the first
  CHECK(plain.get("c", make)->n == 4);
}

TEST_CASE("a second-sighting memo holds the newest results asked for once, up to its probation budget") {
  struct Value {
    int n;
    size_t bytes() const { return 100; }
  };
  // Each result costs its key's byte and 100: the probation holds two.
  galley::base::Memo<Value> memo(1 << 20, true, 250);
  int made = 0;
  const auto make = [&] { return std::make_shared<const Value>(Value{++made}); };
  CHECK(memo.get("a", make)->n == 1);  // once: made, held
  CHECK(memo.get("a", make)->n == 1);  // twice: the held one, now kept
  CHECK(memo.get("a", make)->n == 1);
  CHECK(made == 1);
  CHECK(memo.get("b", make)->n == 2);
  CHECK(memo.get("c", make)->n == 3);
  CHECK(memo.get("d", make)->n == 4);  // "b" makes room
  CHECK(memo.get("d", make)->n == 4);
  CHECK(memo.get("c", make)->n == 3);
  CHECK(memo.get("b", make)->n == 5);  // seen before but no longer held: made and kept
  CHECK(memo.get("b", make)->n == 5);
  // A result larger than the probation budget is not held.
  galley::base::Memo<Value> small(1 << 20, true, 50);
  CHECK(small.get("e", make)->n == 6);
  CHECK(small.get("e", make)->n == 7);
  CHECK(small.get("e", make)->n == 7);
}
