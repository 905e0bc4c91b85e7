// Optical margin alignment: how far a character may hang past the measure
// when it starts or ends a justified line, so the edge the eye sees is
// straight. A comma or hyphen at the end of a line is mostly white space;
// set flush, it dents the right edge.
#pragma once

namespace galley::linebreak {

// Fractions of the glyph's own advance, so bold or larger type hangs
// proportionally further.
struct Hang {
  float start = 0, end = 0;
};

Hang protrusion(char32_t c);

}  // namespace galley::linebreak
