// Lists: each item a paragraph with a hanging indent, its marker set
// right-aligned in the indent; nested items indent one step per depth.
#include <algorithm>

#include "detail/list_block.h"
#include "detail/paragraph_block.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {

// The indent step of one nesting level: the item style's left indent when it
// sets one, else 1.5 em.
double indent_step(const resolve::ParaStyle& s) {
  return s.left_indent > 0 ? s.left_indent : 1.5 * s.size;
}

}  // namespace

MeasuredBlock measure_list(const resolve::Block& b, double width, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  // The open lists, one per depth: a deeper item opens a list inside the
  // item before it.
  std::vector<int> lists{add_node(m, "L", -1, b.loc)};
  int last_item = -1;
  for (size_t k = 0; k < b.items.size(); ++k) {
    const resolve::ListItem& item = b.items[k];
    const size_t depth = static_cast<size_t>(std::max(item.depth, 0));
    while (lists.size() > depth + 1) lists.pop_back();
    while (lists.size() < depth + 1) lists.push_back(add_node(m, "L", last_item, item.para.loc));
    last_item = add_node(m, "LI", lists.back(), item.para.loc);
    const int label = item.marker.empty() ? -1 : add_node(m, "Lbl", last_item, item.para.loc);
    const int lbody = add_node(m, "LBody", last_item, item.para.loc);
    m.structure[static_cast<size_t>(lbody)].lang = item.para.style->language;
    const double step = indent_step(item.para.style);
    const double indent = step * (item.depth + 1);
    // The item text is set in the measure right of the indent; the line
    // breaker sees no indents of its own.
    const resolve::Paragraph& body = ts.derived(&item, 0, [&] {
      resolve::Paragraph p = item.para;
      p.style.edit().left_indent = 0;
      p.style.edit().first_indent = 0;
      return p;
    });
    const size_t first = m.slices.size();
    const double gap = k == 0 ? item.para.style->space_before : b.items[k - 1].para.style->space_after;
    append_lines(body, std::max(1.0, width - indent), indent, gap, 2, ts, m.slices);
    mark_slices(m.slices, first, lbody);
    if (m.slices.size() == first || item.marker.empty()) continue;
    const resolve::Paragraph& marker = ts.derived(
        &item, 1, [&] { return plain_paragraph(item.marker, item.para.style, item.para.loc); });
    auto lines = ts.lines(marker, width);
    if (lines.empty()) continue;
    double marker_w = 0;
    for (const auto& r : lines.front().runs) marker_w = std::max(marker_w, r.x + r.width);
    const double gap_x = 0.4 * item.para.style->size;
    std::vector<Link> unused;
    mark_from(m.slices[first].items, m.slices[first].items.size(), label);
    ts.draw(std::move(lines.front()), item.para.loc, std::max(0.0, indent - gap_x - marker_w),
            ts.baseline(item.para.style), m.slices[first].items, unused);
  }
  if (!b.items.empty()) {
    m.space_after = b.items.back().para.style->space_after;
    m.keep_with_next = b.keep_with_next;
  }
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
