// base::Chunked: read by index like a vector, its front let go chunk by
// chunk while the rest is read.
#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/chunked.h"

using galley::base::Chunked;

namespace {

// Counts the live values, to see which ones a chunk freed.
struct Counted {
  static inline int live = 0;
  std::shared_ptr<int> value;
  Counted() = default;
  explicit Counted(int v) : value(std::make_shared<int>(v)) { ++live; }
  Counted(const Counted& o) : value(o.value) { if (value) ++live; }
  Counted(Counted&& o) noexcept : value(std::move(o.value)) {}
  Counted& operator=(const Counted& o) {
    if (value) --live;
    value = o.value;
    if (value) ++live;
    return *this;
  }
  Counted& operator=(Counted&& o) noexcept {
    if (this == &o) return *this;
    if (value) --live;
    value = std::move(o.value);
    return *this;
  }
  ~Counted() { if (value) --live; }
};

}  // namespace

TEST_CASE("a chunked sequence reads by index across its chunks") {
  Chunked<std::string, 4> c;
  for (int i = 0; i < 10; ++i) c.push_back(std::to_string(i));
  REQUIRE(c.size() == 10);
  for (size_t i = 0; i < c.size(); ++i) CHECK(c[i] == std::to_string(i));
  CHECK(c.back() == "9");
  CHECK_THROWS_AS(c.at(10), std::out_of_range);
  std::string all;
  for (const std::string& s : c) all += s;
  CHECK(all == "0123456789");
  Chunked<std::string, 4> from_list{"a", "b", "c", "d", "e"};
  CHECK(from_list.size() == 5);
  CHECK(from_list[4] == "e");
  Chunked<std::string, 4> from_vector(std::vector<std::string>{"x", "y"});
  CHECK(from_vector.at(1) == "y");
}

TEST_CASE("dropping the front frees whole chunks and empties the rest, indices unmoved") {
  Counted::live = 0;
  {
    Chunked<Counted, 4> c;
    for (int i = 0; i < 10; ++i) c.emplace_back(i);
    CHECK(Counted::live == 10);
    c.drop_before(6);  // chunk 0 freed, 4 and 5 emptied in chunk 1
    CHECK(Counted::live == 4);
    CHECK(c.size() == 10);
    CHECK(c.dropped() == 6);
    CHECK(*c[6].value == 6);
    CHECK(*c.at(9).value == 9);
    CHECK_THROWS_AS(c.at(5), std::out_of_range);
    int seen = 0;
    for (const Counted& x : c) seen += x.value ? 1 : 0;  // from the first not dropped
    CHECK(seen == 4);
    c.drop_before(3);  // behind what is dropped: nothing
    CHECK(Counted::live == 4);
    c.drop_before(100);
    CHECK(Counted::live == 0);
    CHECK(c.size() == 10);
  }
  CHECK(Counted::live == 0);
}

TEST_CASE("a copy is whole where its original is, a move leaves it empty") {
  Chunked<std::string, 2> c{"a", "b", "c", "d", "e"};
  c.drop_before(2);
  Chunked<std::string, 2> copy = c;
  CHECK(copy.size() == 5);
  CHECK(copy.dropped() == 2);
  CHECK(copy[4] == "e");
  copy.push_back("f");
  CHECK(copy[5] == "f");
  CHECK(c.size() == 5);
  Chunked<std::string, 2> moved = std::move(c);
  CHECK(moved[2] == "c");
  CHECK(c.size() == 0);  // NOLINT(bugprone-use-after-move): what a move leaves
  CHECK(c.begin() == c.end());
  c.push_back("again");
  CHECK(c[0] == "again");
}
