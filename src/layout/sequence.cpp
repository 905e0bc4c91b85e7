// The page sequence: fixed masters and `repeat: until-empty` masters, each
// page's frames filled from their flows in frame order.
#include <algorithm>
#include <deque>
#include <set>
#include <utility>
#include <vector>

#include "detail/frame_fill.h"
#include "detail/sequence.h"
#include "detail/structure.h"

namespace galley::layout {

namespace {

// Pages per document: a few lines of layout (`repeat: 10000` twenty times)
// or a runaway until-empty must not cost what a million pages cost.
constexpr int kMaxPages = 10000;

FrameBox frame_box(const model::Frame& f, const model::PageSetup& page) {
  FrameBox b;
  b.x = f.x.resolve(page.width);
  b.y = f.y.resolve(page.height);
  b.w = f.width.resolve(page.width);
  b.h = f.height.resolve(page.height);
  b.columns = std::max(1, f.columns);
  b.gutter = f.gutter;
  b.padding = f.padding;
  b.valign = f.valign;
  b.balance = f.balance;
  return b;
}

// Footnotes set at the foot of one column, drawn once the page's frames
// are filled so that they follow its body text in reading order.
struct Foot {
  double x = 0, y = 0, width = 0;  // the column
  size_t flow = 0;
  double rule_y = 0;
  std::vector<PlacedNoteLine> lines;
};

void place_foot(const Foot& f, const model::Footnotes& style, Page& page) {
  if (style.rule_weight > 0) {
    Rect rule;
    rule.x = f.x;
    rule.y = f.y + f.rule_y + style.space;
    rule.w = std::min(f.width, style.rule_width.resolve(f.width));
    rule.h = style.rule_weight;
    rule.fill = style.rule_color;
    rule.loc = style.loc;
    page.items.push_back(Mark{});
    page.items.push_back(rule);
  }
  for (const PlacedNoteLine& l : f.lines) {
    const Slice& s = l.note->lines[l.line];
    const size_t item = page.items.size(), link = page.links.size();
    for (Item it : s.items) {
      translate(it, f.x, f.y + l.y);
      page.items.push_back(std::move(it));
    }
    for (Link k : s.links) {
      k.x += f.x;
      k.y += f.y + l.y;
      page.links.push_back(std::move(k));
    }
    place_marks(page.items, page.links, item, link, f.flow, l.note->block, false);
  }
}

// What a pass keeps beside its pages.
struct Keeps {
  bool for_next_pass = true;  // the pages of destinations and footnote references
  bool structure = true;      // the nodes of the blocks placed (a tagged document)
};

// `head`: the slice is a repeated table header, an artifact.
void place_slice(const Slice& s, double x, double y, int page_index, Page& page, PassResult& r,
                 size_t flow, size_t block, const MeasuredBlock& mb, bool head, const Keeps& keeps) {
  const size_t first_item = page.items.size(), first_link = page.links.size();
  for (Item it : s.items) {
    translate(it, x, y);
    page.items.push_back(std::move(it));
  }
  for (Link l : s.links) {
    l.x += x;
    l.y += y;
    page.links.push_back(std::move(l));
  }
  place_marks(page.items, page.links, first_item, first_link, flow, block, head);
  if (!head && keeps.structure) r.structure.place(flow, block, mb.structure);
  for (const Anchor& a : s.anchors) {
    if (!a.dest.empty()) {
      page.destinations.push_back({a.dest, y + a.dy});
      if (keeps.for_next_pass) {
        r.dest_pages.emplace(a.dest, page_index);
        r.dest_order.emplace(a.dest, r.dest_order.size());
      }
    }
    if (!a.outline_title.empty()) r.outline.push_back({a.outline_title, a.level, page_index, y + a.dy});
  }
}

}  // namespace

void set_boxes(const model::PageSetup& setup, Page& page) {
  const double b = setup.bleed;
  page.trim = {0, 0, setup.width, setup.height};
  page.bleed = {-b, -b, setup.width + 2 * b, setup.height + 2 * b};
  const double s = setup.crop_marks || setup.registration_marks ? setup.slug : 0;
  page.media = {-b - s, -b - s, setup.width + 2 * (b + s), setup.height + 2 * (b + s)};
}

bool has_content(const resolve::Flow& flow, Cursor from) {
  if (!from.carry.empty()) return true;
  for (size_t i = from.block; i < flow.blocks.size(); ++i)
    if (flow.blocks[i].kind != model::BlockKind::Break) return true;
  return false;
}

namespace {

// The pages of one pass, from the flows `measures` read.
PassResult paginate(std::deque<FlowMeasure>& measures, const model::Layout& layout, Diagnostics& diags,
                    const PageDone& done = {}) {
  PassResult r;
  // The last pass hands each page on as it is complete.
  const bool last = static_cast<bool>(done);
  const Keeps keeps{!last, layout.output.tagged};
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < measures.size(); ++i) index.emplace(measures[i].flow().name, i);
  r.cursors.assign(measures.size(), {});
  // Per flow, the last answer to "the next spanning block from `from`":
  // none lies in [from, at). The cursors only move on, so each flow's
  // blocks are walked about once a pass.
  struct NextSpan {
    size_t from = 1, at = 0;  // none yet
  };
  std::vector<NextSpan> next_span(measures.size());
  r.placed_somewhere.assign(measures.size(), false);

  auto flow_of = [&](const model::Frame& f) -> std::optional<size_t> {
    auto it = index.find(f.flow);
    if (it == index.end()) return std::nullopt;
    return it->second;
  };

