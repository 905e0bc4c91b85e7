#include "detail/protrusion.h"

namespace galley::linebreak {

// Amounts in the range pdfTeX's microtype and Typst use, judged on Noto
// Serif: small marks (full stop, comma) hang most of their width, the hyphen
// half, dashes a little, as they are wide and mostly ink; quotes hang on the
// side where they are light. Letters stay flush: their side bearings are
// small and a per-font table would be needed to do better than nothing.
Hang protrusion(char32_t c) {
  switch (c) {
    case U'.':
    case U',':
    case 0x3001:  // ideographic comma
    case 0x3002:  // ideographic full stop
      return {0, 0.7f};
    case 0x060C:  // Arabic comma
    case 0x06D4:  // Arabic full stop
      return {0, 0.4f};
    case U':':
    case U';':
      return {0, 0.4f};
    case U'!':
    case U'?':
      return {0, 0.2f};
    case U'-':
    case 0x00AD:  // soft hyphen, drawn as a hyphen
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      return {0.3f, 0.5f};
    case 0x2013:  // en dash
      return {0.2f, 0.3f};
    case 0x2014:  // em dash
      return {0.1f, 0.2f};
    case U'\'':
    case U'"':
    case 0x2018:  // ‘
    case 0x201C:  // “
    case 0x201A:  // ‚
    case 0x201E:  // „
      return {0.6f, 0.5f};
    case 0x2019:  // ’
    case 0x201D:  // ”
      return {0.5f, 0.6f};
    case 0x00AB:  // «
    case 0x00BB:  // »
      return {0.3f, 0.3f};
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return {0.4f, 0.4f};
    case U'(':
    case U'[':
      return {0.1f, 0};
    case U')':
    case U']':
      return {0, 0.1f};
    default:
      return {};
  }
}

}  // namespace galley::linebreak
