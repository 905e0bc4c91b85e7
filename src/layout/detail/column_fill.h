// The pagination core: fills one column from a flow of measured blocks,
// choosing the last legal break (widows/orphans and keep-with-next are
// encoded in the slices' break_after and the blocks' keep_with_next).
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

#include "measured.h"

namespace galley::layout {

struct Cursor {
  size_t block = 0, slice = 0;
  bool operator==(const Cursor&) const = default;
};

// Gives the block at an index measured at the column's width.
using BlockSource = std::function<const MeasuredBlock&(size_t)>;

struct PlacedSlice {
  size_t block = 0, slice = 0;
  double y = 0;        // top of the slice from the column top
  bool head = false;   // the block's repeat_head, drawn at y
};

enum class ColumnEnd { Full, Column, Frame, Page, FlowEnd };

struct ColumnFill {
  std::vector<PlacedSlice> placed;
  Cursor next;
  double used = 0;       // height of the placed content (trailing space dropped)
  ColumnEnd end = ColumnEnd::Full;
  bool overfull = false; // a single unbreakable slice taller than the column was placed
};

// Fills a column of `height` from `from`. Space before a block is dropped at
// the column top; a break block at the column top is ignored. Always makes
// progress when content is left: if nothing fits, the first slice is placed
// anyway and `overfull` is set.
ColumnFill fill_column(const BlockSource& blocks, size_t block_count, Cursor from, double height);

}  // namespace galley::layout
