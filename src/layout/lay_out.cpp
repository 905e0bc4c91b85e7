// lay_out(): passes over the page sequence — copy-fit by bisection when a
// flow with a `fit:` rule is overset, table-of-contents passes until the
// page numbers are stable — then master decoration and the finished list.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <string_view>
#include <iterator>
#include <memory>
#include <set>

#include "base/figures.h"
#include "layout/layout.h"
#include "detail/page_finisher.h"
#include "detail/prepare.h"
#include "detail/sequence.h"
#include "resolve/resolve.h"

namespace galley::layout {

namespace {

constexpr int kMaxTocPasses = 3;
constexpr size_t kUnplaced = static_cast<size_t>(-1);
constexpr int kFitSteps = 10;  // bisection steps: the scale to within 0.1 %

struct Attempt {
  std::shared_ptr<std::vector<resolve::Flow>> flows;  // the base flows, or a scaled copy
  PassResult result;
  std::unique_ptr<Diagnostics> diags = std::make_unique<Diagnostics>();
  linebreak::Stats stats;
  bool streamed = false;  // its pages went to the PageDone as they were made
};

class Engine {
 public:
  // Takes the flows out of `doc` rather than copying them: a long report's
  // styled text is then held once during layout.
  // `done` takes the pages of the last pass as they are complete.
  Engine(resolve::StyledDoc& doc, const model::Layout& layout, const text::FontBook& fonts,
         const Options& opts, PageDone done, Diagnostics& diags)
      : doc_(doc), layout_(layout), fonts_(fonts), opts_(opts), done_(std::move(done)),
        base_(std::make_shared<std::vector<resolve::Flow>>(std::move(doc.flows))),
        notes_(std::move(doc.notes)) {
    // The calling thread paginates; the others measure ahead of it.
    if (opts.jobs > 1) workers_ = std::make_unique<Workers>(opts.jobs - 1);
    assign_heading_ids(*base_);
    scales_.assign(base_->size(), 1.0);
    if (has_toc(*base_)) toc_ = toc_entries(*base_);
    // The text resolve/ hands on as layout reaches it (resolve::Flow::
    // pending) is read by a single pass as it goes; a copy-fit, table of
    // contents or footnote pass reads every block more than once.
    if (!layout.fit.empty() || !toc_.empty() || !notes_.empty())
      for (resolve::Flow& f : *base_) f.resolve_through(static_cast<size_t>(-1), diags);
  }

  // `last`: no pass follows, so this one takes the flows over and frees the
  // blocks it has placed; only the blocks still to place are read afterwards.
  Attempt run(bool last = false) {
    Attempt a;
    std::shared_ptr<std::vector<resolve::Flow>> flows = base_;
    bool scaled = false;
    for (double s : scales_) scaled = scaled || s != 1.0;
    if (scaled) {
      flows = std::make_shared<std::vector<resolve::Flow>>(*base_);
      for (size_t i = 0; i < flows->size(); ++i)
        if (scales_[i] != 1.0) scale_flow((*flows)[i], scales_[i]);
    }
    MeasureContext ctx{fonts_, opts_.greedy, toc_, doc_.styles, *a.diags, &a.stats, workers_.get(),
                       base::current_figures() != nullptr, &notes_};
    // A scaled flow's blocks are not the document's; a reused measurement
    // carries no times for a Figures.
    if (!scaled && !ctx.record) {
      ctx.reuse = opts_.reuse;
      ctx.keep = opts_.record;
    }
    if (!last) {
      a.flows = flows;
      a.result = run_pass(*a.flows, layout_, ctx, *a.diags);
      return a;
    }
    std::vector<resolve::Flow> taken = std::move(*flows);
    flows.reset();
    base_.reset();
    a.result = run_pass(std::move(taken), layout_, ctx, *a.diags, done_);
    a.streamed = true;
    a.flows = std::make_shared<std::vector<resolve::Flow>>(std::move(a.result.flows));
    return a;
  }

  bool overset(const Attempt& a, size_t flow) const {
    return a.result.placed_somewhere[flow] && has_content((*a.flows)[flow], a.result.cursors[flow]);
  }

  // Copy-fits each overset flow that has a `fit:` rule; returns notes.
  void copy_fit(Diagnostics& notes) {
    for (const model::FitRule& rule : layout_.fit) {
      size_t i = 0;
      while (i < base_->size() && (*base_)[i].name != rule.flow) ++i;
      if (i == base_->size() || !overset(run(), i)) continue;
      const double base = body_size((*base_)[i], doc_);
      double lo = base > 0 && rule.shrink_to > 0 ? std::min(1.0, rule.shrink_to / base) : 1.0;
      double hi = 1.0;
      scales_[i] = lo;
      if (overset(run(), i)) {
        notes.warning(rule.loc, "flow '" + rule.flow + "' does not fit even at " + percent(lo) +
                                    " (shrink-to " + points(rule.shrink_to) + ")");
        continue;
      }
      for (int step = 0; step < kFitSteps; ++step) {
        scales_[i] = (lo + hi) / 2;
        if (overset(run(), i)) hi = scales_[i]; else lo = scales_[i];
      }
      scales_[i] = lo;
      // It fits: a note, so --strict does not fail a good build.
      notes.note(rule.loc, "flow '" + rule.flow + "' copy-fitted at " + percent(lo));
    }
  }

