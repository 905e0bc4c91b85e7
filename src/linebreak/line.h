// Lines: what linebreak/ hands to layout/. Each line is in visual order with
// glyph positions relative to the line's start (left edge of the measure,
// indent and alignment already applied) and its baseline.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"
#include "resolve/styled.h"

namespace galley::linebreak {

struct LineRun {
  int face = 0;              // FontBook index
  double size = 10;
  resolve::CharStyle style;
  double x = 0;              // run origin from the line's left edge
  std::vector<layout::Glyph> glyphs;      // positions relative to the run origin
  std::vector<layout::Cluster> clusters;  // source text of the glyphs
  std::string text;                       // the clusters' text (layout::GlyphRun::text)
  bool rtl = false;
  double width = 0;

  std::string_view text_of(const layout::Cluster& c) const {
    return std::string_view(text).substr(c.text_begin, c.text_size);
  }
};

struct Line {
  std::vector<LineRun> runs;  // visual order
  double width = 0;           // the measure it was set to
  double natural = 0;         // natural width of its content
  double ascent = 0, descent = 0;
  double ratio = 0;           // adjustment ratio: >0 stretched, <0 shrunk
  bool justified = false;     // stretched/shrunk to the measure
  bool hyphenated = false;    // ends with an inserted hyphen
  bool overfull = false;
  bool last = false;          // last line of its paragraph
};

// Figures for `galley build --stats`, summed over paragraphs.
struct Stats {
  int lines = 0, justified = 0, loose = 0, tight = 0, hyphenated = 0, overfull = 0;
  int longest_hyphen_run = 0;
  double sum_ratio = 0, max_stretch = 0, max_shrink = 0;  // over justified lines
  void add(const Stats& other);
};

}  // namespace galley::linebreak
