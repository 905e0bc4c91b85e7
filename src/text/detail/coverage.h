// What `galley fonts` prints: every family and face of a font book, with its
// file, glyph count and the Unicode scripts its cmap covers.
#pragma once
#include <string>

#include "font_book.h"

namespace galley::text {

// One block per family, faces in book order; per face the PostScript name,
// file, glyph count, embedding permission, and the scripts with at least
// ten code points in the cmap (most code points first, then by name); then
// the fallback order.
// Deterministic. Uses FreeType faces: call from one thread.
std::string describe(const FontBook& fonts);

}  // namespace galley::text
