// Shaped runs: what text/ hands to linebreak/. A paragraph is itemised into
// runs of one bidi level, script, font and character style, each shaped by
// HarfBuzz once.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "resolve/styled.h"

namespace galley::text {

struct ShapedGlyph {
  uint32_t gid = 0;
  uint32_t cluster = 0;    // byte offset of the glyph's cluster in ShapedParagraph::text
  double advance = 0;      // points, tracking included
  double x_offset = 0, y_offset = 0;  // points, y up as in HarfBuzz
};

struct ShapedRun {
  int face = 0;            // index into FontBook
  double size = 10;
  resolve::CharStyle style;
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
  resolve::ParaStyle style;
  uint8_t base_level = 0;  // paragraph direction: 0 LTR, 1 RTL
  SourceLoc loc;
};

}  // namespace galley::text
