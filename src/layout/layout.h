// layout/: threads the styled flows through the frames of the master pages
// and produces the display list.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "linebreak/line.h"
#include "model/layout.h"
#include "resolve/styled.h"
#include "text/font_book.h"

namespace galley::layout {

struct Options {
  bool greedy = false;               // greedy line breaking (stats comparison)
  linebreak::Stats* stats = nullptr; // filled when not null
};

std::optional<DisplayList> lay_out(const resolve::StyledDoc& doc, const model::Layout& layout,
                                   const text::FontBook& fonts, const Options& opts,
                                   Diagnostics& diags);

// The display list as JSON (`galley build --dump-layout`): stable key order,
// numbers rounded to 0.01 pt.
std::string to_json(const DisplayList& list);

}  // namespace galley::layout
