#include "detail/page_finisher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "detail/master_elements.h"
#include "resolve/resolve.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace galley::layout {

void PageFinisher::Hash::flush() {
  h_ = XXH3_64bits_withSeed(buf_, n_, h_);
  n_ = 0;
}

void PageFinisher::Hash::add(std::string_view s) {
  word(s.size());
  if (n_ + s.size() > sizeof buf_) flush();
  if (s.size() > sizeof buf_) {
    h_ = XXH3_64bits_withSeed(s.data(), s.size(), h_);
    return;
  }
  std::memcpy(buf_ + n_, s.data(), s.size());
  n_ += s.size();
}

void PageFinisher::Hash::words(const uint64_t* w, size_t count) {
  while (count > 0) {
    if (n_ + 8 > sizeof buf_) flush();
    const size_t k = std::min(count, (sizeof buf_ - n_) / 8);
    if constexpr (std::endian::native == std::endian::big) {
      for (size_t i = 0; i < k; ++i) {
        const uint64_t b = __builtin_bswap64(w[i]);
        std::memcpy(buf_ + n_ + 8 * i, &b, 8);
      }
    } else {
      std::memcpy(buf_ + n_, w, 8 * k);
    }
    n_ += 8 * k;
    w += k;
    count -= k;
  }
}

