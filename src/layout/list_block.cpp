// Lists: each item a paragraph with a hanging indent, its marker set
// right-aligned in the indent; nested items indent one step per depth.
#include <algorithm>

#include "layout/blocks.h"

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
  for (size_t k = 0; k < b.items.size(); ++k) {
    const resolve::ListItem& item = b.items[k];
    const double step = indent_step(item.para.style);
    const double indent = step * (item.depth + 1);
    // The item text is set in the measure right of the indent; the line
    // breaker sees no indents of its own.
    const resolve::Paragraph& body = ts.derived(&item, 0, [&] {
      resolve::Paragraph p = item.para;
      p.style.left_indent = 0;
      p.style.first_indent = 0;
      return p;
    });
    const size_t first = m.slices.size();
    const double gap = k == 0 ? item.para.style.space_before : b.items[k - 1].para.style.space_after;
    append_lines(body, std::max(1.0, width - indent), indent, gap, 2, ts, m.slices);
    if (m.slices.size() == first || item.marker.empty()) continue;
    const resolve::Paragraph& marker = ts.derived(
        &item, 1, [&] { return plain_paragraph(item.marker, item.para.style, item.para.loc); });
    auto lines = ts.lines(marker, width);
    if (lines.empty()) continue;
    double marker_w = 0;
    for (const auto& r : lines.front().runs) marker_w = std::max(marker_w, r.x + r.width);
    const double gap_x = 0.4 * item.para.style.size;
    std::vector<Link> unused;
    ts.draw(std::move(lines.front()), item.para.loc, std::max(0.0, indent - gap_x - marker_w),
            ts.baseline(item.para.style), m.slices[first].items, unused);
  }
  if (!b.items.empty()) {
    m.space_after = b.items.back().para.style.space_after;
    m.keep_with_next = b.keep_with_next;
  }
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