  // Reruns until every table-of-contents page number and every footnote
  // number is the one printed.
  Attempt settle() {
    // Without a table of contents or footnotes the first pass is the only one.
    Attempt a = run(toc_.empty() && notes_.empty());
    for (int pass = 1; pass < kMaxTocPasses && (!toc_.empty() || !notes_.empty()); ++pass) {
      bool changed = renumber(a.result);
      std::vector<std::pair<size_t, TocEntry>> placed;  // placement order across flows
      for (TocEntry& e : toc_) {
        auto it = a.result.dest_pages.find(e.dest);
        const bool found = it != a.result.dest_pages.end();
        const std::string label = found ? a.result.pages[static_cast<size_t>(it->second)].label : "";
        changed = changed || label != e.page;
        e.page = label;
        auto rank = a.result.dest_order.find(e.dest);
        placed.emplace_back(found ? rank->second : kUnplaced, e);
      }
      std::stable_sort(placed.begin(), placed.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      // Headings of flows this layout does not place have no page: dropped.
      std::vector<TocEntry> next;
      for (auto& [rank, e] : placed)
        if (rank != kUnplaced) next.push_back(std::move(e));
      changed = changed || next.size() != toc_.size();
      for (size_t k = 0; !changed && k < next.size(); ++k) changed = toc_[k].dest != next[k].dest;
      toc_ = std::move(next);
      if (!changed) break;
      // The settled pages are read above; dropping them first keeps one
      // pass's display list alive at a time, not two.
      a = Attempt();
      a = run(pass + 1 == kMaxTocPasses);
    }
    return a;
  }

  const std::vector<resolve::Footnote>& notes() const { return notes_; }

  // Numbers the footnotes in the order their references were placed,
  // from 1 on each page when the layout says so, and sets the numbers in
  // the notes and the references; true when any changed.
  bool renumber(const PassResult& r) {
    std::vector<std::string> label(notes_.size());
    int count = 0, page = -1;
    for (const auto& [note, on] : r.note_pages) {
      const auto n = static_cast<size_t>(note - 1);
      if (n >= label.size() || !label[n].empty()) continue;
      if (layout_.footnotes.per_page && on != page) count = 0;
      page = on;
      label[n] = std::to_string(++count);
    }
    const auto relabel = [&](resolve::Paragraph& p) {
      bool any = false;
      for (resolve::Run& run : p.runs) {
        const auto n = static_cast<size_t>(std::abs(run.style->note) - 1);
        if (run.style->note == 0 || n >= label.size() || label[n].empty() || run.text == label[n]) continue;
        run.text = label[n];
        any = true;
      }
      return any;
    };
    bool changed = false;
    for (size_t n = 0; n < notes_.size(); ++n) {
      std::string& number = notes_[n].para.runs.front().text;
      if (!label[n].empty() && number != label[n]) number = label[n], changed = true;
    }
    for (resolve::Flow& f : *base_)
      for (resolve::Block& b : f.blocks) {
        for (resolve::Paragraph& p : b.paras) changed = relabel(p) || changed;
        for (resolve::ListItem& item : b.items) changed = relabel(item.para) || changed;
        if (b.figure->header.empty() && b.figure->rows.empty() && !b.figure->caption) continue;
        // The figure and its caption are shared with copies of the block:
        // edit() copies a shared figure, the caption is replaced.
        resolve::Figure& fig = b.figure.edit();
        for (resolve::TableCell& c : fig.header) changed = relabel(c.para) || changed;
        for (auto& row : fig.rows)
          for (resolve::TableCell& c : row) changed = relabel(c.para) || changed;
        if (resolve::Paragraph caption = fig.caption ? *fig.caption : resolve::Paragraph{}; relabel(caption)) {
          fig.caption = std::make_shared<const resolve::Paragraph>(std::move(caption));
          changed = true;
        }
      }
    return changed;
  }

  static std::string percent(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", s * 100);
    return buf;
  }
  static std::string points(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%gpt", v);
    return buf;
  }

 private:
  const resolve::StyledDoc& doc_;
  const model::Layout& layout_;
  const text::FontBook& fonts_;
  const Options& opts_;
  PageDone done_;
  std::shared_ptr<std::vector<resolve::Flow>> base_;
  std::vector<double> scales_;
  std::vector<TocEntry> toc_;
  std::vector<resolve::Footnote> notes_;  // renumbered between passes, read by the measurements
  std::unique_ptr<Workers> workers_;
};

std::string var(const resolve::Variables& v, const std::string& key) {
  auto it = v.find(key);
  return it == v.end() ? "" : it->second;
}

}  // namespace

std::optional<Streamed> lay_out(resolve::StyledDoc doc, const model::Layout& layout, const text::FontBook& fonts,
                                const Options& opts, PageSink& sink, Diagnostics& diags) {
  Streamed out;
  DisplayList& dl = out.list;
  // The settings first: the sink reads them from the first page on.
  const auto& v = doc.variables;
  dl.meta = {var(v, "meta.title"), var(v, "meta.subtitle"), var(v, "meta.author"), var(v, "meta.subject"),
             var(v, "meta.keywords"), var(v, "meta.language"), var(v, "meta.date"), doc.meta_loc};
  dl.intent = {layout.output.standard, layout.output.icc_profile, layout.output.condition,
               layout.output.icc_profile_loc};
  dl.crop_marks = layout.page.crop_marks;
  dl.registration_marks = layout.page.registration_marks;
  dl.bleed = layout.page.bleed;
  dl.tagged = layout.output.tagged;
  dl.pdf_ua = layout.output.pdf_ua;
  dl.pdf_a = layout.output.pdf_a;
  dl.standard_loc = layout.output.standard_loc;

  PageFinisher finisher(doc, layout, fonts, dl, sink);
  Engine engine(doc, layout, fonts, opts,
                [&finisher](PassResult& r, Page&& page, size_t i) { finisher.page(r, std::move(page), i); },
                diags);
  Diagnostics notes;
  engine.copy_fit(notes);
  Attempt a = engine.settle();
  diags.append(*a.diags);
  diags.append(notes);
  base::add_figures(a.stats);

  const int errors_before = diags.error_count();
  for (size_t i = 0; i < a.flows->size(); ++i) {
    resolve::Flow& f = (*a.flows)[i];
    const Cursor cur = a.result.cursors[i];
    // A flow no frame takes is left out on purpose (a one-page handout
    // omits the long story); only a placed flow can be overset.
    if (!has_content(f, cur) || !a.result.placed_somewhere[i]) continue;
    size_t b = cur.block;
    while (b < f.blocks.size() && f.blocks[b].kind == model::BlockKind::Break) ++b;
    if (b == f.blocks.size()) {
      const resolve::Footnote& note = engine.notes()[static_cast<size_t>(cur.carry.notes.front()->note - 1)];
      diags.error(note.para.loc, "overset: flow '" + f.name + "' does not fit; footnote " + note.para.runs.front().text +
                                     " is not set in full");
      continue;
    }
    f.resolve_through(b, diags);  // its text, for the message
    diags.error(f.blocks[b].loc, "overset: flow '" + f.name +
                                     "' does not fit; first block that did not fit: " + describe(f.blocks[b]));
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  // A pass others might have followed is finished once it is known to be
  // the last.
  if (!a.streamed)
    for (size_t i = 0; i < a.result.pages.size(); ++i) finisher.page(a.result, std::move(a.result.pages[i]), i);
  out.renumber = finisher.finish(a.result, diags);
  dl.outline = std::move(a.result.outline);
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

void CollectingSink::page(const DisplayList&, size_t p, std::vector<Item>&& items) {
  if (pages_.size() <= p) pages_.resize(p + 1);
  pages_[p] = std::move(items);
}

void CollectingSink::under(const DisplayList&, size_t p, std::vector<Item>&& items) {
  if (under_.size() <= p) under_.resize(p + 1);
  under_[p] = std::move(items);
}

DisplayList CollectingSink::list(Streamed&& streamed) {
  DisplayList dl = std::move(streamed.list);
  const std::vector<int32_t>& renumber = streamed.renumber;
  for (size_t p = 0; p < dl.pages.size() && p < pages_.size(); ++p) {
    std::vector<Item> items;
    if (p < under_.size()) items = std::move(under_[p]);
    items.reserve(items.size() + pages_[p].size());
    std::move(pages_[p].begin(), pages_[p].end(), std::back_inserter(items));
    for (Item& it : items)
      if (auto* m = std::get_if<Mark>(&it); m && m->element >= 0 && static_cast<size_t>(m->element) < renumber.size())
        m->element = renumber[static_cast<size_t>(m->element)];
    dl.pages[p].items = std::move(items);
  }
  pages_.clear();
  under_.clear();
  // Fonts in order of first use in the whole list, as pages drawn whole
  // have them (decoration set at the end took its fonts' numbers last).
  std::vector<int> slot(dl.fonts.size(), -1);
  std::vector<FontRef> fonts;
  for (Page& page : dl.pages)
    for (Item& it : page.items) {
      auto* run = std::get_if<GlyphRun>(&it);
      if (!run || run->font < 0 || static_cast<size_t>(run->font) >= slot.size()) continue;
      int& s = slot[static_cast<size_t>(run->font)];
      if (s < 0) {
        s = static_cast<int>(fonts.size());
        fonts.push_back(dl.fonts[static_cast<size_t>(run->font)]);
      }
      run->font = s;
    }
  dl.fonts = std::move(fonts);
  return dl;
}

std::optional<DisplayList> lay_out(resolve::StyledDoc doc, const model::Layout& layout,
                                   const text::FontBook& fonts, const Options& opts,
                                   Diagnostics& diags) {
  CollectingSink sink;
  auto streamed = lay_out(std::move(doc), layout, fonts, opts, sink, diags);
  if (!streamed) return std::nullopt;
  return sink.list(std::move(*streamed));
}

}  // namespace galley::layout
