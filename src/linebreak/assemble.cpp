#include "detail/assemble.h"

#include <algorithm>
#include <cmath>

namespace galley::linebreak {
namespace {

// A glyph on its way into a line, still in logical order.
struct Piece {
  uint32_t gid;
  double advance, x_offset, y_offset;
  uint32_t cluster;
  bool inserted;  // a hyphen added at the break
};

// Glyphs of one shaped run on one line, before visual reordering.
struct Segment {
  int run;
  std::vector<Piece> glyphs;
  uint32_t text_end = 0;  // where the segment's last cluster's text ends
};

// The first byte after glyph `g`'s cluster: the next cluster of its run, or
// the run's end.
uint32_t cluster_end(const text::ShapedRun& run, uint32_t g) {
  for (size_t k = g + 1; k < run.glyphs.size(); ++k)
    if (run.glyphs[k].cluster != run.glyphs[g].cluster) return run.glyphs[k].cluster;
  return run.text_end;
}

// The line's segments are the first `used` of `segs`, which keeps the
// glyph vectors of earlier lines for their capacity.
Segment& segment_for(std::vector<Segment>& segs, size_t& used, int run) {
  if (used == 0 || segs[used - 1].run != run) {
    if (used == segs.size()) segs.emplace_back();
    Segment& s = segs[used++];
    s.run = run;
    s.glyphs.clear();
    s.text_end = 0;
  }
  return segs[used - 1];
}

// What make_run() fills and empties for each segment, kept across a
// paragraph's lines so they allocate once.
struct RunScratch {
  std::vector<text::Cluster> clusters;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
};

// Glyph positions and clusters of one segment, in visual order.
LineRun make_run(const text::ShapedParagraph& para, const Segment& seg, RunScratch& scratch) {
  const text::ShapedRun& src = para.runs[static_cast<size_t>(seg.run)];
  LineRun out;
  out.face = src.face;
  out.size = src.size;
  out.style = src.style;
  out.shaped_run = seg.run;
  out.rtl = (src.bidi_level & 1) != 0;

  // Clusters in logical order first: consecutive glyphs sharing a cluster;
  // `spans` holds each one's bytes in para.text until the run's text is
  // made from them.
  std::vector<text::Cluster>& clusters = scratch.clusters;
  std::vector<std::pair<uint32_t, uint32_t>>& spans = scratch.spans;
  clusters.clear();
  spans.clear();
  const size_t n = seg.glyphs.size();
  for (size_t i = 0; i < n;) {
    const Piece& p = seg.glyphs[i];
    size_t j = i + 1;
    if (!p.inserted)
      while (j < n && !seg.glyphs[j].inserted && seg.glyphs[j].cluster == p.cluster) ++j;
    text::Cluster c;
    c.glyph_begin = static_cast<uint32_t>(i);
    c.glyph_count = static_cast<uint32_t>(j - i);
    std::pair<uint32_t, uint32_t> span{0, 0};
    if (!p.inserted) {
      uint32_t end = seg.text_end;
      for (size_t k = j; k < n; ++k)
        if (!seg.glyphs[k].inserted) {
          end = seg.glyphs[k].cluster;
          break;
        }
      if (end > p.cluster && end <= para.text.size()) span = {p.cluster, end - p.cluster};
    }
    clusters.push_back(c);
    spans.push_back(span);
    i = j;
  }
  size_t bytes = 0;
  for (const auto& s : spans) bytes += s.second;
  out.text.reserve(bytes);
  // Spans that follow one another in para.text (nearly all) are appended
  // as one piece.
  uint32_t at = 0, piece_from = 0, piece_size = 0;
  for (size_t k = 0; k < clusters.size(); ++k) {
    const auto [from, size] = spans[k];
    clusters[k].text_begin = at;
    clusters[k].text_size = size;
    at += size;
    if (size == 0) continue;
    if (piece_size > 0 && piece_from + piece_size == from) {
      piece_size += size;
      continue;
    }
    if (piece_size > 0) out.text.append(para.text, piece_from, piece_size);
    piece_from = from;
    piece_size = size;
  }
  if (piece_size > 0) out.text.append(para.text, piece_from, piece_size);

  if (out.rtl) {
    for (auto& c : clusters) c.glyph_begin = static_cast<uint32_t>(n) - c.glyph_begin - c.glyph_count;
    std::reverse(clusters.begin(), clusters.end());
  }
  double pen = 0;
  out.glyphs.reserve(n);
  const auto place = [&](const Piece& p) {
    out.glyphs.push_back({p.gid, static_cast<float>(pen + p.x_offset), static_cast<float>(-p.y_offset),
                          static_cast<float>(p.advance)});
    pen += p.advance;
  };
  if (out.rtl) {
    for (size_t i = n; i-- > 0;) place(seg.glyphs[i]);
  } else {
    for (const Piece& p : seg.glyphs) place(p);
  }
  out.width = pen;
  out.clusters.reserve(clusters.size());
  for (const text::Cluster& c : clusters) out.clusters.push_back(c);
  return out;
}

// UAX #9 rule L2: from the highest level down to the lowest odd one, reverse
// every maximal sequence of runs at that level or above.
void reorder(std::vector<LineRun>& runs, std::vector<uint8_t> levels) {
  if (runs.empty()) return;
  const uint8_t hi = *std::max_element(levels.begin(), levels.end());
  uint8_t lo_odd = 255;
  for (uint8_t l : levels)
    if (l & 1) lo_odd = std::min(lo_odd, l);
  for (int level = hi; level >= lo_odd && level > 0; --level) {
    for (size_t i = 0; i < runs.size();) {
      if (levels[i] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < runs.size() && levels[j] >= level) ++j;
      std::reverse(runs.begin() + static_cast<long>(i), runs.begin() + static_cast<long>(j));
      std::reverse(levels.begin() + static_cast<long>(i), levels.begin() + static_cast<long>(j));
      i = j;
    }
  }
}

double safe(double w) { return std::isfinite(w) ? std::max(0.0, w) : 0.0; }

}  // namespace

Margins margins(const text::ShapedParagraph& para, int line) {
  const resolve::ParaStyle& s = para.style;
  const double first = line == 0 ? s.first_indent : 0;
  if (para.base_level & 1) return {s.left_indent, s.right_indent + first};
  return {s.left_indent + first, s.right_indent};
}

std::vector<Line> assemble(const text::ShapedParagraph& para, const Itemized& itemized,
                           const std::vector<size_t>& breaks, const std::function<double(int)>& width) {
  const auto& items = itemized.items;
  const auto& sources = itemized.sources;
  const bool rtl_para = (para.base_level & 1) != 0;
  const auto align = para.style->align;
  std::vector<Line> lines;
  RunScratch scratch;
  std::vector<Segment> segs;
  size_t start = 0;
  for (size_t li = 0; li < breaks.size(); ++li) {
    const int index = static_cast<int>(li);
    const size_t b = breaks[li];
    const Margins m = margins(para, index);
    Line line;
    line.width = safe(width(index));
    const double avail = std::max(0.0, line.width - m.left - m.right);
    line.last = li + 1 == breaks.size();

    double natural = 0, stretch = 0, shrink = 0, boxes = 0, spaces = 0;
    bool fil = false;
    for (size_t i = start; i < b && i < items.size(); ++i) {
      const Item& it = items[i];
      if (it.kind == Item::Penalty) continue;
      natural += it.width;
      if (it.kind == Item::Box) boxes += it.width;
      if (it.kind == Item::Glue) {
        stretch += it.stretch;
        shrink += it.shrink;
        spaces += it.width;
        fil = fil || it.fil;
      }
    }
    const Item& brk = items[b];
    const ItemSource& bsrc = sources[b];
    const bool hyphen = brk.kind == Item::Penalty && bsrc.hyphen_gid != 0;
    if (hyphen) {
      natural += brk.width;
      boxes += brk.width;
    }
    // Protruding glyphs hang past the measure: the line is that much longer.
    const double hang_left = start < items.size() && items[start].kind == Item::Box ? items[start].hang_start : 0;
    const double shortfall = avail + line_hang(items, start, b) - natural;

    // The adjustment: stretch only when justifying a line not ended by
    // \parfillskip or a hard break; shrink whenever the line is too long.
    // Font expansion takes its share in proportion to its stretch (or
    // shrink), up to its limit, the glue the rest (pdfTeX's model).
    const double font = itemized.expansion * boxes;
    double ratio = 0, scale = 1;
    const bool justify = !fil && !itemized.ragged && align == model::Align::Justify;
    if (shortfall > 0 && justify && stretch + font > 0) {
      const double r = shortfall / (stretch + font);
      const double font_r = std::min(r, 1.0);
      scale = 1 + itemized.expansion * font_r;
      ratio = stretch > 0 ? (shortfall - font * font_r) / stretch : 0;
    } else if (shortfall < 0 && shrink + font > 0) {
      const double r = shortfall / (shrink + font);
      scale = 1 + itemized.expansion * std::max(r, -1.0);
      ratio = r;
    }
    const double set_ratio = std::max(ratio, -1.0);
    line.ratio = ratio;
    line.scale = scale;
    line.natural = natural;
    line.overfull_by = std::max(0.0, -shortfall - shrink - font);
    line.overfull = line.overfull_by > 0.01;
    line.justified = !fil && !itemized.ragged;
    line.hyphenated = hyphen;
    if (line.justified && spaces > 0)
      line.gap = (spaces + set_ratio * (set_ratio > 0 ? stretch : shrink)) / spaces;

    size_t used = 0;
    for (size_t i = start; i < b && i < items.size(); ++i) {
      const Item& it = items[i];
      const ItemSource& src = sources[i];
      if (src.run < 0 || it.kind == Item::Penalty) continue;
      const auto& run = para.runs[static_cast<size_t>(src.run)];
      Segment& seg = segment_for(segs, used, src.run);
      const uint32_t end = std::min(src.glyph_end, static_cast<uint32_t>(run.glyphs.size()));
      for (uint32_t g = src.glyph_begin; g < end; ++g) {
        const auto& sg = run.glyphs[g];
        double adv = sg.advance, dx = sg.x_offset;
        if (it.kind == Item::Glue) {
          adv += set_ratio * (set_ratio > 0 ? it.stretch : it.shrink);
        } else {
          adv *= scale;
          dx *= scale;
        }
        seg.glyphs.push_back({sg.gid, adv, dx, sg.y_offset, sg.cluster, false});
      }
      // Once per item: cluster_end scans the rest of a cluster, which per
      // glyph would be quadratic in a long cluster (a run of combining marks).
      if (end > src.glyph_begin) seg.text_end = cluster_end(run, end - 1);
    }
    if (hyphen && used > 0)
      segs[used - 1].glyphs.push_back({bsrc.hyphen_gid, brk.width * scale, 0, 0, segs[used - 1].text_end, true});

    std::vector<uint8_t> levels;
    for (size_t k = 0; k < used; ++k) {
      const Segment& seg = segs[k];
      line.runs.push_back(make_run(para, seg, scratch));
      line.runs.back().scale = scale;
      const auto& run = para.runs[static_cast<size_t>(seg.run)];
      levels.push_back(run.bidi_level);
      line.ascent = std::max(line.ascent, run.ascent);
      line.descent = std::max(line.descent, run.descent);
    }
    reorder(line.runs, levels);
    if (line.runs.empty()) {
      const double size = para.runs.empty() ? para.style->size : para.runs.front().size;
      line.ascent = para.runs.empty() ? 0.8 * size : para.runs.front().ascent;
      line.descent = para.runs.empty() ? 0.2 * size : para.runs.front().descent;
    }

    double content = 0;
    for (const LineRun& r : line.runs) content += r.width;
    // Ragged lines sit on the paragraph's start side (right for RTL); left
    // and right mean start and end in RTL paragraphs. Overfull lines stick
    // out at the end side.
    const double slack = avail + line_hang(items, start, b) - content;
    double x = m.left - hang_left;
    const bool to_right = [&] {
      if (slack < 0) return rtl_para;
      switch (align) {
        case model::Align::Right: return !rtl_para;
        case model::Align::Center: return false;
        default: return rtl_para;
      }
    }();
    if (to_right) x += slack;
    else if (align == model::Align::Center && slack > 0) x += slack / 2;
    for (LineRun& r : line.runs) {
      r.x = x;
      x += r.width;
    }
    lines.push_back(std::move(line));
    start = line_start_after(items, b);
  }
  return lines;
}

}  // namespace galley::linebreak