  auto add_page = [&](const model::Master& m) {
    const int page_index = static_cast<int>(r.page_count);
    Page page;
    set_boxes(layout.page, page);
    page.master = m.name;
    page.label = std::to_string(page_index + 1);
    std::set<size_t> done_on_page;  // flows that met a page break
    std::vector<Foot> feet;
    bool progress = false;
    for (const model::Frame& frame : m.frames) {
      const auto fi = flow_of(frame);
      if (!fi) continue;
      r.placed_somewhere[*fi] = true;
      Cursor& cur = r.cursors[*fi];
      FlowMeasure& fm = measures[*fi];
      if (done_on_page.count(*fi) || !has_content(fm.flow(), cur)) continue;
      FrameBox box = frame_box(frame, layout.page);
      box.separator = 2 * layout.footnotes.space + layout.footnotes.rule_weight;
      const double width = box.column_width(), height = box.column_height();
      const BlockSource src = [&fm, width, height](size_t i) -> const MeasuredBlock& {
        return fm.at(i, width, height);
      };
      const double full = std::max(0.0, box.w - 2 * box.padding);
      const resolve::Flow& flow = fm.flow();
      const Spanning spanning{[&flow, &known = next_span[*fi]](size_t i) {
                                if (known.from <= i && i <= known.at && known.at <= flow.blocks.size()) return known.at;
                                size_t at = i;
                                while (at < flow.blocks.size() && !flow.blocks[at].span_all) ++at;
                                known = {i, at};
                                return at;
                              },
                              [&fm, full, height](size_t i) -> const MeasuredBlock& { return fm.at(i, full, height); }};
      const FrameFill fill = fill_frame(src, fm.size(), cur, box, &spanning);
      for (const PlacedColumn& col : fill.columns)
        for (const PlacedSlice& ps : col.fill.placed) {
          const MeasuredBlock& mb = col.wide ? spanning.wide(ps.block) : src(ps.block);
          const Slice& s = ps.head ? mb.repeat_head[ps.slice] : mb.slices[ps.slice];
          place_slice(s, col.x, col.y + ps.y, page_index, page, r, *fi, ps.block, mb, ps.head, keeps);
          if (!ps.head && keeps.for_next_pass)
            for (int n : s.notes) r.note_pages.emplace_back(n, page_index);
          if (col.fill.overfull && !ps.head)
            diags.warning(mb.loc, "block is taller than frame '" + frame.name + "' and overflows it");
        }
      for (const PlacedColumn& col : fill.columns)
        if (!col.fill.notes.empty()) feet.push_back({col.x, col.y, col.width, *fi, col.fill.rule_y, col.fill.notes});
      progress = progress || !(fill.next == cur);
      cur = fill.next;
      if (fill.end == ColumnEnd::Page) done_on_page.insert(*fi);
      fm.forget_before(has_content(fm.flow(), cur) ? cur.block : fm.size());
    }
    for (const Foot& f : feet) place_foot(f, layout.footnotes, page);
    ++r.page_count;
    if (last) {
      done(r, std::move(page), static_cast<size_t>(page_index));
      return progress;
    }
    // Pages are kept to the end of the pass; growth slack would be kept too.
    page.items.shrink_to_fit();
    r.pages.push_back(std::move(page));
    return progress;
  };

  auto master_has_content = [&](const model::Master& m) {
    for (const model::Frame& f : m.frames) {
      const auto fi = flow_of(f);
      if (fi && has_content(measures[*fi].flow(), r.cursors[*fi])) return true;
    }
    return false;
  };

  bool over = false;
  auto full = [&](const model::SequenceEntry& e) {
    if (r.page_count < static_cast<size_t>(kMaxPages)) return false;
    if (!over) diags.error(e.loc, "the document would have more than " + std::to_string(kMaxPages) + " pages");
    over = true;
    return true;
  };
  std::vector<std::pair<const model::SequenceEntry*, size_t>> repeated;
  for (const model::SequenceEntry& e : layout.sequence) {
    auto mit = layout.masters.find(e.master);
    if (mit == layout.masters.end()) {
      diags.error(e.loc, "unknown master '" + e.master + "'");
      continue;
    }
    const model::Master& m = mit->second;
    if (full(e)) break;
    if (e.until_empty) {
      const size_t before = r.page_count;
      add_page(m);
      while (master_has_content(m) && !full(e)) {
        if (!add_page(m)) break;  // nothing fits any more: the rest is overset
      }
      repeated.emplace_back(&e, r.page_count - before);
    } else {
      for (int i = 0; i < std::max(1, e.count) && !full(e); ++i) add_page(m);
    }
    if (over) break;
  }
  // How many pages the flows took is the surprise a repeat can hold (a
  // fifth page for three lines): say it, once the total is known.
  auto pages = [](size_t n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); };
  for (const auto& [e, count] : repeated)
    diags.note(e->loc, "repeat: until-empty made " + pages(count) + " of master '" + e->master + "'; the document has " +
                           pages(r.page_count));
  return r;
}

}  // namespace

PassResult run_pass(const std::vector<resolve::Flow>& flows, const model::Layout& layout,
                    const MeasureContext& ctx, Diagnostics& diags) {
  std::deque<FlowMeasure> measures;  // not movable: workers hold them
  for (const resolve::Flow& f : flows) measures.emplace_back(f, ctx);
  return paginate(measures, layout, diags);
}

PassResult run_pass(std::vector<resolve::Flow>&& flows, const model::Layout& layout, const MeasureContext& ctx,
                    Diagnostics& diags, const PageDone& done) {
  std::deque<FlowMeasure> measures;
  for (resolve::Flow& f : flows) measures.emplace_back(std::move(f), ctx);
  std::vector<resolve::Flow>().swap(flows);
  PassResult r = paginate(measures, layout, diags, done);
  for (FlowMeasure& fm : measures) r.flows.push_back(fm.release());
  return r;
}

}  // namespace galley::layout
