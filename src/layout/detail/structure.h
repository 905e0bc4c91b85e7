// The structure tree of a tagged PDF, built from what layout already knows:
// each block measures itself into nodes (MeasuredBlock::structure) and puts
// a Mark in front of each node's items; placing a slice names the flow and
// block in its marks; the finished pass orders the nodes by flow and block,
// which is the content file's order, whatever page or frame they landed in.
#pragma once
#include <cstdint>
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

// Rewrites the marks of a slice being placed so they name flow and block
// (artifacts stay artifacts; a repeated table header is all artifact), and
// sets the element of its links. The slice's first item becomes a Mark, so
// nothing it draws inherits the element of the slice placed before it.
void place_marks(std::vector<Item>& items, std::vector<Link>& links, size_t first_item,
                 size_t first_link, size_t flow, size_t block, bool artifact);

// The nodes of each block placed in a pass, kept for the structure tree
// that is written after the last page, and the numbers the finished pages'
// marks gave them. A long report places a hundred thousand; each is kept
// in a few words (its role, language and source file as indices into
// tables of the distinct ones, the rare alt text and scope apart), not as
// a StructElement of five strings in a node of a map.
class PlacedStructure {
 public:
  // The nodes of `block` of `flow`, the first time a slice of it is placed.
  void place(size_t flow, size_t block, const std::vector<StructElement>& nodes);

  // Numbers the placed keys of a finished page's marks and links in the
  // order their blocks are first met, so a page can be written before the
  // pass ends (a block of a later flow may be met first): each block's
  // nodes join `structure` (what the page writer reads of them: roles)
  // when it is met (DisplayList::structure_base numbers them). A key of a
  // block not placed becomes an artifact.
  void number(std::vector<Item>& items, std::vector<Link>& links, StructureList& structure);
  // By the numbers number() gave, each node's index in content order
  // (flow, then block).
  std::vector<int32_t> renumber() const;
  // The nodes in content order as elements, `structure` emptied first; a
  // heading that skips a level is a warning. Leaves this empty.
  void finish(const std::string& doc_lang, StructureList& structure, Diagnostics& diags);

 private:
  // A node's parent is a node of the same block, or -1.
  using Node = StructRecord;
  struct Block {
    uint32_t block;
    uint32_t first, count;  // its nodes in nodes_
    int32_t met;            // number() gave its first node this; -1: not yet
  };
  // The block's record, or null.
  Block* find(size_t flow, size_t block);
  template <typename Fn>
  void each_in_content_order(Fn&& fn) const;

  std::vector<std::vector<Block>> flows_;  // by flow, by block
  std::vector<Node> nodes_;                // in placement order
  std::vector<StructExtra> extras_;
  // The roles and languages met (a few dozen), and the files.
  StringTable words_, files_;
  int32_t next_ = 0;  // the number number() gives the next block met
};

}  // namespace galley::layout
