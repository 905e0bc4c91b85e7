// Measures any block at a column width. Each flow's measurements go
// through one memo per layout pass, so each block is set once per column
// size; with workers, the blocks after the one the paginator asked for are
// measured ahead, on the other cores, at the same column size.
#pragma once
#include <atomic>
#include <future>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/figures.h"
#include "base/memo.h"
#include "layout/layout.h"
#include "toc_block.h"
#include "workers.h"

namespace galley::layout {

// What every measurement of a pass shares: the fonts and line-breaking
// mode, the TOC and styles; where what measuring reports goes; and the
// workers, if any.
struct MeasureContext {
  const text::FontBook& fonts;
  bool greedy = false;
  const std::vector<TocEntry>& toc;
  const std::map<std::string, resolve::ParaStyle>& styles;
  Diagnostics& diags;
  linebreak::Stats* stats = nullptr;
  Workers* workers = nullptr;
  bool record = false;  // a Figures is current: measurements record theirs
  const std::vector<resolve::Footnote>* notes = nullptr;  // StyledDoc::notes, by number - 1
  // Options::reuse and Options::record, for a pass that may use them.
  const FixedMeasures* reuse = nullptr;
  FixedMeasures* keep = nullptr;
};

// A block measured, with what measuring it reported: replayed when the
// paginator takes it, so diagnostics come in the same order whichever
// thread measured.
struct Measured {
  MeasuredBlock block;
  Diagnostics diags;
  linebreak::Stats stats;
  base::Figures figures;  // times and counts, added to the build's when taken
  size_t bytes() const;
};

// `height` is the column height: an image never grows taller than it.
// Reports into `ts`. The footnotes its slices reference are measured with
// it (MeasuredBlock::notes) when `ctx.notes` holds them.
MeasuredBlock measure_block(const resolve::Block& b, size_t index, double width, double height,
                            const MeasureContext& ctx, TextSetter& ts);

// The memo key of a flow's block at a column size, in hundredths of a
// point (equal columns share a measurement): within one pass the flow,
// fonts, TOC and styles are fixed, so these are the inputs that vary. Only
// an image or a chart reads the height; other blocks are keyed with height
// 0, so columns of one width and different heights share them.
std::string measure_key(size_t block, long long width, long long height);

// The key of a fixed block's measurement in FixedMeasures: the flow by
// name and the block by index within one document, with its id (layout
// makes a heading's from every heading's text, variable ones too), at a
// column size to the bit (across builds no rounding may join two sizes),
// in one breaking mode.
std::string fixed_measure_key(const std::string& flow, size_t block, const std::string& id, double width,
                              double height, bool greedy);

class FlowMeasure {
 public:
  FlowMeasure(const resolve::Flow& flow, const MeasureContext& ctx);
  // Owns the flow (a pass no other follows): forget_before() then also
  // frees the blocks the flow has left behind, so a long report's text is
  // not held beside all of its pages.
  FlowMeasure(resolve::Flow&& flow, const MeasureContext& ctx);
  ~FlowMeasure();  // waits for this flow's work ahead
  FlowMeasure(const FlowMeasure&) = delete;
  FlowMeasure& operator=(const FlowMeasure&) = delete;

  const MeasuredBlock& at(size_t block, double width, double height);
  // Drops the measurements of blocks the flow has left behind (long
  // documents), once no worker reads those blocks any more; an owned flow
  // lets go of its blocks before `block`, and of all of them from size() on.
  void forget_before(size_t block);
  // The flow, once the pass is over: an owned one is handed back (its
  // blocks from the last forget_before() on), a borrowed one copied.
  resolve::Flow release();
  size_t size() const { return flow_.blocks.size(); }
  const resolve::Flow& flow() const { return flow_; }

 private:
  using Key = std::tuple<size_t, long long, long long>;  // block, width and height in 0.01 pt
  Key key_of(size_t block, double width, double height) const;
  static std::string memo_key_of(const Key& k);
  std::shared_ptr<const Measured> measure(size_t block, double width, double height) const;
  // The FixedMeasures key of `block` at this size, or "" for a block that
  // is measured each time.
  std::string fixed_key(size_t block, double width, double height) const;
  void look_ahead(size_t block, double width, double height);

  std::optional<resolve::Flow> owned_;  // flow_ refers to it when set
  const resolve::Flow& flow_;
  const MeasureContext& ctx_;
  base::Memo<Measured> memo_;
  // Taken by the paginator (diagnostics replayed); integer keys, so
  // iteration order is stable.
  std::map<Key, std::shared_ptr<const Measured>> taken_;
  // Work handed to the workers: whether it has started, and when it is
  // done. A task not yet started is called off instead of waited for; it
  // then touches nothing but its state, which it shares (this flow may be
  // gone by the time a worker reaches it).
  enum class Task { Queued, Running, CalledOff };
  struct Ahead {
    std::shared_ptr<std::atomic<Task>> state;
    std::future<void> done;
    void settle();  // calls it off or waits for it
  };
  std::map<Key, Ahead> ahead_;
  std::atomic<size_t> floor_{0};  // a worker skips blocks before this one
  Key last_{static_cast<size_t>(-1), 0, 0};
};

}  // namespace galley::layout
