// Measures any block at a column width, and caches the result per flow so
// each block is set once per width within a layout pass.
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "blocks.h"

namespace galley::layout {

struct MeasureContext {
  TextSetter& ts;
  const std::vector<TocEntry>& toc;
  const std::map<std::string, resolve::ParaStyle>& styles;
};

// `height` is the column height: an image never grows taller than it.
MeasuredBlock measure_block(const resolve::Block& b, double width, double height,
                            const MeasureContext& ctx);

class FlowMeasure {
 public:
  FlowMeasure(const resolve::Flow& flow, const MeasureContext& ctx) : flow_(flow), ctx_(ctx) {}
  const MeasuredBlock& at(size_t block, double width, double height);
  // Drops the measurements of blocks a flow has left behind (long documents).
  void forget_before(size_t block);
  size_t size() const { return flow_.blocks.size(); }
  const resolve::Flow& flow() const { return flow_; }

 private:
  const resolve::Flow& flow_;
  const MeasureContext& ctx_;
  // Column sizes are keyed in hundredths of a point so equal columns share
  // a measurement; keys are integers, so iteration order is stable.
  std::map<std::tuple<size_t, long long, long long>, MeasuredBlock> cache_;
  size_t forgotten_ = 0;  // blocks before this one are forgotten
};

}  // namespace galley::layout
