#include "detail/measure.h"

#include <cmath>
#include <limits>
#include <set>

#include "detail/structure.h"

#include "detail/chart_block.h"
#include "detail/image_block.h"
#include "detail/list_block.h"
#include "detail/paragraph_block.h"
#include "detail/qr_block.h"
#include "detail/table_block.h"

namespace galley::layout {

namespace {

// Blocks measured ahead of the paginator, per flow: enough to keep the
// workers busy through a page or two, few enough that memory stays flat.
constexpr size_t kAhead = 24;
// Measurements a flow holds ahead of its cursor; past it the memo drops
// what is finished, and a dropped block is merely measured again.
constexpr size_t kBudgetBytes = size_t{64} << 20;

size_t item_bytes(const Item& item) {
  size_t n = sizeof item;
  if (const auto* run = std::get_if<GlyphRun>(&item))
    n += run->glyphs.size() * sizeof(Glyph) + run->clusters.bytes() + run->text.size();
  else if (const auto* path = std::get_if<Path>(&item))
    n += path->ops.size() * sizeof(Path::Op);
  return n;
}

MeasuredBlock measure_kind(const resolve::Block& b, double width, double height,
                           const MeasureContext& ctx, TextSetter& ts) {
  using K = model::BlockKind;
  switch (b.kind) {
    case K::Title:
    case K::Heading:
    case K::Paragraph:
    case K::Quote:
    case K::Callout: return measure_text_block(b, width, ts);
    case K::List: return measure_list(b, width, ts);
    case K::Table: return measure_table(b, width, ts);
    case K::Image: return measure_image(b, width, height, ts);
    case K::Qr: return measure_qr(b, width, ts);
    case K::Chart: return measure_chart(b, width, height, ts);
    case K::Toc: return measure_toc(b, width, ts, ctx.toc, ctx.styles);
    case K::Break: {
      MeasuredBlock m;
      m.forced = b.break_kind;
      m.loc = b.loc;
      return m;
    }
  }
  return {};
}

// The footnotes the slices of `m` reference, set at `width` under a Note
// node inside the node of the line that references them. A reference drawn
// outside any slice's lines (a caption) goes with the block's last slice.
void measure_notes(MeasuredBlock& m, size_t block, double width, const std::vector<resolve::Footnote>& notes,
                   TextSetter& ts) {
  std::vector<int> rest = ts.take_notes();
  if (m.slices.empty()) return;
  Slice& last = m.slices.back();
  last.notes.insert(last.notes.end(), rest.begin(), rest.end());
  std::set<int> done;
  for (Slice& s : m.slices) {
    s.first_note = m.notes.size();
    std::vector<int> kept;
    for (int n : s.notes) {
      if (n <= 0 || static_cast<size_t>(n) > notes.size() || !done.insert(n).second) continue;
      kept.push_back(n);
      int parent = -1;
      for (const Item& it : s.items)
        if (const auto* mark = std::get_if<Mark>(&it); mark && mark->element >= 0) {
          parent = static_cast<int>(mark->element);
          break;
        }
      const resolve::Paragraph& para = notes[static_cast<size_t>(n) - 1].para;
      auto lines = std::make_shared<NoteLines>();
      lines->note = n;
      lines->block = block;
      append_lines(para, width, 0, para.style->space_before, 1, ts, lines->lines);
      if (!m.structure.empty()) {
        const int node = add_node(m, "Note", parent, para.loc);
        m.structure[static_cast<size_t>(node)].lang = para.style->language;
        mark_slices(lines->lines, 0, node);
      }
      m.notes.push_back(std::move(lines));
    }
    s.notes = std::move(kept);
  }
}

// An image never grows taller than its column, nor a chart; other blocks
// are measured alike in columns of one width.
bool reads_height(const resolve::Block& b) {
  return b.kind == model::BlockKind::Image || b.kind == model::BlockKind::Chart;
}

}  // namespace

MeasuredBlock measure_block(const resolve::Block& b, size_t index, double width, double height,
                            const MeasureContext& ctx, TextSetter& ts) {
  MeasuredBlock m = measure_kind(b, width, height, ctx, ts);
  if (b.kind == model::BlockKind::Toc) ts.take_notes();  // its entries repeat headings; their notes are theirs
  if (ctx.notes) measure_notes(m, index, width, *ctx.notes, ts);
  return m;
}

size_t Measured::bytes() const {
  size_t n = sizeof *this;
  for (const auto* slices : {&block.slices, &block.repeat_head})
    for (const Slice& s : *slices) {
      n += sizeof s;
      for (const Item& it : s.items) n += item_bytes(it);
    }
  for (const auto& note : block.notes)
    for (const Slice& s : note->lines) {
      n += sizeof s;
      for (const Item& it : s.items) n += item_bytes(it);
    }
  return n;
}

std::string measure_key(size_t block, long long width, long long height) {
  return base::memo_key("measure", block, width, height);
}

std::string fixed_measure_key(const std::string& flow, size_t block, const std::string& id, double width,
                              double height, bool greedy) {
  return base::memo_key("fixed measure", flow, block, id, width, height, greedy ? 1 : 0);
}

std::string FlowMeasure::fixed_key(size_t block, double width, double height) const {
  if (!ctx_.reuse && !ctx_.keep) return {};
  const resolve::Block& b = flow_.blocks[block];
  // A table of contents reads the pass's page numbers, not only its block.
  // A heading's id is made by layout from every heading's text: keyed.
  if (!b.fixed || b.kind == model::BlockKind::Toc) return {};
  return fixed_measure_key(flow_.name, block, b.id, width, reads_height(b) ? height : 0, ctx_.greedy);
}

FlowMeasure::Key FlowMeasure::key_of(size_t block, double width, double height) const {
  const bool tall = reads_height(flow_.blocks[block]);
  return {block, std::llround(width * 100), tall ? std::llround(height * 100) : 0};
}

std::string FlowMeasure::memo_key_of(const Key& k) {
  return measure_key(std::get<0>(k), std::get<1>(k), std::get<2>(k));
}

FlowMeasure::FlowMeasure(const resolve::Flow& flow, const MeasureContext& ctx)
    : flow_(flow), ctx_(ctx), memo_(kBudgetBytes) {}

FlowMeasure::FlowMeasure(resolve::Flow&& flow, const MeasureContext& ctx)
    : owned_(std::move(flow)), flow_(*owned_), ctx_(ctx), memo_(kBudgetBytes) {}

FlowMeasure::~FlowMeasure() { forget_before(std::numeric_limits<size_t>::max()); }

std::shared_ptr<const Measured> FlowMeasure::measure(size_t block, double width, double height) const {
  if (ctx_.reuse)
    if (const std::string key = fixed_key(block, width, height); !key.empty())
      if (auto it = ctx_.reuse->by_key.find(key); it != ctx_.reuse->by_key.end()) return it->second;
  auto m = std::make_shared<Measured>();
  // A setter per measurement: its shaping of the block's paragraphs is
  // scratch, and no two threads share one.
  // Whatever thread measures records into the measurement, not the build.
  base::FiguresScope recording(ctx_.record ? &m->figures : nullptr);
  TextSetter ts(ctx_.fonts, ctx_.greedy, m->diags);
  m->block = measure_block(flow_.blocks[block], block, width, height, ctx_, ts);
  m->stats = ts.stats();
  // Kept here, where the exact size is known (the pass's memo joins sizes
  // a hundredth of a point apart); workers measure too, hence the lock.
  if (ctx_.keep)
    if (std::string key = fixed_key(block, width, height); !key.empty()) {
      const size_t bytes = m->bytes();
      std::lock_guard lock(ctx_.keep->mutex);
      if (ctx_.keep->bytes + bytes <= FixedMeasures::kBudget && ctx_.keep->by_key.emplace(std::move(key), m).second)
        ctx_.keep->bytes += bytes;
    }
  return m;
}

const MeasuredBlock& FlowMeasure::at(size_t block, double width, double height) {
  if (owned_) owned_->resolve_through(block, ctx_.diags);
  const Key key = key_of(block, width, height);
  auto it = taken_.find(key);
  if (it != taken_.end()) return it->second->block;
  auto m = memo_.get(memo_key_of(key), [&] { return measure(block, width, height); });
  ctx_.diags.append(m->diags);
  if (ctx_.stats) ctx_.stats->add(m->stats);
  if (base::Figures* build = base::current_figures()) build->absorb(m->figures);
  it = taken_.emplace(key, std::move(m)).first;
  // Two blocks in a row at one column size: the measure of the flow is
  // known, and the blocks after it are very likely set at it too.
  const bool known = std::get<1>(last_) == std::get<1>(key) && std::get<2>(last_) == std::get<2>(key) &&
                     std::get<0>(last_) + 1 == block;
  last_ = key;
  if (known && ctx_.workers && ctx_.workers->size() > 0) look_ahead(block, width, height);
  return it->second->block;
}

void FlowMeasure::look_ahead(size_t block, double width, double height) {
  const size_t end = std::min(flow_.blocks.size(), block + 1 + kAhead);
  // Here, before any worker reads them: the workers never see a block change.
  if (owned_ && end > 0) owned_->resolve_through(end - 1, ctx_.diags);
  for (size_t j = block + 1; j < end; ++j) {
    const Key key = key_of(j, width, height);
    if (taken_.count(key) || ahead_.count(key)) continue;
    auto state = std::make_shared<std::atomic<Task>>(Task::Queued);
    std::future<void> done = ctx_.workers->submit([this, key, width, height, state] {
      Task queued = Task::Queued;
      if (!state->compare_exchange_strong(queued, Task::Running, std::memory_order_acq_rel)) return;
      const size_t j = std::get<0>(key);
      if (j < floor_.load(std::memory_order_acquire)) return;  // left behind meanwhile
      memo_.get(memo_key_of(key), [&] { return measure(j, width, height); });
    });
    ahead_.emplace(key, Ahead{std::move(state), std::move(done)});
  }
}

// The paginator has passed the block: waiting for a task still queued
// would wait for whatever the worker measures first, maybe a long block
// further on (18 ms of a 4-page brochure's main thread, under load).
void FlowMeasure::Ahead::settle() {
  Task seen = Task::Queued;
  if (state->compare_exchange_strong(seen, Task::CalledOff, std::memory_order_acq_rel) || seen == Task::CalledOff)
    return;
  done.wait();
}

void FlowMeasure::forget_before(size_t block) {
  floor_.store(block, std::memory_order_release);
  const Key end{block, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::min()};
  for (auto it = ahead_.begin(); it != ahead_.end() && it->first < end; it = ahead_.erase(it)) {
    it->second.settle();
    memo_.drop(memo_key_of(it->first));
  }
  for (auto it = taken_.begin(); it != taken_.end() && it->first < end; it = taken_.erase(it))
    memo_.drop(memo_key_of(it->first));
  if (!owned_) return;
  // A finished flow is read no more, not even the breaks after its last
  // placed block.
  if (block >= owned_->blocks.size()) owned_->blocks = {}, owned_->pending.clear();
  else owned_->blocks.drop_before(block);
}

resolve::Flow FlowMeasure::release() {
  for (auto& [key, task] : ahead_) task.settle();
  if (!owned_) return flow_;
  resolve::Flow flow = std::move(*owned_);
  owned_.reset();
  return flow;
}

}  // namespace galley::layout
