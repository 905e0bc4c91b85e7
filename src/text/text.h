// text/'s contract: what later stages may use of shaping. The font book
// (families, faces, fallback) is made once per layout; shape() turns a
// resolved paragraph into a ShapedParagraph (text/shaped.h, the hand-off to
// linebreak/). Everything else in text/ is detail/.
#pragma once
#include "detail/code_points.h"  // CodePoints: a paragraph's code points with UTF-8/UTF-16 offsets
#include "detail/coverage.h"     // describe(): what `galley fonts` prints
#include "detail/font_book.h"    // FontBook
#include "detail/font_file.h"    // font_file(): one mapping of each font file, shared with pdf/ and print/
#include "detail/graphemes.h"    // grapheme_starts(): linebreak/ breaks a word too wide for its cell between them
#include "detail/icu_data.h"     // install_compact_icu_data(): the executables' main, before ICU is used
#include "detail/shape.h"        // shape()
#include "text/shaped.h"
