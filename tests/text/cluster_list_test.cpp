// A run's clusters read back as they were added, whichever way they are kept.
#include <doctest/doctest.h>

#include <vector>

#include "text/cluster_list.h"

using galley::text::Cluster;
using galley::text::ClusterList;

namespace {

ClusterList of(const std::vector<Cluster>& clusters) {
  ClusterList list;
  for (const Cluster& c : clusters) list.push_back(c);
  return list;
}

}  // namespace

TEST_CASE("clusters that follow one another are kept as two bytes each") {
  // "ﬁ" (a ligature: two characters, one glyph), "x", a mark with no glyph, "é" (two bytes).
  const std::vector<Cluster> in = {{0, 1, 0, 2}, {1, 1, 2, 1}, {2, 0, 3, 2}, {2, 1, 5, 2}};
  const ClusterList list = of(in);
  CHECK(list.unpacked() == in);
  CHECK(list.size() == 4);
  CHECK(list[2] == in[2]);
  CHECK(list.front() == in.front());
  CHECK(list.back() == in.back());
  std::vector<Cluster> read;
  for (const Cluster& c : list) read.push_back(c);
  CHECK(read == in);
  CHECK(list.bytes() < in.size() * sizeof(Cluster) / 4);
}

TEST_CASE("a run whose clusters do not follow one another keeps them whole") {
  // Right to left: glyphs in visual order, text in logical order.
  const std::vector<Cluster> rtl = {{0, 1, 4, 2}, {1, 1, 2, 2}, {2, 1, 0, 2}};
  CHECK(of(rtl).unpacked() == rtl);
  CHECK(of(rtl).bytes() >= rtl.size() * sizeof(Cluster));
  // Packed at first, then one that starts elsewhere: those before it stay right.
  const std::vector<Cluster> gap = {{0, 1, 0, 1}, {1, 1, 1, 1}, {5, 1, 2, 1}, {6, 1, 3, 1}};
  CHECK(of(gap).unpacked() == gap);
  CHECK(of(gap)[3] == gap[3]);
}

TEST_CASE("a cluster of 256 glyphs or bytes is kept whole") {
  const std::vector<Cluster> long_text = {{0, 1, 0, 1}, {1, 1, 1, 300}, {2, 1, 301, 1}};
  CHECK(of(long_text).unpacked() == long_text);
  const std::vector<Cluster> many_glyphs = {{0, 256, 0, 1}, {256, 1, 1, 1}};
  CHECK(of(many_glyphs).unpacked() == many_glyphs);
  const std::vector<Cluster> just_under = {{0, 255, 0, 255}, {255, 1, 255, 1}};
  CHECK(of(just_under).unpacked() == just_under);
  CHECK(of(just_under).bytes() < just_under.size() * sizeof(Cluster));
}

TEST_CASE("an empty list and a list from braces") {
  const ClusterList empty;
  CHECK(empty.empty());
  CHECK(empty.begin() == empty.end());
  const ClusterList braced{{0, 1, 0, 1}, {1, 2, 1, 3}};
  CHECK(braced.size() == 2);
  CHECK(braced[1] == Cluster{1, 2, 1, 3});
}
