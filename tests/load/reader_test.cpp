#include <doctest/doctest.h>

#include "detail/reader.h"

using galley::load::Node;
using galley::load::parse_tree;
using galley::load::Reader;

TEST_CASE("Reader::get finds a key like operator[], and is undefined without it") {
  const Node n = parse_tree("{paragraph: Hello, style: lead, empty: , [1, 2]: x, style: again}");
  REQUIRE(Reader::get(n, "paragraph"));
  CHECK(Reader::get(n, "paragraph").Scalar() == "Hello");
  CHECK(Reader::get(n, "paragraph").Mark().column == n["paragraph"].Mark().column);
  CHECK(Reader::get(n, "style").Scalar() == "lead");  // the first of duplicate keys, as n["style"]
  CHECK(Reader::get(n, "empty"));                      // present with a null value
  CHECK(Reader::get(n, "empty").IsNull());
  CHECK_FALSE(Reader::get(n, "heading"));
  CHECK_FALSE(Reader::get(n, ""));
  CHECK_FALSE(Reader::get(parse_tree("[paragraph]"), "paragraph"));  // not a mapping
  CHECK_FALSE(Reader::get(parse_tree("paragraph"), "paragraph"));
  CHECK_FALSE(Reader::get(Node(), "paragraph"));
}
