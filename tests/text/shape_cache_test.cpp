#include <doctest/doctest.h>

#include "detail/shape_cache.h"

using namespace galley::text;

TEST_CASE("the shape cache keeps a paragraph the second time it is offered, not the first") {
  // A batch row's own line is shaped once per row and never again: keeping
  // it would grow memory with the number of rows.
  ShapeCache cache;
  ShapeCache::Entry e;
  e.missing = 3;
  cache.insert("row 1's line", e);
  CHECK(cache.find("row 1's line") == nullptr);
  cache.insert("boilerplate", e);
  cache.insert("boilerplate", e);
  const ShapeCache::Entry* hit = cache.find("boilerplate");
  REQUIRE(hit != nullptr);
  CHECK(hit->missing == 3);
  CHECK(cache.find("row 1's line") == nullptr);
}
