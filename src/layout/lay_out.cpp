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
#include "detail/master_elements.h"
#include "detail/prepare.h"
#include "detail/sequence.h"
#include "resolve/resolve.h"

namespace galley::layout {

namespace {

constexpr int kMaxTocPasses = 3;
constexpr size_t kUnplaced = static_cast<size_t>(-1);
constexpr int kFitSteps = 10;  // bisection steps: the scale to within 0.1 %

struct Attempt {
  std::shared_ptr<const std::vector<resolve::Flow>> flows;  // the base flows, or a scaled copy
  PassResult result;
  std::unique_ptr<Diagnostics> diags = std::make_unique<Diagnostics>();
  linebreak::Stats stats;
};

class Engine {
 public:
  // Takes the flows out of `doc` rather than copying them: a long report's
  // styled text is then held once during layout.
  Engine(resolve::StyledDoc& doc, const model::Layout& layout, const text::FontBook& fonts,
         const Options& opts)
      : doc_(doc), layout_(layout), fonts_(fonts), opts_(opts),
        base_(std::make_shared<std::vector<resolve::Flow>>(std::move(doc.flows))),
        notes_(std::move(doc.notes)) {
    // The calling thread paginates; the others measure ahead of it.
    if (opts.jobs > 1) workers_ = std::make_unique<Workers>(opts.jobs - 1);
    assign_heading_ids(*base_);
    scales_.assign(base_->size(), 1.0);
    if (has_toc(*base_)) toc_ = toc_entries(*base_);
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
    a.result = run_pass(std::move(taken), layout_, ctx, *a.diags);
    a.flows = std::make_shared<const std::vector<resolve::Flow>>(std::move(a.result.flows));
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
        const auto n = static_cast<size_t>(std::abs(run.style.note) - 1);
        if (run.style.note == 0 || n >= label.size() || label[n].empty() || run.text == label[n]) continue;
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
        for (resolve::TableCell& c : b.header) changed = relabel(c.para) || changed;
        for (auto& row : b.rows)
          for (resolve::TableCell& c : row) changed = relabel(c.para) || changed;
        // Shared with copies of the block: replaced, not changed in place.
        if (resolve::Paragraph caption = b.caption ? *b.caption : resolve::Paragraph{}; relabel(caption)) {
          b.caption = std::make_shared<const resolve::Paragraph>(std::move(caption));
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
  std::shared_ptr<std::vector<resolve::Flow>> base_;
  std::vector<double> scales_;
  std::vector<TocEntry> toc_;
  std::vector<resolve::Footnote> notes_;  // renumbered between passes, read by the measurements
  std::unique_ptr<Workers> workers_;
};

// Stable 64-bit FNV-1a over everything that shapes the output.
class Hash {
 public:
  void add(std::string_view s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 1099511628211ull;
    h_ = (h_ ^ 0xff) * 1099511628211ull;  // separator: "ab","c" differs from "a","bc"
  }
  // Positions count to a thousandth of a point, as the PDF writes them; the
  // integer is hashed byte by byte, low first, so the digest is the same on
  // every platform without formatting each number as text.
  void add(double v) {
    const auto q = static_cast<uint64_t>(std::llround(v * 1000.0));
    for (int i = 0; i < 8; ++i) h_ = (h_ ^ ((q >> (8 * i)) & 0xff)) * 1099511628211ull;
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  uint64_t h_ = 1469598103934665603ull;
};

// /ID is "a hash of the content": of what the pages show, so two inputs
// that print the same (a batch row and the same build by hand, whatever
// unused variables each had) get the same bytes, and any visible change
// gives another ID.
std::string source_hash(const DisplayList& dl) {
  Hash h;
  for (const FontRef& f : dl.fonts) h.add(f.path);
  auto color = [&](const std::optional<Color>& c) {
    if (!c) return h.add(std::string_view("-"));
    h.add(static_cast<double>(static_cast<int>(c->space)));
    for (double v : c->v) h.add(v);
    h.add(c->spot_name);
  };
  for (const Page& page : dl.pages) {
    for (const Box* b : {&page.media, &page.bleed, &page.trim}) h.add(b->x), h.add(b->y), h.add(b->w), h.add(b->h);
    h.add(page.label);
    for (const Item& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        h.add(static_cast<double>(run->font)), h.add(run->size), h.add(run->x), h.add(run->y);
        color(run->color);
        for (const Glyph& g : run->glyphs) h.add(static_cast<double>(g.gid)), h.add(g.x), h.add(g.y);
        for (const Cluster& c : run->clusters) h.add(run->text_of(c));
      } else if (const auto* rect = std::get_if<Rect>(&item)) {
        h.add(rect->x), h.add(rect->y), h.add(rect->w), h.add(rect->h), h.add(rect->radius);
        color(rect->fill), color(rect->stroke);
      } else if (const auto* path = std::get_if<Path>(&item)) {
        for (const Path::Op& op : path->ops) h.add(op.x), h.add(op.y), h.add(op.x1), h.add(op.y1), h.add(op.x2), h.add(op.y2);
        color(path->fill), color(path->stroke);
      } else if (const auto* img = std::get_if<Image>(&item)) {
        h.add(img->path), h.add(img->x), h.add(img->y), h.add(img->w), h.add(img->h), h.add(img->alt);
      } else if (const auto* fig = std::get_if<Figure>(&item)) {
        h.add(fig->alt), h.add(static_cast<double>(fig->items));
      } else if (const auto* mark = std::get_if<Mark>(&item)) {
        h.add(static_cast<double>(mark->element));
      }
    }
    for (const Link& l : page.links) h.add(l.uri), h.add(l.dest), h.add(l.x), h.add(l.y);
  }
  for (const std::string* m : {&dl.meta.title, &dl.meta.subtitle, &dl.meta.author, &dl.meta.subject,
                               &dl.meta.keywords, &dl.meta.language, &dl.meta.date})
    h.add(*m);
  h.add(dl.intent.standard), h.add(dl.intent.icc_profile);
  h.add(dl.tagged ? std::string_view("tagged") : std::string_view("untagged"));
  h.add(dl.pdf_ua ? std::string_view("PDF/UA-1") : std::string_view("-")), h.add(dl.pdf_a);
  for (const StructElement& e : dl.structure)
    h.add(e.role), h.add(static_cast<double>(e.parent)), h.add(e.alt), h.add(e.lang), h.add(e.scope);
  return h.hex();
}

// Glyph runs carry FontBook faces until here; the list gets one FontRef per
// face used, in order of first use.
void remap_fonts(DisplayList& dl, const text::FontBook& fonts) {
  std::vector<int> slot(static_cast<size_t>(std::max(fonts.size(), 0)), -1);
  for (Page& p : dl.pages)
    for (Item& it : p.items) {
      auto* run = std::get_if<GlyphRun>(&it);
      if (!run || run->font < 0 || run->font >= fonts.size()) continue;
      int& s = slot[static_cast<size_t>(run->font)];
      if (s < 0) {
        const text::FaceInfo& info = fonts.info(run->font);
        s = static_cast<int>(dl.fonts.size());
        dl.fonts.push_back({info.path, 0, info.family, info.bold, info.italic, info.loc});
      }
      run->font = s;
    }
}

// Master text's links are known only here, with the page's values in them.
void check_links(const DisplayList& dl, const model::Layout& layout, Diagnostics& diags) {
  std::set<std::string> reported;
  for (const Page& page : dl.pages)
    for (const Link& l : page.links) resolve::check_link(l.uri, l.loc, layout, reported, diags);
}

using Slot = resolve::Slot;

// Each page's values for the slots of master text: its number, the count,
// and for each running head the heading in force at the end of the page
// and the first that starts on it (else the one in force). A heading of a
// higher rank (a lower level) ends a running head of a deeper level: a new
// chapter has no section until its first one.
std::vector<resolve::TextTemplate::Values> slot_values(const std::vector<Page>& pages,
                                                       const std::vector<OutlineEntry>& outline,
                                                       const model::RunningHeads& heads) {
  std::vector<resolve::TextTemplate::Values> out(pages.size());
  std::vector<std::vector<const OutlineEntry*>> on_page(pages.size());
  for (const OutlineEntry& e : outline)
    if (e.page >= 0 && static_cast<size_t>(e.page) < pages.size()) on_page[static_cast<size_t>(e.page)].push_back(&e);
  const std::pair<int, Slot> running[] = {
      {heads.section, Slot::Section}, {heads.chapter, Slot::Chapter}, {heads.part, Slot::Part}};
  for (const auto& [level, slot] : running) {
    std::string current;
    for (size_t i = 0; i < pages.size(); ++i) {
      std::optional<std::string> first;
      for (const OutlineEntry* e : on_page[i]) {
        if (e->level < level) current.clear();
        if (e->level != level) continue;
        current = e->title;
        if (!first) first = current;
      }
      out[i][static_cast<size_t>(slot)] = current;
      out[i][static_cast<size_t>(slot) + 1] = first ? *first : current;
    }
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    out[i][static_cast<size_t>(Slot::Page)] = std::to_string(i + 1);
    out[i][static_cast<size_t>(Slot::Pages)] = std::to_string(pages.size());
  }
  return out;
}

// Master text is set on every page of its master: what variables add to it
// counts once a page against the document's budget (resolve/detail/expand.h), so a
// header naming a long variable does not cost its length ten thousand times.
bool within_budget(const std::vector<Page>& pages, const std::map<std::string, std::vector<resolve::TextTemplate>>& texts, Diagnostics& diags) {
  size_t total = 0;
  for (const Page& page : pages) {
    const auto it = texts.find(page.master);
    if (it == texts.end()) continue;
    for (const resolve::TextTemplate& t : it->second) {
      total += t.added;
      if (total <= resolve::kMaxDocumentExpansion) continue;
      size_t count = 0;
      for (const Page& p : pages) count += p.master == page.master;
      diags.error(t.para.loc, "variables add " + std::to_string(t.added) + " bytes to this master text, set on " +
                                  std::to_string(count) + " pages of master '" + page.master +
                                  "': more than the 2 MiB of text variables may add to a document");
      return false;
    }
  }
  return true;
}

std::string var(const resolve::Variables& v, const std::string& key) {
  auto it = v.find(key);
  return it == v.end() ? "" : it->second;
}

}  // namespace

std::optional<DisplayList> lay_out(resolve::StyledDoc doc, const model::Layout& layout,
                                   const text::FontBook& fonts, const Options& opts,
                                   Diagnostics& diags) {
  Engine engine(doc, layout, fonts, opts);
  Diagnostics notes;
  engine.copy_fit(notes);
  Attempt a = engine.settle();
  diags.append(*a.diags);
  diags.append(notes);
  base::add_figures(a.stats);

  const int errors_before = diags.error_count();
  for (size_t i = 0; i < a.flows->size(); ++i) {
    const resolve::Flow& f = (*a.flows)[i];
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
    diags.error(f.blocks[b].loc, "overset: flow '" + f.name +
                                     "' does not fit; first block that did not fit: " + describe(f.blocks[b]));
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  DisplayList dl;
  dl.pages = std::move(a.result.pages);
  if (!within_budget(dl.pages, doc.master_text, diags)) return std::nullopt;
  const auto values = slot_values(dl.pages, a.result.outline, layout.running_heads);
  std::set<std::string> reported;  // master text repeats on every page; its problems once
  const std::vector<resolve::TextTemplate> none;
  for (size_t i = 0; i < dl.pages.size(); ++i) {
    Page& page = dl.pages[i];
    const model::Master& m = layout.masters.at(page.master);
    const auto texts = doc.master_text.find(page.master);
    Diagnostics page_diags;
    std::vector<Item> under = master_items(m, layout, texts == doc.master_text.end() ? none : texts->second,
                                           values[i], fonts, page, page_diags);
    for (const Diagnostic& d : page_diags.all())
      if (reported.insert(format(d)).second) diags.add(d);
    if (under.empty()) continue;
    // Master furniture (backgrounds, rules, running heads, page numbers)
    // is not content.
    under.insert(under.begin(), Mark{});
    // Built at its exact size: inserting in front would leave the vector
    // with up to twice the capacity it needs, on every page.
    std::vector<Item> items;
    items.reserve(under.size() + page.items.size());
    std::move(under.begin(), under.end(), std::back_inserter(items));
    std::move(page.items.begin(), page.items.end(), std::back_inserter(items));
    page.items = std::move(items);
  }
  check_links(dl, layout, diags);
  remap_fonts(dl, fonts);
  dl.outline = std::move(a.result.outline);
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
  if (dl.tagged)
    finish_structure(a.result.structure, dl.meta.language, dl.pages, dl.structure, diags);
  dl.source_hash = source_hash(dl);
  if (diags.error_count() > errors_before) return std::nullopt;
  return dl;
}

}  // namespace galley::layout
