// Tables: column widths (fixed, shares, or automatic from the cells'
// narrowest and natural widths), cells aligned on the decimal sign, words
// too wide for a cell set smaller or broken inside it, one slice per row so
// tables split between rows, the header row repeated at the top of every
// continuation, rules and zebra rows.
//
// Styling: cell padding is the table style's `padding` (3 pt when 0); rules
// are its `border` colour and `border-width`; its `background` fills every
// second body row (zebra); a cell style's own `background` wins.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "detail/table_block.h"
#include "detail/paragraph_block.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {

// A word too wide for its cell is set smaller, down to this share of its
// size; past that it is also broken between letters.
constexpr double kMinShrink = 0.75;
// Tags of the paragraphs derived from a cell (TextSetter::derived).
constexpr int kTailTag = 0;       // a decimal cell's part from the sign on
constexpr int kBrokenTag = 1;     // set at kMinShrink, breakable anywhere
constexpr int kShrunkTag = 1000;  // + the scale in thousandths

struct Geometry {
  std::vector<double> widths;
  std::vector<double> tails;  // a decimal column's widest part from the sign on; else 0
  double padding = 3, rule = 0;
};

// The cells a table draws that stuck out of their columns.
struct Overflow {
  std::string first;  // names the first
  SourceLoc loc;
  int cells = 0;
};

double tail_width(const resolve::TableCell& cell, TextSetter& ts) {
  if (!cell.decimal_at || cell.para.runs.empty()) return 0;
  const std::string& text = cell.para.runs[0].text;
  if (*cell.decimal_at >= text.size()) return 0;
  const resolve::Paragraph& tail = ts.derived(&cell, kTailTag, [&] {
    return plain_paragraph(text.substr(*cell.decimal_at), cell.para.style, cell.para.loc);
  });
  return ts.natural_width(tail);
}

// Each column's narrowest (its widest word) and widest (every cell on one
// line) content, padding included, as HTML's automatic table layout
// measures them; a decimal column's widest lines its cells up on the sign.
void content_widths(const resolve::Block& b, size_t ncols, double pad, TextSetter& ts, std::vector<double>& lo,
                    std::vector<double>& hi, std::vector<double>& tails) {
  lo.assign(ncols, 0);
  hi.assign(ncols, 0);
  tails.assign(ncols, 0);
  std::vector<double> heads(ncols, 0);
  auto visit = [&](const std::vector<resolve::TableCell>& row) {
    for (size_t c = 0; c < row.size() && c < ncols; ++c) {
      const double natural = ts.natural_width(row[c].para);
      lo[c] = std::max(lo[c], ts.widest_word(row[c].para) + 2 * pad);
      hi[c] = std::max(hi[c], natural + 2 * pad);
      if (!row[c].decimal_at) continue;
      const double tail = tail_width(row[c], ts);
      tails[c] = std::max(tails[c], tail);
      heads[c] = std::max(heads[c], natural - tail);
    }
  };
  visit(b.figure->header);
  for (const auto& row : b.figure->rows) visit(row);
  for (size_t c = 0; c < ncols; ++c)
    if (tails[c] > 0 || heads[c] > 0) {
      hi[c] = std::max(hi[c], heads[c] + tails[c] + 2 * pad);
      lo[c] = std::max(lo[c], std::min(hi[c], heads[c] + tails[c] + 2 * pad));
    }
}

// Shares `room` among columns by content: all on one line when that fits
// (`fill`: spare room shared by natural width), else between their
// narrowest and widest in proportion, else their narrowest scaled down.
std::vector<double> share_by_content(const std::vector<double>& lo, const std::vector<double>& hi, double room,
                                     bool fill) {
  const double sum_lo = std::accumulate(lo.begin(), lo.end(), 0.0);
  const double sum_hi = std::accumulate(hi.begin(), hi.end(), 0.0);
  const size_t n = lo.size();
  std::vector<double> w(n);
  if (n == 0) return w;
  if (sum_hi <= room && sum_hi > 0) {
    for (size_t c = 0; c < n; ++c) w[c] = fill ? hi[c] * room / sum_hi : hi[c];
  } else if (sum_lo >= room || sum_hi <= sum_lo) {
    for (size_t c = 0; c < n; ++c) w[c] = sum_lo > 0 ? lo[c] * room / sum_lo : room / static_cast<double>(n);
  } else {
    const double t = (room - sum_lo) / (sum_hi - sum_lo);
    for (size_t c = 0; c < n; ++c) w[c] = lo[c] + (hi[c] - lo[c]) * t;
  }
  return w;
}

