// Font fallback per grapheme cluster: a base letter and its marks always
// come from one face.
#pragma once
#include <cstdint>
#include <vector>

#include "code_points.h"
#include "font_book.h"

namespace galley::text {

struct FaceChoice {
  std::vector<int> face;        // per code point
  std::vector<uint32_t> missing;  // code point indices no chosen face has a glyph for
};

// For each cluster (starting where `starts` is true), the first face of its
// style's chain that has every code point that needs a glyph. Spaces and
// punctuation between clusters of one face stay in that face, so a run is
// not cut at every space. A cluster no face covers takes the face covering
// most of it (the chain's first on a tie), and its uncovered code points are
// reported in `missing`.
FaceChoice choose_faces(const CodePoints& text, const std::vector<bool>& starts,
                        const std::vector<uint32_t>& style_of, const std::vector<std::vector<int>>& chains,
                        const FontBook& fonts);

// Code points drawn without a glyph of their own: default ignorables (soft
// hyphen, ZWJ, variation selectors), controls and line/paragraph separators.
bool needs_glyph(char32_t cp);

// Whether `face` can draw `cp`; any space separator counts as drawable when
// the face has U+0020, as HarfBuzz substitutes a space of the right width.
bool covers(const FontBook& fonts, int face, char32_t cp);

}  // namespace galley::text
