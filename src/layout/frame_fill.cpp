#include "detail/frame_fill.h"

#include <algorithm>

namespace galley::layout {

double FrameBox::column_width() const {
  const int n = std::max(columns, 1);
  return std::max(0.0, (w - 2 * padding - gutter * (n - 1)) / n);
}
double FrameBox::column_height() const { return std::max(0.0, h - 2 * padding); }
double FrameBox::column_x(int i) const { return x + padding + i * (column_width() + gutter); }
double FrameBox::column_y() const { return y + padding; }

namespace {

FrameFill fill_at_height(const BlockSource& blocks, size_t count, Cursor from, const FrameBox& box,
                         double height) {
  FrameFill out;
  Cursor cur = from;
  const int n = std::max(box.columns, 1);
  for (int c = 0; c < n; ++c) {
    ColumnFill fill = fill_column(blocks, count, cur, height);
    cur = fill.next;
    out.overfull = out.overfull || fill.overfull;
    out.end = fill.end;
    if (!fill.placed.empty()) out.columns.push_back({box.column_x(c), box.column_y(), box.column_width(), std::move(fill)});
    if (out.end == ColumnEnd::FlowEnd || out.end == ColumnEnd::Frame || out.end == ColumnEnd::Page) break;
  }
  out.next = cur;
  return out;
}

bool reaches_end(const FrameFill& f) { return f.end == ColumnEnd::FlowEnd; }

}  // namespace

FrameFill fill_frame(const BlockSource& blocks, size_t block_count, Cursor from, const FrameBox& box) {
  FrameFill out = fill_at_height(blocks, block_count, from, box, box.column_height());
  if (box.balance && box.columns > 1 && reaches_end(out) && !out.overfull) {
    // The shortest column height that still takes the rest of the flow in
    // this frame: reaching the end is monotonic in the height.
    double lo = 0, hi = box.column_height();
    for (int i = 0; i < 30 && hi - lo > 0.25; ++i) {
      const double mid = (lo + hi) / 2;
      FrameFill trial = fill_at_height(blocks, block_count, from, box, mid);
      if (reaches_end(trial) && !trial.overfull) hi = mid; else lo = mid;
    }
    out = fill_at_height(blocks, block_count, from, box, hi);
  }
  for (PlacedColumn& col : out.columns) {
    const double room = box.column_height() - col.fill.used;
    if (room <= 0) continue;
    if (box.valign == model::VAlign::Middle) col.y += room / 2;
    if (box.valign == model::VAlign::Bottom) col.y += room;
  }
  return out;
}

}  // namespace galley::layout
