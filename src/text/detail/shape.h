// Itemisation and shaping of one paragraph.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "font_book.h"
#include "text/shaped.h"

namespace galley::text {

// Itemises `para` (bidi level, script, font by per-cluster fallback, character
// style) and shapes every run with HarfBuzz. A character no font has is
// drawn as .notdef (gid 0), never dropped, and counted; it is not reported
// here but by preflight (print/), which knows the page it lands on.
//
// Clusters are HarfBuzz's monotone graphemes: a base and its marks, or the
// letters of a ligature, share one cluster. Soft hyphens, U+2028 and control
// characters stay in the text and keep a glyph for their cluster, but it is
// the face's space glyph with zero advance: invisible, so the line breaker
// can use them and the PDF draws nothing. U+00A0 is a normal space glyph.
// Tracking is added once per cluster; kern and liga are on by default.
// Thread-safe: the FontBook is only read; buffers are per thread.
//
// An inline image's run (CharStyle::image, one U+FFFC) is not shaped: it is
// one glyph (gid 0, never drawn as a glyph) as wide as the image is at the
// run's cap height, `aspect(path)` giving width ÷ height (0 when unknown:
// square). Paragraphs with images are not kept in the shaping memo, since
// the file may change under the same name.
using ImageAspect = std::function<double(const std::string& path)>;
ShapedParagraph shape(const resolve::Paragraph& para, const FontBook& fonts, Diagnostics& diags,
                      const ImageAspect& aspect = {});

// Shapes a word set in `style` with `face`, for what HarfBuzz builds on a
// face's first shaping and keeps on it for every later one: the face's
// GSUB and GPOS lookups made ready (Noto Serif's: 0.85 M instructions
// each), its GDEF, cmap and metrics tables, and the shape plan for the
// style's language and features. Run on an idle core before layout, it
// takes that work off the paginator's. Changes no result: the face only
// caches what it would build anyway, whichever thread builds it first.
// Thread-safe like shape(); `face` must outlive the call.
void prepare_shaping(hb_font_t* face, const resolve::ParaStyle& style);

// The count (base/figures.h) of characters shape() drew as .notdef, for --stats.
inline constexpr std::string_view kMissingGlyphs = "characters without glyph";

}  // namespace galley::text
