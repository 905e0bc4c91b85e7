// Itemisation and shaping of one paragraph.
#pragma once
#include "diag/diagnostic.h"
#include "text/font_book.h"
#include "text/shaped.h"

namespace galley::text {

// Itemises `para` (bidi level, script, font by per-cluster fallback, character
// style) and shapes every run with HarfBuzz. A character no font has is a
// warning at the paragraph's location and is drawn as .notdef.
ShapedParagraph shape(const resolve::Paragraph& para, const FontBook& fonts, Diagnostics& diags);

// Characters without a glyph, counted over every shape() call (for --stats).
int missing_glyph_count();

}  // namespace galley::text
