// SVG geometry as PDF path operators, for image/'s own SVG reader
// (svg_native.cpp). Strict as svg_values.h: what does not parse is nullopt.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley::image::detail {

// Path data as PDF path operators (m, l, c, h), in the element's user
// space. nullopt at the first byte that does not parse (librsvg then draws
// the part before it, as SVG says), or once the operators pass `max_bytes`
// (an arc is up to four curves: 14 bytes of data can make 250).
std::optional<std::string> path_operators(std::string_view d, size_t max_bytes);
// The basic shapes, as SVG defines them by path equivalents.
std::string rect_operators(double x, double y, double w, double h, double rx, double ry);
std::string ellipse_operators(double cx, double cy, double rx, double ry);
// Points given as a list of numbers (an even count); `close` for a polygon.
std::optional<std::string> poly_operators(std::string_view points, bool close);

}  // namespace galley::image::detail
