// Page content operators for the display list's graphics: numbers, colours
// in their own space, rectangles (rounded too) and paths. Pure text, so it
// is tested without libharu.
#pragma once
#include <string>

#include "layout/page.h"

namespace galley::pdf {

// Control-point distance for a quarter circle drawn with one cubic Bézier.
inline constexpr double kKappa = 0.5522847498;

// At most 4 decimals, no trailing zeros, never "-0": the same value always
// prints the same way.
std::string num(double v);
// The same, appended to `out` (content streams are built by appending).
void append_num(std::string& out, double v);
// Room for a number: at most 14 characters ("-10000000.0000"), and
// to_chars is given 16 past a sign.
inline constexpr int kNumChars = 24;
// The same, written at `p`, which has kNumChars bytes free; returns the end.
char* write_num(char* p, double v);
// write_num(p, hundredths / 100.0) for |hundredths| <= 1e9, from the
// integer: TJ adjustments are rounded to hundredths already, and a glyph
// run writes one per kerned glyph.
char* write_hundredths(char* p, long long hundredths);

// Display-list coordinates (trim origin, y down) to PDF user space (media
// origin, y up).
struct Coords {
  double media_x = 0, media_bottom = 0;  // media.x, media.y + media.h
  static Coords of(const layout::Page& page) {
    return Coords{page.media.x, page.media.y + page.media.h};
  }
  double x(double v) const { return v - media_x; }
  double y(double v) const { return media_bottom - v; }
};

// `g`/`G`, `rg`/`RG`, `k`/`K`, or `/CS scn` for a spot colour whose
// Separation space is the page resource `spot_resource`.
std::string color_op(const model::Color& c, bool stroke, const std::string& spot_resource = "");
// The same, appended to `out`.
void append_color_op(std::string& out, const model::Color& c, bool stroke,
                     const std::string& spot_resource = "");

// Path construction for a rectangle (Bézier corners when radius > 0).
std::string rect_path(const Coords& at, double x, double y, double w, double h, double radius);
// The same, appended to `out`: a page of QR code modules or table cells
// draws hundreds, and each string made costs allocations.
void append_rect_path(std::string& out, const Coords& at, double x, double y, double w, double h, double radius);
std::string path_ops(const Coords& at, const layout::Path& path);
// The painting operator: f, S, B, or n when neither.
std::string paint_op(bool fill, bool stroke);

// Opens a marked-content sequence whose alternate description is `alt`
// (`/Span << /Alt ... >> BDC`; PDF 32000-1 §14.9.3 gives Alt to marked
// content through a Span tag); the drawing that follows ends with `EMC`.
std::string alt_begin(const std::string& alt);

// The Separation colour space of a spot colour (CMYK alternate through a
// type 2 function), and the registration space /All used for marks.
struct Separation {
  std::string colorant;
  double c = 0, m = 0, y = 0, k = 0;  // alternate at full tint
};
Separation separation_of(const model::Color& spot);
Separation registration();

}  // namespace galley::pdf
