// Table of contents: one entry per heading of level 1 and 2, the title
// wrapped left, the page label right-aligned, dot leaders between, and the
// whole entry a link to the heading. Entry styles: `toc1`/`toc2` when the
// layout defines them, else the toc block's own style (level 2 indented).
#include <algorithm>
#include <cmath>

#include "detail/toc_block.h"
#include "detail/paragraph_block.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {

resolve::ParaStyle entry_style(int level, const resolve::Block& b,
                               const std::map<std::string, resolve::ParaStyle>& styles) {
  for (const std::string& name : {"toc" + std::to_string(level), "toc-" + std::to_string(level)}) {
    auto it = styles.find(name);
    if (it != styles.end()) return it->second;
  }
  resolve::ParaStyle s = *b.box;
  if (level > 1) s.left_indent += s.size;
  return s;
}

double right_edge(const linebreak::Line& line) {
  double r = 0;
  for (const auto& run : line.runs) r = std::max(r, run.x + run.width);
  return r;
}

// Dots on a fixed pitch so leaders of successive entries line up.
void leaders(double from, double to, double baseline, const resolve::ParaStyle& style,
             TextSetter& ts, const SourceLoc& loc, std::vector<Item>& items) {
  const int face = ts.fonts().find(style.font, style.bold, style.italic);
  if (face < 0) return;
  const uint32_t gid = ts.fonts().glyph(face, U'.');
  if (gid == 0) return;
  const double adv = ts.fonts().advance(face, gid) * style.size;
  const double pitch = std::max(adv * 1.5, 0.5 * style.size);
  GlyphRun run;
  run.font = face;
  run.size = style.size;
  run.color = style.color;
  run.y = baseline;
  run.loc = loc;
  double x = std::ceil(from / pitch) * pitch;
  run.x = x;
  for (; x + adv <= to; x += pitch) {
    const auto i = static_cast<uint32_t>(run.glyphs.size());
    run.glyphs.push_back({gid, static_cast<float>(x - run.x), 0, static_cast<float>(adv)});
    run.add_cluster(i, 1, ".");
  }
  if (!run.glyphs.empty()) items.push_back(std::move(run));
}

}  // namespace

MeasuredBlock measure_toc(const resolve::Block& b, double width, TextSetter& ts,
                          const std::vector<TocEntry>& entries,
                          const std::map<std::string, resolve::ParaStyle>& styles) {
  MeasuredBlock m;
  m.loc = b.loc;
  const int toc = add_node(m, "TOC", -1, b.loc);
  for (size_t k = 0; k < entries.size(); ++k) {
    const TocEntry& e = entries[k];
    const resolve::ParaStyle style = entry_style(e.level, b, styles);
    const resolve::Paragraph& title = ts.derived(&e, 0, [&] {
      resolve::Paragraph p = plain_paragraph(e.title, style, b.loc);
      p.style.edit().left_indent = 0;
      return p;
    });
    const resolve::Paragraph& number = ts.derived(&e, 1, [&] {
      return plain_paragraph(e.page.empty() ? "00" : e.page, style, b.loc);
    });
    const auto num_lines = ts.lines(number, width);
    const double num_w = num_lines.empty() ? 0 : right_edge(num_lines.front());
    const double reserve = num_w + 2 * style.size;
    const double indent = style.left_indent;
    const auto lines = ts.lines(title, std::max(1.0, width - indent - reserve));
    if (lines.empty()) continue;
    std::vector<Slice> slices;
    const double base = ts.baseline(style);
    for (size_t i = 0; i < lines.size(); ++i) {
      Slice s;
      s.height = style.leading;
      ts.draw(lines[i], b.loc, indent, base, s.items, s.links);
      slices.push_back(std::move(s));
    }
    Slice& last = slices.back();
    const double text_end = indent + right_edge(lines.back());
    if (!e.page.empty() && !num_lines.empty()) {
      leaders(text_end + 0.3 * style.size, width - num_w - 0.3 * style.size, base, style, ts, b.loc,
              last.items);
      ts.draw(num_lines.front(), b.loc, width - num_w, base, last.items, last.links);
    }
    Slice entry = merge_slices(slices);
    mark_from(entry.items, 0, add_node(m, "TOCI", toc, b.loc));
    entry.gap_before = k == 0 ? b.box->space_before : style.space_before;
    if (!e.dest.empty()) {
      Link l;
      l.w = width;
      l.h = entry.height;
      l.dest = e.dest;
      l.text = e.title;
      l.loc = b.loc;
      entry.links.push_back(std::move(l));
    }
    m.slices.push_back(std::move(entry));
  }
  m.space_after = b.box->space_after;
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
