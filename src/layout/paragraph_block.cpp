// title, heading, paragraph, quote and callout: blocks made of paragraphs.
#include <algorithm>

#include "detail/paragraph_block.h"
#include "detail/structure.h"

namespace galley::layout {

void append_lines(const resolve::Paragraph& para, double width, double x, double gap,
                  int min_first, TextSetter& ts, std::vector<Slice>& out) {
  auto lines = ts.lines(para, width);
  const int n = static_cast<int>(lines.size());
  const int orphans = std::max({para.style->orphans, min_first, 1});
  const int widows = std::max(para.style->widows, 1);
  const double base = ts.baseline(para.style);
  for (int i = 0; i < n; ++i) {
    Slice s;
    s.height = para.style->leading;
    s.gap_before = i == 0 ? gap : 0;
    s.break_after = i + 1 >= orphans && n - (i + 1) >= widows;
    ts.draw(std::move(lines[i]), para.loc, x, base, s.items, s.links);
    s.notes = ts.take_notes();
    out.push_back(std::move(s));
  }
}

Slice merge_slices(const std::vector<Slice>& slices) {
  Slice m;
  m.break_after = true;
  double y = 0;
  for (size_t i = 0; i < slices.size(); ++i) {
    const Slice& s = slices[i];
    if (i > 0) y += s.gap_before;
    for (Item it : s.items) {
      translate(it, 0, y);
      m.items.push_back(std::move(it));
    }
    for (Link l : s.links) {
      l.y += y;
      m.links.push_back(std::move(l));
    }
    for (Anchor a : s.anchors) {
      a.dy += y;
      m.anchors.push_back(std::move(a));
    }
    m.notes.insert(m.notes.end(), s.notes.begin(), s.notes.end());
    y += s.height;
  }
  m.height = y;
  if (!slices.empty()) m.gap_before = slices.front().gap_before;
  return m;
}

double draw_paragraph(const resolve::Paragraph& para, double width, double x, double y,
                      TextSetter& ts, std::vector<Item>& items, std::vector<Link>& links) {
  std::vector<Slice> slices;
  append_lines(para, width, x, 0, 1, ts, slices);
  Slice m = merge_slices(slices);
  ts.give_back(m.notes);
  for (Item& it : m.items) {
    translate(it, 0, y);
    items.push_back(std::move(it));
  }
  for (Link& l : m.links) {
    l.y += y;
    links.push_back(std::move(l));
  }
  return m.height;
}

void add_block_anchor(const resolve::Block& b, MeasuredBlock& m) {
  if (m.slices.empty() || b.id.empty()) return;
  Anchor a;
  a.dest = b.id;
  if (b.kind == model::BlockKind::Heading && !b.paras.empty()) {
    a.outline_title = b.paras.front().plain_text();
    // A bookmark is a label: a PDF string (UTF-16 in the outline) holds at
    // most 65,535 bytes, and no reader shows a tenth of that.
    constexpr size_t kMaxOutlineBytes = 1000;
    if (a.outline_title.size() > kMaxOutlineBytes) {
      size_t cut = kMaxOutlineBytes;
      while (cut > 0 && (static_cast<unsigned char>(a.outline_title[cut]) & 0xC0) == 0x80) --cut;
      a.outline_title.resize(cut);
      a.outline_title += "…";
    }
    a.level = b.level;
  }
  m.slices.front().anchors.push_back(std::move(a));
}

namespace {

// The structure node of a block made of paragraphs, and the node of each
// paragraph: the block's own for a title, heading or paragraph; a P inside
// it for a quote or a callout.
std::string block_role(const resolve::Block& b) {
  using K = model::BlockKind;
  switch (b.kind) {
    case K::Title: return "H1";
    case K::Heading: return heading_role(b.level);
    case K::Quote: return "BlockQuote";
    case K::Callout: return "Div";
    default: return "P";
  }
}

int para_node(const resolve::Block& b, const resolve::Paragraph& p, MeasuredBlock& m) {
  using K = model::BlockKind;
  if (m.structure.empty()) add_node(m, block_role(b), -1, b.loc);
  int node = 0;
  if (b.kind == K::Quote || b.kind == K::Callout) node = add_node(m, "P", 0, p.loc);
  if (m.structure[static_cast<size_t>(node)].lang.empty()) m.structure[static_cast<size_t>(node)].lang = p.style->language;
  return node;
}

// A box (background, border, padding) around unbreakable content.
MeasuredBlock boxed(const resolve::Block& b, double width, TextSetter& ts) {
  MeasuredBlock m;
  const resolve::ParaStyle& box = *b.box;
  const double bw = box.border ? std::max(box.border_width, 0.5) : 0;
  const double inset = box.padding + bw;
  std::vector<Slice> inner;
  for (size_t i = 0; i < b.paras.size(); ++i) {
    const auto& p = b.paras[i];
    const size_t first = inner.size();
    append_lines(p, std::max(1.0, width - 2 * inset), inset, i == 0 ? 0 : p.style->space_before, 1,
                 ts, inner);
    mark_slices(inner, first, para_node(b, p, m));
  }
  Slice content = merge_slices(inner);
  Slice s;
  s.height = content.height + 2 * inset;
  s.gap_before = box.space_before;
  if (box.background || box.border) {
    Rect r;
    r.w = width;
    r.h = s.height;
    r.fill = box.background;
    r.stroke = box.border;
    r.stroke_width = bw;
    r.radius = box.radius;
    r.loc = b.loc;
    // A stroke is centred on the path: inset it so it stays inside the box.
    if (bw > 0) r.x += bw / 2, r.y += bw / 2, r.w -= bw, r.h -= bw;
    s.items.push_back(r);
  }
  for (Item& it : content.items) {
    translate(it, 0, inset);
    s.items.push_back(std::move(it));
  }
  for (Link& l : content.links) {
    l.y += inset;
    s.links.push_back(std::move(l));
  }
  s.notes = std::move(content.notes);
  m.slices.push_back(std::move(s));
  m.space_after = box.space_after;
  m.keep_with_next = b.keep_with_next || box.keep_with_next;
  m.loc = b.loc;
  return m;
}

}  // namespace

MeasuredBlock measure_text_block(const resolve::Block& b, double width, TextSetter& ts) {
  if (b.kind == model::BlockKind::Callout) {
    MeasuredBlock m = boxed(b, width, ts);
    add_block_anchor(b, m);
    return m;
  }
  MeasuredBlock m;
  m.loc = b.loc;
  for (size_t i = 0; i < b.paras.size(); ++i) {
    const auto& p = b.paras[i];
    const size_t first = m.slices.size();
    append_lines(p, width, 0, p.style->space_before + (i > 0 ? b.paras[i - 1].style->space_after : 0),
                 1, ts, m.slices);
    mark_slices(m.slices, first, para_node(b, p, m));
    // A quote's attribution never starts a column on its own.
    if (i > 0 && first > 0) m.slices[first - 1].break_after = false;
  }
  if (!b.paras.empty()) {
    m.space_after = b.paras.back().style->space_after;
    m.keep_with_next = b.keep_with_next || b.paras.front().style->keep_with_next;
  }
  // A quote with a border colour gets a rule down its left side.
  if (b.kind == model::BlockKind::Quote && b.box->border) {
    const double bw = std::max(b.box->border_width, 1.0);
    for (Slice& s : m.slices) {
      Rect r;
      r.w = bw;
      r.h = s.height;
      r.fill = b.box->border;
      r.loc = b.loc;
      s.items.insert(s.items.begin(), r);
    }
  }
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
