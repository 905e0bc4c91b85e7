// A glyph run as a text object: glyph ids in TJ arrays positioned against
// the /W widths, text rise for vertical offsets, letter-spacing as Tc, and
// /ActualText spans where the /ToUnicode map alone would not give back the
// source text: over clusters that do not round-trip, and over each word of a
// letter-spaced run.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "layout/page.h"
#include "content.h"
#include "tounicode.h"

namespace galley::pdf {

struct RunFont {
  std::string resource;                   // page resource name, e.g. "F1"
  std::function<int(uint32_t)> width;     // 1/1000 em, as in /W
  const GlyphTextMap* text = nullptr;
  // Tagged PDF: opens the marked content (with an MCID) of each piece of
  // the run, the glyphs between /ActualText spans or one span, whose text
  // `actual` then is; an EMC closes it. Marked content with an MCID may not
  // nest, and readers (poppler) lose the rest of a sequence after a nested
  // span, so the spans themselves carry the MCIDs. Null: plain /Span spans.
  // It appends the operator to `out`.
  std::function<void(std::string& out, const std::string* actual)> open_piece = nullptr;
  // The widths the fonts have learnt, by gid, -1 where not: read before
  // `width`, which every glyph would otherwise be a call through.
  const std::vector<int>* known_widths = nullptr;
};

// `q BT ... ET Q` for the run, appended to `out`; `color` is the fill
// colour operator.
void append_glyph_run_ops(std::string& out, const layout::GlyphRun& run, const Coords& at, const RunFont& font,
                          const std::string& color);

}  // namespace galley::pdf
