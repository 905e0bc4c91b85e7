// Preparing the styled flows for a layout pass: automatic heading ids,
// copy-fit scaling, the table of contents entries, and how a block is named
// in diagnostics.
#pragma once
#include <string>
#include <vector>

#include "toc_block.h"
#include "resolve/styled.h"

namespace galley::layout {

// Gives every heading without an `id` one from its text ("program-overview",
// then "program-overview-2", ...), unique among all ids.
void assign_heading_ids(std::vector<resolve::Flow>& flows);

// Scales every type size, leading and paragraph spacing of the flow by s.
void scale_flow(resolve::Flow& flow, double s);

// Headings of level 1 and 2 in flow order, pages not yet known.
std::vector<TocEntry> toc_entries(const std::vector<resolve::Flow>& flows);
bool has_toc(const std::vector<resolve::Flow>& flows);

// `paragraph "The field of…"`: the block's kind and the start of its text.
std::string describe(const resolve::Block& b);

// The body size of a flow: its first paragraph's size (copy-fit base).
double body_size(const resolve::Flow& flow, const resolve::StyledDoc& doc);

}  // namespace galley::layout