// Column widths from `widths:`: lengths and percentages first, then
// automatic columns by content, then shares (2fr) split what is left (each
// at least its narrowest content). Widths adding up to more than the
// frame are scaled down; fixed widths alone may leave the table narrower.
std::vector<double> column_widths(const resolve::Block& b, size_t ncols, double width, double pad, TextSetter& ts,
                                  std::vector<double>& tails) {
  using Kind = model::ColumnWidth::Kind;
  std::vector<model::ColumnWidth> spec = b.figure->column_widths;
  if (spec.size() != ncols) spec.assign(ncols, {});
  std::vector<double> lo, hi;
  content_widths(b, ncols, pad, ts, lo, hi, tails);
  std::vector<double> w(ncols, 0);
  double fixed = 0, shares = 0, share_lo = 0;
  std::vector<double> auto_lo, auto_hi;
  for (size_t c = 0; c < ncols; ++c) {
    if (spec[c].kind == Kind::Fixed) fixed += w[c] = spec[c].length.resolve(width);
    if (spec[c].kind == Kind::Share) shares += spec[c].share, share_lo += lo[c];
    if (spec[c].kind == Kind::Auto) auto_lo.push_back(lo[c]), auto_hi.push_back(hi[c]);
  }
  const double room = std::max(0.0, width - fixed);
  if (!auto_lo.empty()) {
    const auto a = share_by_content(auto_lo, auto_hi, std::max(0.0, room - share_lo), shares == 0);
    for (size_t c = 0, k = 0; c < ncols; ++c)
      if (spec[c].kind == Kind::Auto) w[c] = a[k++];
  }
  if (shares > 0) {
    double left = room;
    for (size_t c = 0; c < ncols; ++c)
      if (spec[c].kind == Kind::Auto) left -= w[c];
    // A share smaller than its column's narrowest content takes that
    // instead, and the others split the rest; each round settles one more.
    std::vector<bool> settled(ncols, false);
    for (bool again = true; again;) {
      again = false;
      double open = 0, room_left = left;
      for (size_t c = 0; c < ncols; ++c) {
        if (spec[c].kind != Kind::Share) continue;
        if (settled[c]) room_left -= w[c];
        else open += spec[c].share;
      }
      for (size_t c = 0; c < ncols; ++c) {
        if (spec[c].kind != Kind::Share || settled[c]) continue;
        w[c] = std::max(0.0, room_left) * spec[c].share / open;
        if (w[c] < lo[c]) {
          w[c] = lo[c];
          settled[c] = again = true;
        }
      }
    }
  }
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  if (sum > width && sum > 0)
    for (double& x : w) x *= width / sum;
  return w;
}

resolve::Paragraph scaled(const resolve::Paragraph& para, double f) {
  resolve::Paragraph p = para;
  p.style.edit().size *= f;
  p.style.edit().leading *= f;
  for (auto& r : p.runs) r.style.edit().size *= f;
  return p;
}

// The paragraph a cell draws at `width`: its own, or, when a word would
// stick out, a smaller one, or one broken inside the word (noted in
// `overflow`); never text over the next cell.
const resolve::Paragraph& fitted(const resolve::TableCell& cell, double width, TextSetter& ts,
                                 const std::string& name, Overflow& overflow) {
  const resolve::Paragraph& para = cell.para;
  const double widest = ts.widest_word(para);
  if (widest <= width || ts.fits(para, width)) return para;
  if (overflow.cells++ == 0) {
    overflow.first = name;
    overflow.loc = para.loc;
  }
  const double f = std::floor(width / widest * 1000) / 1000;
  if (f >= kMinShrink) {
    const resolve::Paragraph& smaller =
        ts.derived(&cell, kShrunkTag + static_cast<int>(f * 1000), [&] { return scaled(para, f); });
    if (ts.fits(smaller, width)) return smaller;
  }
  return ts.derived(&cell, kBrokenTag, [&] {
    resolve::Paragraph p = scaled(para, kMinShrink);
    p.style.edit().break_anywhere = true;
    return p;
  });
}

