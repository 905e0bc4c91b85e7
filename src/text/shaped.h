// Shaped runs: what text/ hands to linebreak/. A paragraph is itemised into
// runs of one bidi level, script, font and character style, each shaped by
// HarfBuzz once.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "resolve/styled.h"
#include "text/cluster_list.h"

namespace galley::text {

// Set glyphs, as lines (linebreak/line.h) and the display list
// (layout/page.h) hold them.

// Positions are floats: relative to the run origin they stay under a few
// hundred points, where a float resolves 1/10000 pt (the PDF's precision),
// and half the size lets a 1,000-page report stay under 200 MB.
struct Glyph {
  uint32_t gid = 0;
  float x = 0, y = 0;  // pen position of this glyph, relative to the run origin
  float advance = 0;   // points
};

struct ShapedGlyph {
  uint32_t gid = 0;
  uint32_t cluster = 0;    // byte offset of the glyph's cluster in ShapedParagraph::text
  double advance = 0;      // points, tracking included
  double x_offset = 0, y_offset = 0;  // points, y up as in HarfBuzz
};

struct ShapedRun {
  int face = 0;            // index into FontBook
  double size = 10;
  resolve::Shared<resolve::CharStyle> style;
  uint8_t bidi_level = 0;  // odd = right to left
  uint32_t text_begin = 0, text_end = 0;  // byte range in ShapedParagraph::text
  // In logical order (HarfBuzz's RTL output is reversed back), so the line
  // breaker can walk text and glyphs together.
  std::vector<ShapedGlyph> glyphs;
  double ascent = 0, descent = 0;  // points, descent positive
};

struct ShapedParagraph {
  std::string text;        // all runs' text, UTF-8, logical order
  std::vector<ShapedRun> runs;
  resolve::Shared<resolve::ParaStyle> style;
  uint8_t base_level = 0;  // paragraph direction: 0 LTR, 1 RTL
  SourceLoc loc;
  // The shape memo's key (text/detail/shape_cache.h): every input of the
  // glyphs, so equal keys mean equal text, runs and glyphs, and line
  // breaking can key its own memo on it. Empty when the paragraph was not
  // keyed (too long, or with inline images).
  std::string memo_key;
};

}  // namespace galley::text
