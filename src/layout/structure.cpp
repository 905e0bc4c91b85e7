#include "detail/structure.h"

#include <algorithm>

namespace galley::layout {

namespace {

// A placed key: the flow, block and node in one integer (Mark::element).
constexpr int kNodeBits = 24, kBlockBits = 24;
constexpr int64_t kNodeMask = (int64_t{1} << kNodeBits) - 1;
constexpr int64_t kBlockMask = (int64_t{1} << kBlockBits) - 1;

int64_t key(size_t flow, size_t block, int64_t node) {
  return (static_cast<int64_t>(flow) << (kNodeBits + kBlockBits)) |
         ((static_cast<int64_t>(block) & kBlockMask) << kNodeBits) | (node & kNodeMask);
}

std::pair<size_t, size_t> block_of(int64_t k) {
  return {static_cast<size_t>(k >> (kNodeBits + kBlockBits)),
          static_cast<size_t>((k >> kNodeBits) & kBlockMask)};
}

}  // namespace

int add_node(MeasuredBlock& m, std::string role, int parent, const SourceLoc& loc) {
  StructElement e;
  e.role = std::move(role);
  e.parent = parent;
  e.loc = loc;
  m.structure.push_back(std::move(e));
  return static_cast<int>(m.structure.size() - 1);
}

std::string heading_role(int level) { return "H" + std::to_string(std::clamp(level, 1, 6)); }

void mark_from(std::vector<Item>& items, size_t from, int64_t node) {
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(std::min(from, items.size())), Mark{node});
}

void mark_slices(std::vector<Slice>& slices, size_t from, int64_t node) {
  for (size_t i = from; i < slices.size(); ++i) mark_from(slices[i].items, 0, node);
}

void place_marks(std::vector<Item>& items, std::vector<Link>& links, size_t first_item,
                 size_t first_link, size_t flow, size_t block, bool artifact) {
  if (first_item < items.size() && !std::holds_alternative<Mark>(items[first_item]))
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(first_item), Mark{});
  int64_t content = Mark::kArtifact;  // the slice's first content element, for its links
  for (size_t i = first_item; i < items.size(); ++i) {
    auto* m = std::get_if<Mark>(&items[i]);
    if (!m) continue;
    if (artifact || m->element < 0) {
      m->element = Mark::kArtifact;
      continue;
    }
    m->element = key(flow, block, m->element);
    if (content < 0) content = m->element;
  }
  for (size_t i = first_link; i < links.size(); ++i) links[i].element = artifact ? Mark::kArtifact : content;
}

PlacedStructure::Block* PlacedStructure::find(size_t flow, size_t block) {
  if (flow >= flows_.size()) return nullptr;
  std::vector<Block>& blocks = flows_[flow];
  // A flow's blocks are placed, and met, mostly in order: the last first.
  if (!blocks.empty() && blocks.back().block == block) return &blocks.back();
  auto it = std::lower_bound(blocks.begin(), blocks.end(), block,
                             [](const Block& b, size_t k) { return b.block < k; });
  return it != blocks.end() && it->block == block ? &*it : nullptr;
}

void PlacedStructure::place(size_t flow, size_t block, const std::vector<StructElement>& nodes) {
  if (nodes.empty() || find(flow, block)) return;
  if (flows_.size() <= flow) flows_.resize(flow + 1);
  std::vector<Block>& blocks = flows_[flow];
  const auto at = std::lower_bound(blocks.begin(), blocks.end(), block,
                                   [](const Block& b, size_t k) { return b.block < k; });
  blocks.insert(at, Block{static_cast<uint32_t>(block), static_cast<uint32_t>(nodes_.size()),
                          static_cast<uint32_t>(nodes.size()), -1});
  for (const StructElement& e : nodes) {
    Node n{e.parent, files_.index(e.loc.file), e.loc.line, e.loc.col, 0, words_.index(e.role), words_.index(e.lang)};
    if (!e.alt.empty() || !e.scope.empty()) {
      extras_.push_back({e.alt, e.scope});
      n.extra = static_cast<uint32_t>(extras_.size());
    }
    nodes_.push_back(n);
  }
}

void PlacedStructure::number(std::vector<Item>& items, std::vector<Link>& links,
                             StructureList& structure) {
  const auto number = [&](int64_t& element) {
    if (element < 0) return;
    const auto [flow, block] = block_of(element);
    Block* b = find(flow, block);
    if (!b) {
      element = Mark::kArtifact;
      return;
    }
    if (b->met < 0) {
      b->met = next_;
      next_ += static_cast<int32_t>(b->count);
      // Only the role is read of them (a page's marks), and the list is
      // put in content order at the end: not copies of whole elements.
      StructElement e;
      for (uint32_t k = 0; k < b->count; ++k) {
        e.role = words_[nodes_[b->first + k].role];
        structure.push_back(e);
      }
    }
    element = b->met + (element & kNodeMask);
  };
  for (Item& it : items)
    if (auto* m = std::get_if<Mark>(&it)) number(m->element);
  for (Link& l : links) number(l.element);
}

template <typename Fn>
void PlacedStructure::each_in_content_order(Fn&& fn) const {
  for (const std::vector<Block>& blocks : flows_)
    for (const Block& b : blocks) fn(b);
}

std::vector<int32_t> PlacedStructure::renumber() const {
  std::vector<int32_t> out(static_cast<size_t>(next_), static_cast<int32_t>(Mark::kArtifact));
  int32_t to = 0;
  each_in_content_order([&](const Block& b) {
    if (b.met >= 0)
      for (uint32_t k = 0; k < b.count; ++k) out[static_cast<size_t>(b.met) + k] = to + static_cast<int32_t>(k);
    to += static_cast<int32_t>(b.count);
  });
  return out;
}

void PlacedStructure::finish(const std::string& doc_lang, StructureList& structure, Diagnostics& diags) {
  structure = StructureList();
  structure.reserve(nodes_.size());
  std::vector<const std::string*> lang;  // per element of the block: the language it is in
  int last_heading = 0;
  StructElement e;  // each element in turn, its strings' room reused
  each_in_content_order([&](const Block& b) {
    const auto first = static_cast<int32_t>(structure.size());
    lang.clear();
    for (uint32_t k = 0; k < b.count; ++k) {
      const Node& n = nodes_[b.first + k];
      e.role = words_[n.role];
      e.lang = words_[n.lang];
      e.parent = n.parent;
      e.loc.file = files_[n.file], e.loc.line = n.line, e.loc.col = n.col;
      e.alt.clear(), e.scope.clear();
      if (n.extra > 0) {
        StructExtra& x = extras_[n.extra - 1];
        e.alt = std::move(x.alt), e.scope = std::move(x.scope);
      }
      // A parent is a node of the same block, or the document.
      const std::string& around = e.parent >= 0 && static_cast<size_t>(e.parent) < lang.size()
                                      ? *lang[static_cast<size_t>(e.parent)]
                                      : doc_lang;
      if (e.role.size() == 2 && e.role[0] == 'H') {
        const int level = e.role[1] - '0';
        if (level > last_heading + 1)
          diags.warning(e.loc, "heading level " + std::to_string(level) + " follows " +
                                   (last_heading ? "level " + std::to_string(last_heading) : "no heading") +
                                   ": a level is skipped");
        last_heading = level;
      }
      if (e.parent >= 0) e.parent += first;
      // Lang only where it changes from the document's or the parent's.
      lang.push_back(e.lang.empty() || e.lang == around ? &around : &words_[n.lang]);
      if (e.lang == around) e.lang.clear();
      structure.push_back(e);
    }
  });
  *this = PlacedStructure();
}

}  // namespace galley::layout
