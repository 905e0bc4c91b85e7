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

void StructureNumbering::page(const PlacedStructure& placed, std::vector<Item>& items, std::vector<Link>& links,
                              std::vector<StructElement>& structure) {
  const auto number = [&](int64_t& element) {
    if (element < 0) return;
    const auto where = block_of(element);
    auto it = base_.find(where);
    if (it == base_.end()) {
      const auto nodes = placed.find(where);
      if (nodes == placed.end()) {
        element = Mark::kArtifact;
        return;
      }
      it = base_.emplace(where, next_).first;
      next_ += static_cast<int64_t>(nodes->second.size());
      // Only the role is read of them (a page's marks), and the list is
      // put in content order at the end: not copies of whole elements (a
      // long report has a hundred thousand, each naming its source file).
      for (const StructElement& n : nodes->second) {
        StructElement& e = structure.emplace_back();
        e.role = n.role;
      }
    }
    element = it->second + (element & kNodeMask);
  };
  for (Item& it : items)
    if (auto* m = std::get_if<Mark>(&it)) number(m->element);
  for (Link& l : links) number(l.element);
}

std::vector<int32_t> StructureNumbering::renumber(const PlacedStructure& placed,
                                                  const std::map<std::pair<size_t, size_t>, int64_t>& final_base) const {
  size_t count = 0;
  for (const auto& [where, first] : base_) count += placed.at(where).size();
  std::vector<int32_t> out(count, static_cast<int32_t>(Mark::kArtifact));
  for (const auto& [where, first] : base_) {
    const int64_t to = final_base.at(where);
    const size_t n = placed.at(where).size();
    for (size_t k = 0; k < n; ++k) out[static_cast<size_t>(first) + k] = static_cast<int32_t>(to + static_cast<int64_t>(k));
  }
  return out;
}

std::map<std::pair<size_t, size_t>, int64_t> structure_order(const PlacedStructure& placed) {
  std::map<std::pair<size_t, size_t>, int64_t> base;
  int64_t count = 0;
  for (const auto& [where, nodes] : placed) {
    base.emplace_hint(base.end(), where, count);
    count += static_cast<int64_t>(nodes.size());
  }
  return base;
}

void finish_structure(PlacedStructure&& placed, const std::string& doc_lang, std::vector<StructElement>& structure,
                      Diagnostics& diags) {
  size_t count = 0;
  for (const auto& [where, nodes] : placed) count += nodes.size();
  structure.reserve(structure.size() + count);
  std::vector<const std::string*> lang;  // per element of the block: the language it is in
  int last_heading = 0;
  for (auto it = placed.begin(); it != placed.end(); it = placed.erase(it)) {
    std::vector<StructElement>& nodes = it->second;
    const auto first = static_cast<int32_t>(structure.size());
    lang.clear();
    for (StructElement& n : nodes) {
      // A parent is a node of the same block, or the document.
      const std::string& around = n.parent >= 0 && static_cast<size_t>(n.parent) < lang.size()
                                      ? *lang[static_cast<size_t>(n.parent)]
                                      : doc_lang;
      if (n.role.size() == 2 && n.role[0] == 'H') {
        const int level = n.role[1] - '0';
        if (level > last_heading + 1)
          diags.warning(n.loc, "heading level " + std::to_string(level) + " follows " +
                                   (last_heading ? "level " + std::to_string(last_heading) : "no heading") +
                                   ": a level is skipped");
        last_heading = level;
      }
      StructElement& e = structure.emplace_back(std::move(n));
      if (e.parent >= 0) e.parent += first;
      // Lang only where it changes from the document's or the parent's.
      lang.push_back(e.lang.empty() ? &around : &e.lang);
      if (e.lang == around) {
        lang.back() = &around;
        e.lang.clear();
      }
    }
  }
}

}  // namespace galley::layout
