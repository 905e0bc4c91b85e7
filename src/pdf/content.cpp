#include "detail/content.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "detail/unicode.h"

namespace galley::pdf {
namespace {

double unit(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

}  // namespace

void append_num(std::string& out, double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -1e7, 1e7);
  char buf[32];
  // The value in ten-thousandths, rounded as an integer. The product is off
  // by at most 1.2e-5 (|scaled| <= 1e11), so a fraction further than 1e-4
  // from a half rounds as the exact value does; nearer, to_chars decides: it
  // rounds the exact value (ties to even) like printf's %.4f. Content
  // streams hold a number or two per glyph.
  const double scaled = v * 10000.0;
  const auto whole = static_cast<long long>(scaled);  // toward zero
  const double frac = scaled - static_cast<double>(whole);
  if (std::abs(std::abs(frac) - 0.5) < 1e-4) {
    const char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 4).ptr;
    while (end[-1] == '0') --end;  // the fixed format always has a '.' before its zeros
    if (end[-1] == '.') --end;
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
      out += '0';
      return;
    }
    out.append(buf, static_cast<size_t>(end - buf));
    return;
  }
  const long long q = whole + (frac > 0.5) - (frac < -0.5);
  if (q == 0) {
    out += '0';  // never "-0"
    return;
  }
  if (q < 0) out += '-';
  const unsigned long long a = q < 0 ? 0ull - static_cast<unsigned long long>(q) : static_cast<unsigned long long>(q);
  out.append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, a / 10000).ptr - buf));
  unsigned digits = static_cast<unsigned>(a % 10000);
  if (digits == 0) return;
  int n = 4;
  while (digits % 10 == 0) digits /= 10, --n;  // no trailing zeros
  char* p = buf + n;
  for (int i = 0; i < n; ++i, digits /= 10) *--p = static_cast<char>('0' + digits % 10);
  out += '.';
  out.append(buf, static_cast<size_t>(n));
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

std::string color_op(const model::Color& c, bool stroke, const std::string& spot_resource) {
  using Space = model::Color::Space;
  switch (c.space) {
    case Space::Gray:
      return num(unit(c.v[0])) + (stroke ? " G\n" : " g\n");
    case Space::Rgb:
      return num(unit(c.v[0])) + " " + num(unit(c.v[1])) + " " + num(unit(c.v[2])) +
             (stroke ? " RG\n" : " rg\n");
    case Space::Cmyk:
      return num(unit(c.v[0])) + " " + num(unit(c.v[1])) + " " + num(unit(c.v[2])) + " " +
             num(unit(c.v[3])) + (stroke ? " K\n" : " k\n");
    case Space::Spot:
      return "/" + spot_resource + (stroke ? " CS " : " cs ") + num(unit(c.tint)) +
             (stroke ? " SCN\n" : " scn\n");
  }
  return {};
}

void append_rect_path(std::string& out, const Coords& at, double x, double y, double w, double h, double radius) {
  const double left = at.x(x), top = at.y(y), right = at.x(x + w), bottom = at.y(y + h);
  if (std::clamp(radius, 0.0, std::min(std::abs(w), std::abs(h)) / 2) > 0) {
    out += rect_path(at, x, y, w, h, radius);
    return;
  }
  append_num(out, left);
  out += ' ';
  append_num(out, bottom);
  out += ' ';
  append_num(out, right - left);
  out += ' ';
  append_num(out, top - bottom);
  out += " re\n";
}

std::string rect_path(const Coords& at, double x, double y, double w, double h, double radius) {
  const double left = at.x(x), top = at.y(y), right = at.x(x + w), bottom = at.y(y + h);
  const double r = std::clamp(radius, 0.0, std::min(std::abs(w), std::abs(h)) / 2);
  if (r <= 0) {
    std::string s;
    append_rect_path(s, at, x, y, w, h, 0);
    return s;
  }
  const double k = r * kKappa;
  const auto pt = [](double px, double py) { return num(px) + " " + num(py); };
  std::string s = pt(left + r, bottom) + " m\n";
  s += pt(right - r, bottom) + " l\n";
  s += pt(right - r + k, bottom) + " " + pt(right, bottom + r - k) + " " + pt(right, bottom + r) + " c\n";
  s += pt(right, top - r) + " l\n";
  s += pt(right, top - r + k) + " " + pt(right - r + k, top) + " " + pt(right - r, top) + " c\n";
  s += pt(left + r, top) + " l\n";
  s += pt(left + r - k, top) + " " + pt(left, top - r + k) + " " + pt(left, top - r) + " c\n";
  s += pt(left, bottom + r) + " l\n";
  s += pt(left, bottom + r - k) + " " + pt(left + r - k, bottom) + " " + pt(left + r, bottom) + " c\n";
  return s + "h\n";
}

std::string path_ops(const Coords& at, const layout::Path& path) {
  std::string s;
  bool open = false;
  for (const auto& op : path.ops) {
    const std::string end = num(at.x(op.x)) + " " + num(at.y(op.y));
    switch (op.kind) {
      case layout::Path::Op::Move:
        s += end + " m\n";
        open = true;
        break;
      case layout::Path::Op::Line:
        if (!open) s += end + " m\n";
        else s += end + " l\n";
        open = true;
        break;
      case layout::Path::Op::Curve:
        if (!open) break;  // a curve needs a current point
        s += num(at.x(op.x1)) + " " + num(at.y(op.y1)) + " " + num(at.x(op.x2)) + " " +
             num(at.y(op.y2)) + " " + end + " c\n";
        break;
      case layout::Path::Op::Close:
        if (open) s += "h\n";
        break;
    }
  }
  return s;
}

std::string paint_op(bool fill, bool stroke) {
  if (fill && stroke) return "B\n";
  if (fill) return "f\n";
  if (stroke) return "S\n";
  return "n\n";
}

std::string alt_begin(const std::string& alt) {
  return "/Span << /Alt " + text_string_operand(alt) + " >> BDC\n";
}

Separation separation_of(const model::Color& spot) {
  return Separation{spot.spot_name.empty() ? "Spot" : spot.spot_name, unit(spot.v[0]),
                    unit(spot.v[1]), unit(spot.v[2]), unit(spot.v[3])};
}

Separation registration() { return Separation{"All", 1, 1, 1, 1}; }

}  // namespace galley::pdf
