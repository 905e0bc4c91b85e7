// `chart:` blocks: their keys, their data file, and every value they plot,
// each problem at its key or at the data file's cell.
#pragma once
#include <memory>

#include "yaml_tree.h"

#include "reader.h"
#include "model/chart.h"

namespace galley::load {

// How many categories (bars, points, slices) a chart draws at most: past
// these a chart is unreadable on a page, and its labels cost time.
inline constexpr size_t kMaxBarCategories = 1'000;
inline constexpr size_t kMaxLinePoints = 10'000;
inline constexpr size_t kMaxPieSlices = 100;

// The chart `n` describes; null when it names no readable data.
std::shared_ptr<const model::Chart> load_chart(Reader& r, const Node& n);

}  // namespace galley::load
