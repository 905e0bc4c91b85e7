// A block measured at one column width: the vertical slices the paginator
// may separate, each with its drawing relative to the slice's top-left
// corner at the column's left edge. Internal to layout/.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/page.h"
#include "model/document.h"

namespace galley::layout {

// A link target or outline entry carried by a slice; gets its page and y
// when the slice is placed.
struct Anchor {
  std::string dest;           // named destination ("" for none)
  std::string outline_title;  // "" for no outline entry
  int level = 1;
  double dy = 0;              // from the slice top
};

struct Slice {
  double height = 0;
  double gap_before = 0;     // space above; dropped at the top of a column
  bool break_after = true;   // may a column end after this slice (not after the last one)?
  std::vector<Item> items;
  std::vector<Link> links;
  std::vector<Anchor> anchors;
  std::vector<int> notes = {};  // the footnotes its lines reference (resolve::CharStyle::note)
  size_t first_note = 0;     // their lines: MeasuredBlock::notes from here on, in the same order
};

// A footnote's lines at the column width of the block that references it,
// to go at the foot of the column where the reference lands.
struct NoteLines {
  int note = 0;
  size_t block = 0;          // the referencing block: its structure holds the note's node
  std::vector<Slice> lines;  // first line's gap_before: the space above it below another note
};

struct MeasuredBlock {
  std::vector<Slice> slices;
  double space_after = 0;                    // dropped at the foot of a column
  bool keep_with_next = false;               // no column end between this block and the next
  std::optional<model::BreakKind> forced;    // a `break:` block (no slices)
  std::vector<Slice> repeat_head;            // drawn first when a column starts inside the block
  std::vector<StructElement> structure;      // the block's nodes; its slices' Marks index them
  // The notes its slices reference, each once; shared, so a note carried on
  // to the next column outlives the measurement.
  std::vector<std::shared_ptr<const NoteLines>> notes;
  SourceLoc loc;
};

// Moves every item, link and anchor of a slice to absolute page positions.
void translate(Item& item, double dx, double dy);

}  // namespace galley::layout
