// The pagination core over abstract measured blocks: no fonts needed.
#include <doctest/doctest.h>

#include "detail/frame_fill.h"

using namespace galley::layout;

namespace {

// A paragraph of `lines` lines of `leading`, with widow/orphan control.
MeasuredBlock para(int lines, double leading = 10, int widows = 2, int orphans = 2,
                   double space_before = 0, double space_after = 0) {
  MeasuredBlock b;
  for (int i = 0; i < lines; ++i) {
    galley::layout::Slice s;  // not chart::Slice, which the unity build also sees
    s.height = leading;
    s.gap_before = i == 0 ? space_before : 0;
    s.break_after = i + 1 >= orphans && lines - (i + 1) >= widows;
    b.slices.push_back(s);
  }
  b.space_after = space_after;
  return b;
}

MeasuredBlock heading(double h = 12) {
  MeasuredBlock b = para(1, h);
  b.keep_with_next = true;
  return b;
}

MeasuredBlock whole(double h) {
  MeasuredBlock b;
  b.slices.push_back({h, 0, true, {}, {}, {}});
  return b;
}

struct Flow {
  std::vector<MeasuredBlock> blocks;
  BlockSource source() const {
    return [this](size_t i) -> const MeasuredBlock& { return blocks[i]; };
  }
};

// Lines placed of block `b` in a fill.
int count(const ColumnFill& f, size_t b) {
  int n = 0;
  for (const auto& p : f.placed) n += p.block == b && !p.head;
  return n;
}

}  // namespace

TEST_CASE("a paragraph split leaves at least two lines on each side") {
  Flow f{{para(5)}};
  // 4 lines fit, but breaking after line 4 would leave a widow.
  ColumnFill c = fill_column(f.source(), 1, {}, 40);
  CHECK(count(c, 0) == 3);
  CHECK(c.next == Cursor{0, 3});
  CHECK(c.used == doctest::Approx(30));
  // Only one line fits after other content: no orphan, the paragraph moves on.
  Flow g{{whole(35), para(5)}};
  ColumnFill d = fill_column(g.source(), 2, {}, 46);
  CHECK(count(d, 1) == 0);
  CHECK(d.next == Cursor{1, 0});
}

TEST_CASE("a heading is never the last thing in a column") {
  Flow f{{para(3), heading(), para(4)}};
  // Room for the paragraph, the heading and one line: the heading moves on.
  ColumnFill c = fill_column(f.source(), 3, {}, 30 + 12 + 10);
  CHECK(count(c, 1) == 0);
  CHECK(c.next == Cursor{1, 0});
  // Room for two lines after it: heading stays with two lines.
  ColumnFill d = fill_column(f.source(), 3, {}, 30 + 12 + 20);
  CHECK(count(d, 1) == 1);
  CHECK(count(d, 2) == 2);
  CHECK(d.next == Cursor{2, 2});
}

TEST_CASE("a heading keeps two lines of the next block even when its orphans allow one") {
  Flow f{{para(3), heading(), para(4, 10, 1, 1)}};
  // Room for the heading and one line, which the paragraph alone would allow.
  ColumnFill c = fill_column(f.source(), 3, {}, 30 + 12 + 15);
  CHECK(count(c, 1) == 0);
  CHECK(c.next == Cursor{1, 0});
  ColumnFill d = fill_column(f.source(), 3, {}, 30 + 12 + 20);
  CHECK(count(d, 2) == 2);
  CHECK(d.next == Cursor{2, 2});
  // Without the heading the same paragraph may leave one line.
  Flow g{{para(3), para(4, 10, 1, 1)}};
  ColumnFill e = fill_column(g.source(), 2, {}, 30 + 15);
  CHECK(count(e, 1) == 1);
}

TEST_CASE("keep-with-next chains move together") {
  Flow f{{para(4), heading(), heading(), para(4)}};
  ColumnFill c = fill_column(f.source(), 4, {}, 40 + 24 + 15);
  CHECK(c.next == Cursor{1, 0});
  CHECK(c.placed.size() == 4);
}

