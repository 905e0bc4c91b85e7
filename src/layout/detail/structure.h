// The structure tree of a tagged PDF, built from what layout already knows:
// each block measures itself into nodes (MeasuredBlock::structure) and puts
// a Mark in front of each node's items; placing a slice names the flow and
// block in its marks; the finished pass orders the nodes by flow and block,
// which is the content file's order, whatever page or frame they landed in.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "measured.h"

namespace galley::layout {

// Adds a node to the block's structure; returns its index. `parent` is a
// node of the same block, or -1 for the document (or the flow's parent).
int add_node(MeasuredBlock& m, std::string role, int parent, const SourceLoc& loc);
// "H1".."H6" for a heading level (clamped).
std::string heading_role(int level);

// Inserts a Mark for `node` in front of items [from, end) of `items`.
void mark_from(std::vector<Item>& items, size_t from, int64_t node);
// Puts a Mark for `node` first in each slice of [from, end).
void mark_slices(std::vector<Slice>& slices, size_t from, int64_t node);

// The nodes of each block placed in a pass, by (flow, block).
using PlacedStructure = std::map<std::pair<size_t, size_t>, std::vector<StructElement>>;

// Rewrites the marks of a slice being placed so they name flow and block
// (artifacts stay artifacts; a repeated table header is all artifact), and
// sets the element of its links. The slice's first item becomes a Mark, so
// nothing it draws inherits the element of the slice placed before it.
void place_marks(std::vector<Item>& items, std::vector<Link>& links, size_t first_item,
                 size_t first_link, size_t flow, size_t block, bool artifact);

// Numbers the placed keys of each finished page's marks and links in the
// order their blocks are first met, so a page can be written before the
// pass ends (a block of a later flow may be met first): each block's
// nodes join `structure` (what the page writer reads of them: roles) when
// it is met (DisplayList::structure_base numbers them). renumber() maps
// these numbers to finish_structure()'s.
class StructureNumbering {
 public:
  void page(const PlacedStructure& placed, std::vector<Item>& items, std::vector<Link>& links,
            std::vector<StructElement>& structure);
  std::vector<int32_t> renumber(const PlacedStructure& placed,
                                const std::map<std::pair<size_t, size_t>, int64_t>& final_base) const;

 private:
  std::map<std::pair<size_t, size_t>, int64_t> base_;  // block → its first node's number
  int64_t next_ = 0;  // the number the next block's first node gets
};

// Each placed block's first index in content order (flow, then block).
std::map<std::pair<size_t, size_t>, int64_t> structure_order(const PlacedStructure& placed);
// Moves the nodes of `placed` into `structure` in content order (flow,
// then block), each block's let go once moved; a heading that skips a
// level is a warning.
void finish_structure(PlacedStructure&& placed, const std::string& doc_lang, std::vector<StructElement>& structure,
                      Diagnostics& diags);

}  // namespace galley::layout
