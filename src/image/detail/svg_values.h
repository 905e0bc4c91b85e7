// SVG attribute values for image/'s own SVG reader (svg_native.cpp):
// numbers, lengths, colours, transforms, and PDF numbers and colours out.
// Every parser here is strict: a value it cannot read exactly is nullopt,
// and the reader then leaves the whole document to librsvg, so nothing is
// drawn from a guess.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::image::detail {

// An affine transform, PDF's order: x' = a x + c y + e, y' = b x + d y + f.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // This transform applied after `inner`: (this × inner)(p) = this(inner(p)).
  Matrix times(const Matrix& inner) const;
  bool identity() const { return a == 1 && b == 0 && c == 0 && d == 1 && e == 0 && f == 0; }
  // Finite and invertible: what a PDF `cm` may safely be given.
  bool usable() const;
};

// A PDF number: no exponent, at most six decimals, no trailing zeros.
void append_number(std::string& out, double v);

// A DeviceRGB colour operator (`rg`, or `RG` for a stroke) and a newline.
void append_color(std::string& out, uint32_t rgb, bool stroke);

// Reads numbers, commas and white space the way SVG's microsyntaxes do
// ("1.5.5" is 1.5 and .5; "-1-2" is -1 and -2).
class NumberReader {
 public:
  explicit NumberReader(std::string_view text) : s_(text) {}
  void skip_space();
  void skip_separator();  // white space, at most one comma, white space
  bool at_end();
  std::optional<double> number();
  std::optional<bool> flag();  // an arc flag: one '0' or '1' character
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  char take() { return i_ < s_.size() ? s_[i_++] : '\0'; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// A colour as a fill or stroke is given one.
struct SvgPaint {
  enum class Kind { None, Rgb, CurrentColor } kind = Kind::None;
  uint32_t rgb = 0;  // 0xRRGGBB
};
// #rgb, #rrggbb, rgb(r, g, b) in integers or percentages, the 147 CSS
// colour names, none, currentColor.
std::optional<SvgPaint> parse_paint(std::string_view text);

// A length in user units (CSS px): a number with no unit, px, pt, pc, mm,
// cm or in. Percentages and font-relative units are not read.
std::optional<double> parse_length(std::string_view text);
// A list of lengths, or of plain numbers, separated by commas and/or white
// space.
std::optional<std::vector<double>> parse_length_list(std::string_view text);
std::optional<std::vector<double>> parse_number_list(std::string_view text);
// A transform list: matrix, translate, scale, rotate, skewX, skewY.
std::optional<Matrix> parse_transform(std::string_view text);

}  // namespace galley::image::detail
