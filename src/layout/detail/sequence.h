// One layout pass: the sequence's pages with the flows threaded through
// their frames. Master decoration (background, elements, header, footer)
// comes later, when the page count is known.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "column_fill.h"
#include "measure.h"
#include "structure.h"
#include "model/layout.h"

namespace galley::layout {

struct PassResult {
  size_t page_count = 0;  // pages made
  // Boxes, master name and flow items of each page, unless a PageDone took
  // them (the last pass).
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  // What the next pass reads (table-of-contents page numbers, footnote
  // numbers): the last pass keeps none of it.
  std::map<std::string, int> dest_pages;  // destination → 0-based page
  std::map<std::string, size_t> dest_order;  // destination → rank in placement order
  std::vector<std::pair<int, int>> note_pages;  // (note, 0-based page) of each reference placed, in order
  std::vector<Cursor> cursors;             // per flow (index into the flows)
  std::vector<bool> placed_somewhere;      // per flow: some frame takes it
  PlacedStructure structure;               // the nodes of every block placed
  std::vector<resolve::Flow> flows;        // an owning pass's flows, handed back
};

// Page boxes from the page setup: trim {0,0,W,H}, bleed around it, media
// around the bleed by the slug when marks are asked for.
void set_boxes(const model::PageSetup& setup, Page& page);

// True when blocks from `from` on, or notes it carries, still have
// something to place.
bool has_content(const resolve::Flow& flow, Cursor from);

// A pass over flows it borrows (one that other passes follow).
PassResult run_pass(const std::vector<resolve::Flow>& flows, const model::Layout& layout,
                    const MeasureContext& ctx, Diagnostics& diags);

// Takes each page of the last pass as it is complete (`index`: its
// 0-based number): nothing later in the pass changes it, and the pass
// keeps nothing of it but its outline entries and structure nodes.
using PageDone = std::function<void(PassResult& r, Page&& page, size_t index)>;

// The last pass, owning the flows: each block a flow has left behind is
// freed there, so a long report's text is not held beside all of its pages.
// The result's `flows` hands them back, blocks from each cursor on whole.
// `done` takes each page as it is complete.
PassResult run_pass(std::vector<resolve::Flow>&& flows, const model::Layout& layout,
                    const MeasureContext& ctx, Diagnostics& diags, const PageDone& done);

}  // namespace galley::layout