// A row's structure: a TR in `group` (THead or TBody) with a TH or TD per
// column; returns the cells' nodes.
std::vector<int> row_nodes(MeasuredBlock& m, int group, bool head, const resolve::Block& b,
                           size_t ncols, const std::vector<resolve::TableCell>& row) {
  const int tr = add_node(m, "TR", group, b.loc);
  std::vector<int> cells;
  for (size_t c = 0; c < ncols; ++c) {
    const bool th = head || (c == 0 && b.figure->row_headers);
    cells.push_back(add_node(m, th ? "TH" : "TD", tr, c < row.size() ? row[c].para.loc : b.loc));
    StructElement& e = m.structure.back();
    if (th) e.scope = head ? "Column" : "Row";
    if (c < row.size()) e.lang = row[c].para.style->language;
  }
  return cells;
}

Slice row_slice(const std::vector<resolve::TableCell>& row, const Geometry& g,
                const std::optional<Color>& zebra, const resolve::Block& b, TextSetter& ts,
                const std::vector<int>& nodes, const std::string& row_name, Overflow& overflow) {
  Slice s;
  std::vector<Item> text;
  double height = 0;
  double x = 0;
  for (size_t c = 0; c < g.widths.size(); ++c) {
    if (c < nodes.size()) text.push_back(Mark{nodes[c]});
    if (c < row.size()) {
      // A decimal cell ends where its sign lines up with the column's.
      const double inset = row[c].decimal_at ? g.tails[c] - tail_width(row[c], ts) : 0;
      const double measure = std::max(1.0, g.widths[c] - 2 * g.padding - inset);
      const std::string name = row_name + ", column " + std::to_string(c + 1);
      const double h = draw_paragraph(fitted(row[c], measure, ts, name, overflow), measure, x + g.padding,
                                      g.padding, ts, text, s.links);
      height = std::max(height, h);
    }
    x += g.widths[c];
  }
  height += 2 * g.padding;
  const double total = x;
  x = 0;
  for (size_t c = 0; c < g.widths.size(); ++c) {
    std::optional<Color> fill = c < row.size() ? row[c].para.style->background : std::nullopt;
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
  s.notes = ts.take_notes();
  return s;
}

}  // namespace

MeasuredBlock measure_table(const resolve::Block& b, double width, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  size_t ncols = b.figure->header.size();
  for (const auto& row : b.figure->rows) ncols = std::max(ncols, row.size());
  if (ncols == 0) return m;
  Geometry g;
  g.padding = b.box->padding > 0 ? b.box->padding : 3;
  g.rule = b.box->border ? (b.box->border_width > 0 ? b.box->border_width : 0.5) : 0;
  g.widths = column_widths(b, ncols, width, g.padding, ts, g.tails);
  Overflow overflow;
  const int table = add_node(m, "Table", -1, b.loc);
  if (!b.figure->header.empty()) {
    const int group = add_node(m, "THead", table, b.loc);
    Slice head = row_slice(b.figure->header, g, std::nullopt, b, ts, row_nodes(m, group, true, b, ncols, b.figure->header),
                           "the header", overflow);
    head.break_after = false;  // never a header alone at a column foot
    if (b.figure->header_repeat) m.repeat_head.push_back(head);
    m.slices.push_back(std::move(head));
  }
  const int body = b.figure->rows.empty() ? -1 : add_node(m, "TBody", table, b.loc);
  for (size_t r = 0; r < b.figure->rows.size(); ++r) {
    std::optional<Color> zebra = r % 2 == 1 ? b.box->background : std::nullopt;
    m.slices.push_back(row_slice(b.figure->rows[r], g, zebra, b, ts, row_nodes(m, body, false, b, ncols, b.figure->rows[r]),
                                 "row " + std::to_string(r + 1), overflow));
  }
  if (overflow.cells > 0)
    ts.diags().warning(overflow.loc, "a word in " + overflow.first + " of this table is wider than its column; set smaller" +
                                         (overflow.cells > 1 ? " (and in " + std::to_string(overflow.cells - 1) +
                                                                   " more cells)"
                                                             : ""));
  if (!m.slices.empty()) m.slices.front().gap_before = b.box->space_before;
  m.space_after = b.box->space_after;
  m.keep_with_next = b.keep_with_next;
  add_block_anchor(b, m);
  return m;
}

}  // namespace galley::layout
