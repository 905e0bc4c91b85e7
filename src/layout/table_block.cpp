// Tables: column widths (fixed, or automatic from the cells' narrowest and
// natural widths), one slice per row so tables split between rows, the
// header row repeated at the top of every continuation, rules and zebra rows.
//
// Styling: cell padding is the table style's `padding` (3 pt when 0); rules
// are its `border` colour and `border-width`; its `background` fills every
// second body row (zebra); a cell style's own `background` wins.
#include <algorithm>
#include <numeric>

#include "detail/blocks.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {

struct Geometry {
  std::vector<double> widths;
  double padding = 3, rule = 0;
};

std::vector<double> auto_widths(const resolve::Block& b, size_t ncols, double width, double pad,
                                TextSetter& ts) {
  std::vector<double> lo(ncols, 0), hi(ncols, 0);
  auto visit = [&](const std::vector<resolve::TableCell>& row) {
    for (size_t c = 0; c < row.size() && c < ncols; ++c) {
      lo[c] = std::max(lo[c], ts.widest_word(row[c].para) + 2 * pad);
      hi[c] = std::max(hi[c], ts.natural_width(row[c].para) + 2 * pad);
    }
  };
  visit(b.header);
  for (const auto& row : b.rows) visit(row);
  const double sum_lo = std::accumulate(lo.begin(), lo.end(), 0.0);
  const double sum_hi = std::accumulate(hi.begin(), hi.end(), 0.0);
  std::vector<double> w(ncols);
  if (sum_hi <= width && sum_hi > 0) {
    // Everything fits on one line: share the spare room by natural width.
    for (size_t c = 0; c < ncols; ++c) w[c] = hi[c] * width / sum_hi;
  } else if (sum_lo >= width || sum_hi <= sum_lo) {
    for (size_t c = 0; c < ncols; ++c) w[c] = sum_lo > 0 ? lo[c] * width / sum_lo : width / ncols;
  } else {
    const double t = (width - sum_lo) / (sum_hi - sum_lo);
    for (size_t c = 0; c < ncols; ++c) w[c] = lo[c] + (hi[c] - lo[c]) * t;
  }
  return w;
}

// A row's structure: a TR in `group` (THead or TBody) with a TH or TD per
// column; returns the cells' nodes.
std::vector<int> row_nodes(MeasuredBlock& m, int group, bool head, const resolve::Block& b,
                           size_t ncols, const std::vector<resolve::TableCell>& row) {
  const int tr = add_node(m, "TR", group, b.loc);
  std::vector<int> cells;
  for (size_t c = 0; c < ncols; ++c) {
    const bool th = head || (c == 0 && b.row_headers);
    cells.push_back(add_node(m, th ? "TH" : "TD", tr, c < row.size() ? row[c].para.loc : b.loc));
    StructElement& e = m.structure.back();
    if (th) e.scope = head ? "Column" : "Row";
    if (c < row.size()) e.lang = row[c].para.style.language;
  }
  return cells;
}

Slice row_slice(const std::vector<resolve::TableCell>& row, const Geometry& g,
                const std::optional<Color>& zebra, const resolve::Block& b, TextSetter& ts,
                const std::vector<int>& nodes) {
  Slice s;
  std::vector<Item> text;
  double height = 0;
  double x = 0;
  for (size_t c = 0; c < g.widths.size(); ++c) {
    if (c < nodes.size()) text.push_back(Mark{nodes[c]});
    if (c < row.size()) {
      const double h = draw_paragraph(row[c].para, std::max(1.0, g.widths[c] - 2 * g.padding),
                                      x + g.padding, g.padding, ts, text, s.links);
      height = std::max(height, h);
    }
    x += g.widths[c];
  }
  height += 2 * g.padding;
  const double total = x;
  x = 0;
  for (size_t c = 0; c < g.widths.size(); ++c) {
    std::optional<Color> fill = c < row.size() ? row[c].para.style.background : std::nullopt;
    if (!fill) fill = zebra;
    if (fill) {
      Rect r;
      r.x = x;
      r.w = g.widths[c];
      r.h = height;
      r.fill = fill;
      r.loc = b.loc;
      s.items.push_back(r);
    }
    x += g.widths[c];
  }
  for (Item& it : text) s.items.push_back(std::move(it));
  if (g.rule > 0 && b.box->border) {
    s.items.push_back(Mark{});
    auto rule = [&](double rx, double ry, double rw, double rh) {
      Rect r;
      r.x = rx, r.y = ry, r.w = rw, r.h = rh;
      r.fill = b.box->border;
      r.loc = b.loc;
      s.items.push_back(r);
    };
    const double half = g.rule / 2;
    rule(0, -half, total, g.rule);
    rule(0, height - half, total, g.rule);
    x = 0;
    for (size_t c = 0; c <= g.widths.size(); ++c) {
      rule(x - half, 0, g.rule, height);
      if (c < g.widths.size()) x += g.widths[c];
    }
  }
  s.height = height;
  return s;
}

}  // namespace

MeasuredBlock measure_table(const resolve::Block& b, double width, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  size_t ncols = b.header.size();
  for (const auto& row : b.rows) ncols = std::max(ncols, row.size());
  if (ncols == 0) return m;
  Geometry g;
  g.padding = b.box->padding > 0 ? b.box->padding : 3;
  g.rule = b.box->border ? (b.box->border_width > 0 ? b.box->border_width : 0.5) : 0;
  if (b.column_widths.size() == ncols) {
    for (const auto& len : b.column_widths) g.widths.push_back(len.resolve(width));
    // Fixed widths that add up to more than the column are scaled down.
    const double sum = std::accumulate(g.widths.begin(), g.widths.end(), 0.0);
    if (sum > width && sum > 0)
      for (double& w : g.widths) w *= width / sum;
  } else {
    g.widths = auto_widths(b, ncols, width, g.padding, ts);
  }
  const int table = add_node(m, "Table", -1, b.loc);
  if (!b.header.empty()) {
    const int group = add_node(m, "THead", table, b.loc);
    Slice head = row_slice(b.header, g, std::nullopt, b, ts, row_nodes(m, group, true, b, ncols, b.header));
    head.break_after = false;  // never a header alone at a column foot
    if (b.header_repeat) m.repeat_head.push_back(head);
    m.slices.push_back(std::move(head));
  }
  const int body = b.rows.empty() ? -1 : add_node(m, "TBody", table, b.loc);
  for (size_t r = 0; r < b.rows.size(); ++r) {
    std::optional<Color> zebra = r % 2 == 1 ? b.box->background : std::nullopt;
    m.slices.push_back(row_slice(b.rows[r], g, zebra, b, ts, row_nodes(m, body, false, b, ncols, b.rows[r])));
  }
  if (!m.slices.empty()) m.slices.front().gap_before = b.box->space_before;
  m.space_after = b.box->space_after;
  m.keep_with_next = b.keep_with_next;
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
