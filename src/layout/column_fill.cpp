#include "detail/column_fill.h"

namespace galley::layout {
namespace {

constexpr double kSlack = 0.01;  // points: rounding must not push a line over
// A block kept with the next one keeps at least this many of its lines (a
// heading above a single line reads as stranded, whatever the paragraph's
// own orphan setting allows).
constexpr size_t kKeptLines = 2;

struct Candidate {
  size_t placed_count = 0;
  Cursor next;
  double used = 0;
};

ColumnEnd end_for(model::BreakKind kind) {
  switch (kind) {
    case model::BreakKind::Column: return ColumnEnd::Column;
    case model::BreakKind::Frame: return ColumnEnd::Frame;
    case model::BreakKind::Page: return ColumnEnd::Page;
  }
  return ColumnEnd::Page;
}

}  // namespace

ColumnFill fill_column(const BlockSource& blocks, size_t block_count, Cursor from, double height) {
  ColumnFill out;
  std::vector<Candidate> candidates;
  double y = 0, pending_after = 0;
  Cursor cur = from;
  bool kept = false;  // the block placed just before in this column keeps with this one

  auto finish_at_last_candidate = [&](Cursor stuck) {
    if (!candidates.empty()) {
      const Candidate& c = candidates.back();
      out.placed.resize(c.placed_count);
      out.next = c.next;
      out.used = c.used;
    } else {
      // No legal break in what fits: break where it stopped rather than
      // leave the column empty (progress beats the rule).
      out.next = stuck;
      out.used = y;
    }
    out.end = ColumnEnd::Full;
    return out;
  };

  while (cur.block < block_count) {
    const MeasuredBlock& b = blocks(cur.block);
    if (b.forced) {
      kept = false;
      Cursor after{cur.block + 1, 0};
      if (!out.placed.empty()) {
        out.next = after;
        out.used = y;
        out.end = end_for(*b.forced);
        return out;
      }
      cur = after;
      continue;
    }
    const size_t n = b.slices.size();
    if (cur.slice >= n) {
      cur = {cur.block + 1, 0};
      continue;
    }
    const size_t min_lines = kept && cur.slice == 0 ? kKeptLines : 0;
    double head = 0;
    if (cur.slice > 0 && out.placed.empty())
      for (const Slice& s : b.repeat_head) head += s.height;
    bool head_placed = false;
    for (size_t i = cur.slice; i < n; ++i) {
      const Slice& s = b.slices[i];
      const bool top = out.placed.empty();
      const double gap = top ? 0 : pending_after + s.gap_before;
      const double extra = head_placed ? 0 : head;
      const double need = gap + extra + s.height;
      if (y + need > height + kSlack) {
        if (!top) return finish_at_last_candidate({cur.block, i});
        out.overfull = true;
      }
      if (extra > 0) {
        double hy = y;
        for (size_t h = 0; h < b.repeat_head.size(); ++h) {
          out.placed.push_back({cur.block, h, hy, true});
          hy += b.repeat_head[h].height;
        }
        head_placed = true;
      }
      out.placed.push_back({cur.block, i, y + gap + extra});
      y += need;
      pending_after = 0;
      if (out.overfull) {
        out.next = i + 1 < n ? Cursor{cur.block, i + 1} : Cursor{cur.block + 1, 0};
        out.used = y;
        out.end = out.next.block >= block_count ? ColumnEnd::FlowEnd : ColumnEnd::Full;
        return out;
      }
      if (i + 1 < n) {
        if (s.break_after && i + 1 >= min_lines)
          candidates.push_back({out.placed.size(), {cur.block, i + 1}, y});
      } else {
        pending_after = b.space_after;
        if (!b.keep_with_next) candidates.push_back({out.placed.size(), {cur.block + 1, 0}, y});
      }
    }
    kept = b.keep_with_next;
    cur = {cur.block + 1, 0};
  }
  out.next = cur;
  out.used = y;
  out.end = ColumnEnd::FlowEnd;
  return out;
}

}  // namespace galley::layout
