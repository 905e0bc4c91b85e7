// The pagination core: fills one column from a flow of measured blocks,
// choosing the last legal break (widows/orphans and keep-with-next are
// encoded in the slices' break_after and the blocks' keep_with_next).
//
// Footnotes go at the column's foot, as TeX's \insert: a line that
// references notes is placed only if the start of its notes fits below it
// (above them, the separator); what does not fit of the last note is
// carried to the next column's foot, ahead of its own notes, and no
// reference is placed in a column while a note is being carried out of it.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "measured.h"

namespace galley::layout {

// Lines of footnotes still to set: carry[0] from line `from` on, then the
// rest whole.
struct NoteCarry {
  std::vector<std::shared_ptr<const NoteLines>> notes;
  size_t from = 0;
  bool empty() const { return notes.empty(); }
  bool operator==(const NoteCarry&) const = default;
};

struct Cursor {
  size_t block = 0, slice = 0;
  NoteCarry carry = {};  // notes begun in an earlier column
  bool operator==(const Cursor&) const = default;
};

// One line of a footnote at the column's foot.
struct PlacedNoteLine {
  std::shared_ptr<const NoteLines> note;
  size_t line = 0;
  double y = 0;  // top of the line from the column top
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
  std::vector<PlacedNoteLine> notes;  // at the foot, in order
  double rule_y = 0;     // the separator's top, from the column top (when notes)
  Cursor next;
  double used = 0;       // height of the placed content (trailing space dropped); all of it with notes
  ColumnEnd end = ColumnEnd::Full;
  bool overfull = false; // a single unbreakable slice taller than the column was placed
};

// Fills a column of `height` from `from`. Space before a block is dropped at
// the column top; a break block at the column top is ignored. Always makes
// progress when content is left: if nothing fits, the first slice is placed
// anyway and `overfull` is set. `separator`: the height the rule above the
// notes takes, with its space.
ColumnFill fill_column(const BlockSource& blocks, size_t block_count, Cursor from, double height,
                       double separator = 0);

}  // namespace galley::layout
