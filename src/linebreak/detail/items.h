// From a shaped paragraph to Knuth–Plass items, each remembering which
// glyphs it stands for so the chosen lines can be rebuilt from the shaping.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "break.h"
#include "knuth_plass.h"

namespace galley::linebreak {

struct ItemSource {
  int run = -1;                  // ShapedRun index; -1: no glyphs (penalties, \parfillskip)
  uint32_t glyph_begin = 0, glyph_end = 0;  // box: its glyphs; glue: the space glyph
  uint32_t hyphen_gid = 0;       // penalty drawn as a hyphen when the line breaks there
  int hyphen_face = 0;
  double hyphen_size = 0;
};

struct Itemized {
  std::vector<Item> items;
  std::vector<ItemSource> sources;  // parallel to items
  size_t words = 0;                 // interword glue count + 1, for Options::greedy_above_words
  bool ragged = false;              // interword glue is rigid; lines stretch into the margin
  double expansion = 0;             // font expansion, each way (0 when ragged)
};

// Glue: a space's shaped advance, stretch 1/2 and shrink 1/3 of it when
// justified (TeX's Computer Modern proportions); rigid when ragged, where the
// per-line background stretch (Params::background_stretch) plays \rightskip.
// Hyphenation points are penalties flagged as Item::hyphenation; those in
// the paragraph's last word cost Options::last_word_hyphen_penalty. In a
// justified left-to-right paragraph with `protrusion`, boxes and hyphens
// carry their protrusion (linebreak/detail/protrusion.h).
Itemized itemize(const text::ShapedParagraph& para, const HyphenGlyphs& hyphen, const Options& opts);

// The ragged-margin stretch per line: TeX's \raggedright uses 2em.
double ragged_stretch(const text::ShapedParagraph& para);

}  // namespace galley::linebreak
