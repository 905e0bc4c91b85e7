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
    ColumnFill fill = fill_column(blocks, count, cur, height, box.separator);
    cur = fill.next;
    out.overfull = out.overfull || fill.overfull;
    out.end = fill.end;
    if (!fill.placed.empty() || !fill.notes.empty()) out.columns.push_back({box.column_x(c), box.column_y(), box.column_width(), std::move(fill)});
    if (out.end == ColumnEnd::FlowEnd || out.end == ColumnEnd::Frame || out.end == ColumnEnd::Page) break;
  }
  out.next = cur;
  return out;
}

bool reaches_end(const FrameFill& f) { return f.end == ColumnEnd::FlowEnd; }

// The columns filled from `from` up to `count` within `height`, balanced
// (the shortest height that still takes it all) when `balance` and it fits.
FrameFill fill_balanced(const BlockSource& blocks, size_t count, Cursor from, const FrameBox& box, double height,
                        bool balance) {
  FrameFill out = fill_at_height(blocks, count, from, box, height);
  if (balance && box.columns > 1 && reaches_end(out) && !out.overfull) {
    // Reaching the end is monotonic in the height.
    double lo = 0, hi = height;
    for (int i = 0; i < 30 && hi - lo > 0.25; ++i) {
      const double mid = (lo + hi) / 2;
      FrameFill trial = fill_at_height(blocks, count, from, box, mid);
      if (reaches_end(trial) && !trial.overfull) hi = mid; else lo = mid;
    }
    out = fill_at_height(blocks, count, from, box, hi);
  }
  return out;
}

// Bands down the frame: columns up to the next spanning block, balanced;
// the spanning block across the frame; and so on. A band that does not fit
// ends the frame, and the flow goes on in the next one.
FrameFill fill_bands(const BlockSource& blocks, size_t count, Cursor from, const FrameBox& box,
                     const Spanning& spanning) {
  FrameFill out;
  Cursor cur = from;
  double top = 0;
  const double height = box.column_height();
  const double full = std::max(0.0, box.w - 2 * box.padding);
  while (cur.block < count) {
    if (spanning.next(cur.block) == cur.block) {
      const MeasuredBlock& b = spanning.wide(cur.block);
      const double gap = top > 0 && cur.slice == 0 && !b.slices.empty() ? b.slices.front().gap_before : 0;
      ColumnFill fill = fill_column(spanning.wide, cur.block + 1, cur, std::max(0.0, height - top - gap), box.separator);
      // Below other content, a block that does not fit waits for the next frame.
      if (fill.placed.empty() || (fill.overfull && top > 0)) {
        out.end = ColumnEnd::Full;
        break;
      }
      out.overfull = out.overfull || fill.overfull;
      cur = fill.next;
      const ColumnEnd end = fill.end;
      const double used = fill.used;
      out.columns.push_back({box.column_x(0), box.column_y() + top + gap, full, std::move(fill), true});
      top += gap + used;
      if (end != ColumnEnd::FlowEnd) {
        out.end = end;
        break;
      }
      top += b.space_after;
      continue;
    }
    const size_t stop = std::min(count, spanning.next(cur.block));
    const bool last = stop == count;
    FrameFill band = fill_balanced(blocks, stop, cur, box, std::max(0.0, height - top), !last || box.balance);
    if (band.overfull && top > 0) {
      out.end = ColumnEnd::Full;
      break;
    }
    double used = 0;
    for (PlacedColumn& col : band.columns) {
      col.y += top;
      used = std::max(used, col.fill.used);
      out.columns.push_back(std::move(col));
    }
    out.overfull = out.overfull || band.overfull;
    const bool progress = !(band.next == cur);
    cur = band.next;
    if (band.end != ColumnEnd::FlowEnd || !progress) {
      out.end = band.end == ColumnEnd::FlowEnd ? ColumnEnd::Full : band.end;
      break;
    }
    top += used;
  }
  if (cur.block >= count && cur.carry.empty()) out.end = ColumnEnd::FlowEnd;
  out.next = cur;
  return out;
}

}  // namespace

FrameFill fill_frame(const BlockSource& blocks, size_t block_count, Cursor from, const FrameBox& box,
                     const Spanning* spanning) {
  if (spanning && box.columns > 1 && spanning->next(from.block) < block_count)
    return fill_bands(blocks, block_count, from, box, *spanning);
  FrameFill out = fill_balanced(blocks, block_count, from, box, box.column_height(), box.balance);
  for (PlacedColumn& col : out.columns) {
    const double room = box.column_height() - col.fill.used;
    if (room <= 0) continue;
    if (box.valign == model::VAlign::Middle) col.y += room / 2;
    if (box.valign == model::VAlign::Bottom) col.y += room;
  }
  return out;
}

}  // namespace galley::layout