TEST_CASE("space before is dropped at the column top, space after at the foot") {
  Flow f{{para(2, 10, 2, 2, 0, 6), para(2, 10, 2, 2, 20, 6)}};
  ColumnFill c = fill_column(f.source(), 2, {}, 20);
  CHECK(c.next == Cursor{1, 0});
  CHECK(c.used == doctest::Approx(20));  // space after not counted
  ColumnFill d = fill_column(f.source(), 2, c.next, 100);
  REQUIRE(!d.placed.empty());
  CHECK(d.placed[0].y == doctest::Approx(0));  // space before dropped
  // Inside a column both spaces count.
  ColumnFill e = fill_column(f.source(), 2, {}, 100);
  CHECK(e.placed[2].y == doctest::Approx(20 + 6 + 20));
}

TEST_CASE("unsplittable blocks move whole; too tall ones are placed and flagged") {
  Flow f{{para(2), whole(50)}};
  ColumnFill c = fill_column(f.source(), 2, {}, 60);
  CHECK(c.next == Cursor{1, 0});
  ColumnFill d = fill_column(f.source(), 2, {1, 0}, 40);
  CHECK(d.overfull);
  CHECK(d.next == Cursor{2, 0});
  CHECK(d.end == ColumnEnd::FlowEnd);
}

TEST_CASE("a continued block repeats its head; the head is never alone") {
  MeasuredBlock table;
  table.slices.push_back({15, 0, false, {}, {}, {}});  // header row
  for (int i = 0; i < 10; ++i) table.slices.push_back({10, 0, true, {}, {}, {}});
  table.repeat_head.push_back({15, 0, false, {}, {}, {}});
  Flow f{{para(3), table}};
  ColumnFill c = fill_column(f.source(), 2, {}, 30 + 20);  // header fits, no row
  CHECK(c.next == Cursor{1, 0});
  ColumnFill d = fill_column(f.source(), 2, {1, 0}, 60);
  CHECK(d.next == Cursor{1, 5});
  ColumnFill e = fill_column(f.source(), 2, d.next, 60);
  REQUIRE(e.placed.size() >= 2);
  CHECK(e.placed[0].head);
  CHECK(e.placed[1].y == doctest::Approx(15));
  CHECK(e.next == Cursor{1, 9});
}

TEST_CASE("break blocks end the column, but not at its top") {
  MeasuredBlock brk;
  brk.forced = galley::model::BreakKind::Column;
  Flow f{{brk, para(2), brk, para(2)}};
  ColumnFill c = fill_column(f.source(), 4, {}, 100);
  CHECK(c.end == ColumnEnd::Column);
  CHECK(c.next == Cursor{3, 0});
  CHECK(count(c, 1) == 2);
}

TEST_CASE("columns fill left to right and balance evens them out") {
  Flow f{{para(10), para(10)}};
  FrameBox box{0, 0, 210, 100, 2, 10, 0, galley::model::VAlign::Top, false};
  FrameFill r = fill_frame(f.source(), 2, {}, box);
  REQUIRE(r.columns.size() == 2);
  CHECK(r.columns[0].x == doctest::Approx(0));
  CHECK(r.columns[1].x == doctest::Approx(110));
  CHECK(r.columns[0].fill.used == doctest::Approx(100));
  CHECK(r.columns[1].fill.used == doctest::Approx(100));
  CHECK(r.end == ColumnEnd::FlowEnd);

  Flow g{{para(12)}};
  box.balance = true;
  FrameFill b = fill_frame(g.source(), 1, {}, box);
  REQUIRE(b.columns.size() == 2);
  CHECK(b.columns[0].fill.used == doctest::Approx(60));
  CHECK(b.columns[1].fill.used == doctest::Approx(60));
}

TEST_CASE("valign bottom pushes a short column down") {
  Flow f{{para(3)}};
  FrameBox box{10, 20, 100, 100, 1, 0, 5, galley::model::VAlign::Bottom, false};
  FrameFill r = fill_frame(f.source(), 1, {}, box);
  REQUIRE(r.columns.size() == 1);
  CHECK(r.columns[0].y == doctest::Approx(20 + 5 + 90 - 30));
  CHECK(r.columns[0].x == doctest::Approx(15));
}
