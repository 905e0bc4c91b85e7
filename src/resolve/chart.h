// Charts: series colours from the layout's palette, the label style, and
// the alternative text a chart reads as when the content gives none.
#pragma once
#include <memory>
#include <string>

#include "diag/diagnostic.h"
#include "model/layout.h"
#include "resolve/styled.h"

namespace galley::resolve {

// `c` with its colours: the swatches its `colors:` names (an unknown name
// is an error at it), else the layout's `chart-1`, `chart-2`... when it has
// them, else every colour of its `colors:` in the order written, leaving out
// those nearly as light as paper; a layout without colours gives a built-in
// CMYK set. With more series (a pie: slices) than colours, the colours are
// used again, lighter each round. `text` is the style of its labels.
std::shared_ptr<const Chart> resolve_chart(const model::Chart& c, const model::Layout& layout,
                                           const ParaStyle& text, Diagnostics& diags);

// What the chart shows, in one sentence: "Bar chart of Cases by Year,
// 2019–2024: 412 to 655."
std::string chart_summary(const Chart& c);

// A value as the chart's labels print it, in the language of its label
// style: `decimals` places (a tick's, from its step; -1: as few as show
// it) and the language's thousands separators, unless the chart's
// `format:` says otherwise (decimals, grouping, percent).
std::string chart_value(const Chart& c, double v, int decimals);

}  // namespace galley::resolve
