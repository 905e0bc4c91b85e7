#include "layout/measure.h"

#include <cmath>
#include <limits>

namespace galley::layout {

MeasuredBlock measure_block(const resolve::Block& b, double width, double height,
                            const MeasureContext& ctx) {
  using K = model::BlockKind;
  switch (b.kind) {
    case K::Title:
    case K::Heading:
    case K::Paragraph:
    case K::Quote:
    case K::Callout: return measure_text_block(b, width, ctx.ts);
    case K::List: return measure_list(b, width, ctx.ts);
    case K::Table: return measure_table(b, width, ctx.ts);
    case K::Image: return measure_image(b, width, height, ctx.ts);
    case K::Qr: return measure_qr(b, width, ctx.ts);
    case K::Chart: return measure_chart(b, width, height, ctx.ts);
    case K::Toc: return measure_toc(b, width, ctx.ts, ctx.toc, ctx.styles);
    case K::Break: {
      MeasuredBlock m;
      m.forced = b.break_kind;
      m.loc = b.loc;
      return m;
    }
  }
  return {};
}

const MeasuredBlock& FlowMeasure::at(size_t block, double width, double height) {
  const std::tuple<size_t, long long, long long> key{block, std::llround(width * 100),
                                                     std::llround(height * 100)};
  auto it = cache_.find(key);
  if (it == cache_.end())
    it = cache_.emplace(key, measure_block(flow_.blocks[block], width, height, ctx_)).first;
  return it->second;
}

}  // namespace galley::layout

namespace galley::layout {

void FlowMeasure::forget_before(size_t block) {
  cache_.erase(cache_.begin(), cache_.lower_bound({block, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::min()}));
  for (; forgotten_ < block && forgotten_ < flow_.blocks.size(); ++forgotten_)
    ctx_.ts.forget(flow_.blocks[forgotten_]);
}

}  // namespace galley::layout
