// Typed values shared by both descriptors. Every value remembers where it was
// written so later stages can report problems at the right place.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostic.h"

namespace galley::model {

// A length in points, or a percentage of the containing frame's width.
// `mm`, `cm`, `in` are converted to points by the loader.
struct Length {
  double value = 0;
  bool percent = false;
  SourceLoc loc;

  // Resolves against the containing width (only used when `percent`).
  double resolve(double containing) const {
    return percent ? containing * value / 100.0 : value;
  }
};

// A colour in the space it was written in; the PDF keeps that space.
struct Color {
  enum class Space { Gray, Rgb, Cmyk, Spot };
  Space space = Space::Gray;
  // Gray: v[0]; Rgb: v[0..2]; Cmyk and Spot alternate: v[0..3]; all 0..1.
  std::array<double, 4> v{0, 0, 0, 0};
  std::string spot_name;  // Spot only: the Separation colorant name.
  double tint = 1.0;      // Spot only.
  SourceLoc loc;

  static Color gray(double g) { Color c; c.v = {g, 0, 0, 0}; return c; }
  static Color black() { return gray(0); }
  static Color white() { return gray(1); }
};

// An image's `recolor` entry: a vector graphic's RGB colour (0xRRGGBB)
// printed as a palette colour. Content files name the swatch and resolve/
// looks it up; layout files are read with their palette at hand.
struct Recolor {
  uint32_t rgb = 0;
  std::string swatch;
  std::optional<Color> color;
  SourceLoc loc;
};

// A string as written in a descriptor: may hold inline markup and {{vars}}.
struct Text {
  std::string value;
  SourceLoc loc;
};

}  // namespace galley::model
