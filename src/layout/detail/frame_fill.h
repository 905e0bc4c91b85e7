// Fills the columns of one frame, left to right, from a flow cursor;
// applies vertical alignment and, on request, balances the last frame.
#pragma once
#include <functional>
#include <vector>

#include "column_fill.h"
#include "model/layout.h"

namespace galley::layout {

// A frame on a page, with its lengths resolved against the page.
struct FrameBox {
  double x = 0, y = 0, w = 0, h = 0;
  int columns = 1;
  double gutter = 0, padding = 0;
  model::VAlign valign = model::VAlign::Top;
  bool balance = false;
  double separator = 0;  // footnotes: the rule above them with its space

  double column_width() const;
  double column_height() const;
  double column_x(int i) const;
  double column_y() const;
};

struct PlacedColumn {
  double x = 0, y = 0, width = 0;  // top-left on the page; y includes the valign shift
  ColumnFill fill;
  bool wide = false;  // a `span: all` block across the frame, measured at its full width
};

struct FrameFill {
  std::vector<PlacedColumn> columns;  // only those that received content (or notes)
  Cursor next;
  ColumnEnd end = ColumnEnd::Full;  // why the frame stopped taking content
  bool overfull = false;
};

// Blocks that span every column of a multi-column frame: which they are,
// and each measured at the frame's full width.
struct Spanning {
  // The first spanning block at or after block i, or the flow's end when
  // none is: asked at each frame's cursor, so it must not cost a walk to
  // the flow's end (a long report's frames would be quadratic).
  std::function<size_t(size_t)> next;
  BlockSource wide;
};

// `blocks` is already measured at `box.column_width()`. In a frame of
// several columns, a spanning block is set across all of them: the
// columns above it are balanced and the content continues below it.
FrameFill fill_frame(const BlockSource& blocks, size_t block_count, Cursor from, const FrameBox& box,
                     const Spanning* spanning = nullptr);

}  // namespace galley::layout
