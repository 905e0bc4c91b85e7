#include "detail/content.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "detail/unicode.h"

namespace galley::pdf {
namespace {

double unit(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

}  // namespace

char* write_num(char* p, double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -1e7, 1e7);
  // The value in ten-thousandths, rounded as an integer. The product is off
  // by at most 1.2e-5 (|scaled| <= 1e11), so a fraction further than 1e-4
  // from a half rounds as the exact value does; nearer, to_chars decides: it
  // rounds the exact value (ties to even) like printf's %.4f. Content
  // streams hold a number or two per glyph.
  const double scaled = v * 10000.0;
  const auto whole = static_cast<long long>(scaled);  // toward zero
  const double frac = scaled - static_cast<double>(whole);
  if (std::abs(std::abs(frac) - 0.5) < 1e-4) {
    char* end = std::to_chars(p, p + 16, v, std::chars_format::fixed, 4).ptr;
    while (end[-1] == '0') --end;  // the fixed format always has a '.' before its zeros
    if (end[-1] == '.') --end;
    if (end - p == 2 && p[0] == '-' && p[1] == '0') {
      *p = '0';
      return p + 1;
    }
    return end;
  }
  const long long q = whole + (frac > 0.5) - (frac < -0.5);
  if (q == 0) {
    *p = '0';  // never "-0"
    return p + 1;
  }
  if (q < 0) *p++ = '-';
  const unsigned long long a = q < 0 ? 0ull - static_cast<unsigned long long>(q) : static_cast<unsigned long long>(q);
  p = std::to_chars(p, p + 16, a / 10000).ptr;  // at most 8 digits
  unsigned digits = static_cast<unsigned>(a % 10000);
  if (digits == 0) return p;
  int n = 4;
  while (digits % 10 == 0) digits /= 10, --n;  // no trailing zeros
  *p = '.';
  for (int i = n; i > 0; --i, digits /= 10) p[i] = static_cast<char>('0' + digits % 10);
  return p + n + 1;
}

char* write_hundredths(char* p, long long hundredths) {
  if (hundredths == 0) {
    *p = '0';
    return p + 1;
  }
  if (hundredths < 0) *p++ = '-';
  const unsigned long long a =
      hundredths < 0 ? 0ull - static_cast<unsigned long long>(hundredths) : static_cast<unsigned long long>(hundredths);
  p = std::to_chars(p, p + 16, a / 100).ptr;
  const unsigned cents = static_cast<unsigned>(a % 100);
  if (cents == 0) return p;
  *p++ = '.';
  *p++ = static_cast<char>('0' + cents / 10);
  if (cents % 10 != 0) *p++ = static_cast<char>('0' + cents % 10);
  return p;
}

void append_num(std::string& out, double v) {
  char buf[kNumChars];
  out.append(buf, static_cast<size_t>(write_num(buf, v) - buf));
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

void append_color_op(std::string& out, const model::Color& c, bool stroke, const std::string& spot_resource) {
  using Space = model::Color::Space;
  if (c.space == Space::Spot) {
    out += '/';
    out += spot_resource;
    out += stroke ? " CS " : " cs ";
    append_num(out, unit(c.tint));
    out += stroke ? " SCN\n" : " scn\n";
    return;
  }
  // One append: a page sets a colour for every run and rectangle.
  const int n = c.space == Space::Gray ? 1 : c.space == Space::Rgb ? 3 : 4;
  char buf[4 * kNumChars + 8];
  char* p = buf;
  for (int i = 0; i < n; ++i) {
    if (i > 0) *p++ = ' ';
    p = write_num(p, unit(c.v[static_cast<size_t>(i)]));
  }
  const char* op = c.space == Space::Gray ? (stroke ? " G\n" : " g\n")
                   : c.space == Space::Rgb ? (stroke ? " RG\n" : " rg\n")
                                           : (stroke ? " K\n" : " k\n");
  const size_t len = std::strlen(op);
  std::memcpy(p, op, len);
  out.append(buf, static_cast<size_t>(p + len - buf));
}

std::string color_op(const model::Color& c, bool stroke, const std::string& spot_resource) {
  std::string s;
  append_color_op(s, c, stroke, spot_resource);
  return s;
}

void append_rect_path(std::string& out, const Coords& at, double x, double y, double w, double h, double radius) {
  const double left = at.x(x), top = at.y(y), right = at.x(x + w), bottom = at.y(y + h);
  if (std::clamp(radius, 0.0, std::min(std::abs(w), std::abs(h)) / 2) > 0) {
    out += rect_path(at, x, y, w, h, radius);
    return;
  }
  // One append for the line: a page of QR code modules draws hundreds.
  char buf[4 * kNumChars + 4];
  char* p = write_num(buf, left);
  *p++ = ' ';
  p = write_num(p, bottom);
  *p++ = ' ';
  p = write_num(p, right - left);
  *p++ = ' ';
  p = write_num(p, top - bottom);
  std::memcpy(p, " re\n", 4);
  out.append(buf, static_cast<size_t>(p + 4 - buf));
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
