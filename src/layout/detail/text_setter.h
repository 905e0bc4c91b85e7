// Sets paragraphs for layout: shapes each paragraph once, breaks it at a
// measure, and draws lines as glyph runs and link areas.
//
// Line model (applies to every block): each line is a slice one `leading`
// tall; its baseline sits at top + (leading - (A + D)) / 2 + A, where A and D
// are the ascender and descender of the style's own face at its size (the
// CSS half-leading model). Baselines are therefore exactly `leading` apart
// and independent of fallback fonts in a line.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/layout.h"
#include "linebreak/line.h"
#include "resolve/styled.h"
#include "text/text.h"
#include "text/shaped.h"

namespace galley::layout {

class TextSetter {
 public:
  // Shaping and breaking are timed, and the lines' quality measured, for
  // the Figures (base/figures.h) current when the setter is made.
  TextSetter(const text::FontBook& fonts, bool greedy, Diagnostics& diags);

  // `para` must outlive the setter: its shaping is kept by address for the
  // setter's life, one block's measurement (measure.h); shaping itself
  // goes through text/'s memo.
  const text::ShapedParagraph& shaped(const resolve::Paragraph& para);
  std::vector<linebreak::Line> lines(const resolve::Paragraph& para, double width);

  // A paragraph made from a source object (a list item's body, a marker),
  // built once per (source, tag) and kept alive so its shaping is cached.
  const resolve::Paragraph& derived(const void* source, int tag,
                                    const std::function<resolve::Paragraph()>& make);

  double baseline(const resolve::ParaStyle& style) const;  // from the line top
  double ascent(const resolve::ParaStyle& style) const;
  double descent(const resolve::ParaStyle& style) const;

  // Whether `para` set at `width` has no overfull line (no diagnostics).
  bool fits(const resolve::Paragraph& para, double width);

  // Natural width on one line, and the widest word (tables).
  double natural_width(const resolve::Paragraph& para);
  double widest_word(const resolve::Paragraph& para);

  // Glyph runs, link areas and strikethrough lines of `line` with its left edge at x and its
  // baseline at y. Glyph runs carry FontBook face indices in GlyphRun::font.
  // A caller done with the line moves it in: its glyphs then move too.
  // The footnotes it references are kept until taken (take_notes()).
  void draw(linebreak::Line line, const SourceLoc& loc, double x, double y,
            std::vector<Item>& items, std::vector<Link>& links) const;

  // The footnotes (resolve::CharStyle::note) drawn since the last take, in
  // order: the slice that drew them takes them (Slice::notes); give_back()
  // returns them for the slice of a caller that draws in several steps.
  std::vector<int> take_notes() { return std::exchange(notes_, {}); }
  void give_back(const std::vector<int>& notes) { notes_.insert(notes_.end(), notes.begin(), notes.end()); }

  const text::FontBook& fonts() const { return fonts_; }
  // The quality of every line set so far, when measured.
  const linebreak::Stats& stats() const { return stats_; }
  Diagnostics& diags() { return diags_; }

 private:
  Rect strike_line(const linebreak::LineRun& r, double x, double y) const;
  std::optional<Image> inline_image(const linebreak::LineRun& r, const SourceLoc& loc, double x, double y) const;

  const text::FontBook& fonts_;
  bool greedy_;
  Diagnostics& diags_;
  bool measure_;
  linebreak::Stats stats_;
  // Lookup only, never iterated: pointer order does not reach the output.
  std::map<const resolve::Paragraph*, text::ShapedParagraph> shaped_;
  std::map<std::pair<const void*, int>, std::unique_ptr<resolve::Paragraph>> derived_;
  mutable std::vector<int> notes_;  // drawn, not yet taken
};

// A one-run paragraph in the style's own character style (list markers,
// TOC page numbers).
resolve::Paragraph plain_paragraph(const std::string& text, const resolve::ParaStyle& style,
                                   const SourceLoc& loc);

}  // namespace galley::layout
