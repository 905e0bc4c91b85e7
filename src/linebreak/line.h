// Lines: what linebreak/ hands to layout/. Each line is in visual order with
// glyph positions relative to the line's start (left edge of the measure,
// indent and alignment already applied) and its baseline.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/styled.h"
#include "text/shaped.h"

namespace galley::linebreak {

struct LineRun {
  int face = 0;              // FontBook index
  double size = 10;
  resolve::Shared<resolve::CharStyle> style;
  double x = 0;              // run origin from the line's left edge
  std::vector<text::Glyph> glyphs;        // positions relative to the run origin
  text::ClusterList clusters;             // source text of the glyphs
  std::string text;                       // the clusters' text (layout::GlyphRun::text)
  bool rtl = false;
  double width = 0;

  std::string_view text_of(const text::Cluster& c) const {
    return std::string_view(text).substr(c.text_begin, c.text_size);
  }
  double scale = 1;          // font expansion: horizontal scale of the glyphs
  int shaped_run = 0;        // the text::ShapedRun it was cut from
};

struct Line {
  std::vector<LineRun> runs;  // visual order
  double width = 0;           // the measure it was set to
  double natural = 0;         // natural width of its content
  double ascent = 0, descent = 0;
  double ratio = 0;           // glue set ratio: >0 stretched, <0 shrunk
  double scale = 1;           // font expansion of its glyphs (1: none)
  double gap = 0;             // justified: mean word space as set ÷ its natural width; 0: no space
  double overfull_by = 0;     // points the content sticks out past the measure
  bool justified = false;     // stretched/shrunk to the measure
  bool hyphenated = false;    // ends with an inserted hyphen
  bool overfull = false;
  bool last = false;          // last line of its paragraph
};

// Figures for `galley build --stats`, summed over paragraphs: what a reader
// sees of the justified lines' texture.
struct Stats {
  int lines = 0, justified = 0, hyphenated = 0, overfull = 0;
  int longest_hyphen_run = 0;
  std::vector<float> gaps;   // Line::gap of each justified line with a word space
  std::vector<float> steps;  // |change of gap| between consecutive such lines of a paragraph
  double max_expansion = 0;  // largest |scale - 1|
  void add(const Stats& other);
};

}  // namespace galley::linebreak