std::string PageFinisher::Hash::hex() const {
  const uint64_t h = XXH3_64bits_withSeed(buf_, n_, h_);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

using Slot = resolve::Slot;

constexpr std::pair<Slot, int model::RunningHeads::*> kRunning[] = {
    {Slot::Section, &model::RunningHeads::section},
    {Slot::Chapter, &model::RunningHeads::chapter},
    {Slot::Part, &model::RunningHeads::part}};

// Master text set once every page is: it names {{pages}}, or variables
// add to it (the document's budget for them counts the pages).
bool set_late(const std::vector<resolve::TextTemplate>& texts) {
  const std::string marker = resolve::slot_marker(Slot::Pages);
  for (const resolve::TextTemplate& t : texts) {
    if (t.added > 0) return true;
    for (const resolve::Run& run : t.para.runs)
      if (run.text.find(marker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

PageFinisher::PageFinisher(const resolve::StyledDoc& doc, const model::Layout& layout, const text::FontBook& fonts,
                           DisplayList& list, PageSink& sink)
    : doc_(doc), layout_(layout), fonts_(fonts), list_(list), sink_(sink),
      font_slot_(static_cast<size_t>(std::max(fonts.size(), 0)), -1), running_(layout.running_heads) {
  for (const auto& [master, texts] : doc.master_text) late_[master] = set_late(texts);
}

// /ID is "a hash of the content": of what the pages show, so two inputs
// that print the same (a batch row and the same build by hand, whatever
// unused variables each had) get the same bytes, and any visible change
// gives another ID.
void PageFinisher::hash_items(const std::vector<Item>& items) {
  Hash& h = hash_;
  // By pointer: a run's colour is not optional, and wrapping it in one
  // would copy its strings.
  auto color = [&](const Color* c) {
    if (!c) return h.add(std::string_view("-"));
    h.add(static_cast<double>(static_cast<int>(c->space)));
    for (double v : c->v) h.add(v);
    if (c->space == Color::Space::Spot) h.add(c->spot_name), h.add(c->tint);
  };
  const auto ptr = [](const std::optional<Color>& c) { return c ? &*c : nullptr; };
  for (const Item& item : items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      h.add(static_cast<double>(run->font)), h.add(run->size), h.add(run->x), h.add(run->y), h.add(run->hscale);
      color(&run->color);
      // The values of glyphs and clusters gathered a batch at a time: the
      // same words in the same order as one add() each.
      uint64_t batch[3 * 64];
      const std::vector<Glyph>& glyphs = run->glyphs;
      for (size_t i = 0; i < glyphs.size();) {
        const size_t n = std::min(glyphs.size() - i, std::size(batch) / 3);
        for (size_t j = 0; j < n; ++j) {
          const Glyph& g = glyphs[i + j];
          batch[3 * j] = uint64_t{g.gid} * 1000;  // Hash::quantized() of the id, exactly
          batch[3 * j + 1] = Hash::quantized(g.x);
          batch[3 * j + 2] = Hash::quantized(g.y);
        }
        h.words(batch, 3 * n);
        i += n;
      }
      // The text once, then which of it each cluster stands for.
      h.add(run->text);
      size_t k = 0;
      for (const Cluster& c : run->clusters) {
        if (k + 2 > std::size(batch)) h.words(batch, k), k = 0;
        batch[k++] = c.glyph_begin | uint64_t{c.glyph_count} << 32;
        batch[k++] = c.text_begin | uint64_t{c.text_size} << 32;
      }
      h.words(batch, k);
    } else if (const auto* rect = std::get_if<Rect>(&item)) {
      h.add(rect->x), h.add(rect->y), h.add(rect->w), h.add(rect->h), h.add(rect->radius);
      color(ptr(rect->fill)), color(ptr(rect->stroke));
    } else if (const auto* path = std::get_if<Path>(&item)) {
      for (const Path::Op& op : path->ops) h.add(op.x), h.add(op.y), h.add(op.x1), h.add(op.y1), h.add(op.x2), h.add(op.y2);
      color(ptr(path->fill)), color(ptr(path->stroke));
    } else if (const auto* img = std::get_if<Image>(&item)) {
      h.add(img->path), h.add(img->x), h.add(img->y), h.add(img->w), h.add(img->h), h.add(img->alt);
    } else if (const auto* fig = std::get_if<Figure>(&item)) {
      h.add(fig->alt), h.add(static_cast<double>(fig->items));
    } else if (const auto* mark = std::get_if<Mark>(&item)) {
      h.add(static_cast<double>(mark->element));
    }
  }
}

void PageFinisher::hash_page(const Page& page) {
  for (const Box* b : {&page.media, &page.bleed, &page.trim}) hash_.add(b->x), hash_.add(b->y), hash_.add(b->w), hash_.add(b->h);
  hash_.add(page.label);
  hash_items(page.items);
  for (const Link& l : page.links) hash_.add(l.uri), hash_.add(l.dest), hash_.add(l.x), hash_.add(l.y);
}

// Glyph runs carry FontBook faces until here; the list gets one FontRef per
// face used, in order of first use.
void PageFinisher::fonts_of(std::vector<Item>& items) {
  for (Item& it : items) {
    auto* run = std::get_if<GlyphRun>(&it);
    if (!run || run->font < 0 || run->font >= fonts_.size()) continue;
    int& s = font_slot_[static_cast<size_t>(run->font)];
    if (s < 0) {
      const text::FaceInfo& info = fonts_.info(run->font);
      s = static_cast<int>(list_.fonts.size());
      list_.fonts.push_back({info.path, 0, info.family, info.bold, info.italic, info.loc});
    }
    run->font = s;
  }
}

// Master text's links are known only here, with the page's values in them.
void PageFinisher::check_links(const Page& page, size_t from, Diagnostics& diags) {
  for (size_t k = from; k < page.links.size(); ++k)
    resolve::check_link(page.links[k].uri, page.links[k].loc, layout_, links_reported_, diags);
}

std::vector<Item> PageFinisher::decoration(Page& page, const resolve::TextTemplate::Values& values,
                                           Diagnostics& diags) {
  static const std::vector<resolve::TextTemplate> none;
  const model::Master& m = layout_.masters.at(page.master);
  const auto texts = doc_.master_text.find(page.master);
  Diagnostics page_diags;
  std::vector<Item> under = master_items(m, layout_, texts == doc_.master_text.end() ? none : texts->second,
                                         values, fonts_, page, page_diags);
  for (const Diagnostic& d : page_diags.all())  // master text repeats on every page; its problems once
    if (reported_.insert(format(d)).second) diags.add(d);
  // Master furniture (backgrounds, rules, running heads, page numbers)
  // is not content.
  if (!under.empty()) under.insert(under.begin(), Mark{});
  return under;
}

// Master text is set on every page of its master: what variables add to it
// counts once a page against the document's budget (resolve/detail/expand.h), so a
// header naming a long variable does not cost its length ten thousand times.
// Master text that variables add to is set at the end, once this is known.
bool PageFinisher::within_budget(Diagnostics& diags) const {
  size_t total = 0;
  for (const Page& page : list_.pages) {
    const auto it = doc_.master_text.find(page.master);
    if (it == doc_.master_text.end()) continue;
    for (const resolve::TextTemplate& t : it->second) {
      total += t.added;
      if (total <= resolve::kMaxDocumentExpansion) continue;
      size_t count = 0;
      for (const Page& p : list_.pages) count += p.master == page.master;
      diags.error(t.para.loc, "variables add " + std::to_string(t.added) + " bytes to this master text, set on " +
                                  std::to_string(count) + " pages of master '" + page.master +
                                  "': more than the 2 MiB of text variables may add to a document");
      return false;
    }
  }
  return true;
}

PageFinisher::RunningHeads::RunningHeads(const model::RunningHeads& levels)
    : levels_(levels), running_(std::size(kRunning)) {}

void PageFinisher::RunningHeads::on_page(const std::vector<OutlineEntry>& outline, size_t i,
                                         resolve::TextTemplate::Values& values) {
  const size_t seen = seen_;
  while (seen_ < outline.size() && outline[seen_].page <= static_cast<int>(i)) ++seen_;
  for (size_t k = 0; k < std::size(kRunning); ++k) {
    const int level = levels_.*kRunning[k].second;
    std::optional<std::string> first;
    for (size_t e = seen; e < seen_; ++e) {
      const OutlineEntry& entry = outline[e];
      if (entry.page != static_cast<int>(i)) continue;
      if (entry.level < level) running_[k].clear();
      if (entry.level != level) continue;
      running_[k] = entry.title;
      if (!first) first = running_[k];
    }
    const auto slot = static_cast<size_t>(kRunning[k].first);
    values[slot] = running_[k];
    values[slot + 1] = first ? *first : running_[k];
  }
}

void PageFinisher::page(PassResult& r, Page&& taken, size_t i) {
  Page page = std::move(taken);
  resolve::TextTemplate::Values values;
  running_.on_page(r.outline, i, values);
  values[static_cast<size_t>(Slot::Page)] = std::to_string(i + 1);
  if (list_.tagged) r.structure.number(page.items, page.links, list_.structure);
  // Master text set late is handed on by finish(), under the page.
  if (std::vector<Item> under = late_[page.master] ? std::vector<Item>() : decoration(page, values, diags_);
      !under.empty()) {
    // Built at its exact size: inserting in front would leave the vector
    // with up to twice the capacity it needs, on every page.
    std::vector<Item> items;
    items.reserve(under.size() + page.items.size());
    std::move(under.begin(), under.end(), std::back_inserter(items));
    std::move(page.items.begin(), page.items.end(), std::back_inserter(items));
    page.items = std::move(items);
  }
  check_links(page, 0, diags_);
  fonts_of(page.items);
  hash_page(page);
  std::vector<Item> items = std::move(page.items);
  page.items = {};
  list_.pages.push_back(std::move(page));
  sink_.page(list_, i, std::move(items));
  // The sink has read the roles of the elements this page met first: a
  // long report's hundred thousand are not held twice until the end.
  list_.structure_base += list_.structure.size();
  list_.structure.clear();
}

std::vector<int32_t> PageFinisher::finish(PassResult& r, Diagnostics& diags) {
  diags.append(diags_);
  if (!within_budget(diags)) return {};
  const std::string pages = std::to_string(list_.pages.size());
  RunningHeads again(layout_.running_heads);
  for (size_t i = 0; i < list_.pages.size(); ++i) {
    resolve::TextTemplate::Values values;
    again.on_page(r.outline, i, values);
    Page& page = list_.pages[i];
    if (!late_[page.master]) continue;
    values[static_cast<size_t>(Slot::Page)] = std::to_string(i + 1);
    values[static_cast<size_t>(Slot::Pages)] = pages;
    const size_t from = page.links.size();
    std::vector<Item> under = decoration(page, values, diags);
    check_links(page, from, diags);
    fonts_of(under);
    hash_items(under);
    for (size_t k = from; k < page.links.size(); ++k)
      hash_.add(page.links[k].uri), hash_.add(page.links[k].dest), hash_.add(page.links[k].x), hash_.add(page.links[k].y);
    if (!under.empty()) sink_.under(list_, i, std::move(under));
  }
  std::vector<int32_t> renumber;
  if (list_.tagged) {
    renumber = r.structure.renumber();
    // The pages' roles are handed on: the elements are made in content
    // order from the pass's compact nodes, which are let go.
    list_.structure_base = 0;
    r.structure.finish(list_.meta.language, list_.structure, diags);
    for (Page& page : list_.pages)
      for (Link& l : page.links)
        if (l.element >= 0 && static_cast<size_t>(l.element) < renumber.size())
          l.element = renumber[static_cast<size_t>(l.element)];
  }
  Hash& h = hash_;
  for (const FontRef& f : list_.fonts) h.add(f.path);
  const DisplayList& dl = list_;
  for (const std::string* m : {&dl.meta.title, &dl.meta.subtitle, &dl.meta.author, &dl.meta.subject,
                               &dl.meta.keywords, &dl.meta.language, &dl.meta.date})
    h.add(*m);
  h.add(dl.intent.standard), h.add(dl.intent.icc_profile);
  h.add(dl.tagged ? std::string_view("tagged") : std::string_view("untagged"));
  h.add(dl.pdf_ua ? std::string_view("PDF/UA-1") : std::string_view("-")), h.add(dl.pdf_a);
  for (const StructureList::Element e : dl.structure)
    h.add(e.role), h.add(static_cast<double>(e.parent)), h.add(e.alt), h.add(e.lang), h.add(e.scope);
  list_.source_hash = h.hex();
  return renumber;
}

}  // namespace galley::layout
