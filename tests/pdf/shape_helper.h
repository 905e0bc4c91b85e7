// Display-list glyph runs shaped with HarfBuzz directly, so pdf/ tests do
// not depend on the text stage.
#pragma once
#include <string>

#include "layout/page.h"

namespace galley::testpdf {

std::string font_path(const std::string& file);  // fonts/<file> in the source tree

// Shapes `utf8` with the font file at `size` points; glyphs in visual order
// with clusters in logical order, like the layout stage produces.
layout::GlyphRun shape(const std::string& utf8, const std::string& font_file, double size,
                       int font_index, double x, double y);

// A one-page letter display list (0.125in bleed, 0.5in slug).
layout::DisplayList letter_page();

}  // namespace galley::testpdf
