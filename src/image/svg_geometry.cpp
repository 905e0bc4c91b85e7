// SVG geometry as PDF path operators (detail/svg_geometry.h): path data with
// every command, absolute and relative, quadratic curves raised to cubic
// and elliptical arcs cut into cubic pieces of at most a quarter turn (the
// SVG specification's appendix on arcs), and the basic shapes by the path
// equivalents SVG gives them, so dashes start where SVG says they do.
#include <cctype>
#include <cmath>
#include <numbers>

#include "detail/svg_geometry.h"
#include "detail/svg_values.h"

namespace galley::image::detail {
namespace {

// A quarter ellipse as one cubic: the control arm's length over the radius.
constexpr double kQuarterArm = 0.5522847498307936;

struct Point {
  double x = 0, y = 0;
};

class PathOut {
 public:
  void move(Point p) { emit(p, " m\n"); }
  void line(Point p) { emit(p, " l\n"); }
  void cubic(Point c1, Point c2, Point p) {
    pair(c1), out_ += ' ', pair(c2), out_ += ' ';
    emit(p, " c\n");
  }
  void close() { out_ += "h\n"; }
  size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }

 private:
  void pair(Point p) {
    append_number(out_, p.x);
    out_ += ' ';
    append_number(out_, p.y);
  }
  void emit(Point p, const char* op) {
    pair(p);
    out_ += op;
  }
  std::string out_;
};

double angle_between(double ux, double uy, double vx, double vy) {
  return std::atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}

// An elliptical arc from `from` to `to` as cubics (SVG's endpoint
// parameterisation, radii scaled up when too small to reach).
void arc(PathOut& out, Point from, double rx, double ry, double rotation, bool large, bool sweep, Point to) {
  if (from.x == to.x && from.y == to.y) return;
  rx = std::abs(rx), ry = std::abs(ry);
  if (rx == 0 || ry == 0) {
    out.line(to);
    return;
  }
  const double phi = rotation * std::numbers::pi / 180, cs = std::cos(phi), sn = std::sin(phi);
  const double dx = (from.x - to.x) / 2, dy = (from.y - to.y) / 2;
  const double x1 = cs * dx + sn * dy, y1 = -sn * dx + cs * dy;
  const double lambda = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry);
  if (lambda > 1) rx *= std::sqrt(lambda), ry *= std::sqrt(lambda);
  const double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  double coef = den > 0 ? std::sqrt(std::max(0.0, num / den)) : 0;
  if (large == sweep) coef = -coef;
  const double cxp = coef * rx * y1 / ry, cyp = -coef * ry * x1 / rx;
  const double cx = cs * cxp - sn * cyp + (from.x + to.x) / 2, cy = sn * cxp + cs * cyp + (from.y + to.y) / 2;
  const double ux = (x1 - cxp) / rx, uy = (y1 - cyp) / ry, vx = (-x1 - cxp) / rx, vy = (-y1 - cyp) / ry;
  const double theta = angle_between(1, 0, ux, uy);
  double delta = angle_between(ux, uy, vx, vy);
  if (!sweep && delta > 0) delta -= 2 * std::numbers::pi;
  if (sweep && delta < 0) delta += 2 * std::numbers::pi;
  const int pieces = std::max(1, static_cast<int>(std::ceil(std::abs(delta) / (std::numbers::pi / 2) - 1e-9)));
  const double step = delta / pieces, arm = 4.0 / 3 * std::tan(step / 4);
  auto at = [&](double t) {
    return Point{cx + rx * std::cos(t) * cs - ry * std::sin(t) * sn, cy + rx * std::cos(t) * sn + ry * std::sin(t) * cs};
  };
  auto tangent = [&](double t) {
    return Point{-rx * std::sin(t) * cs - ry * std::cos(t) * sn, -rx * std::sin(t) * sn + ry * std::cos(t) * cs};
  };
  for (int i = 0; i < pieces; ++i) {
    const double t1 = theta + i * step, t2 = t1 + step;
    const Point p1 = at(t1), p2 = i + 1 == pieces ? to : at(t2), d1 = tangent(t1), d2 = tangent(t2);
    out.cubic({p1.x + arm * d1.x, p1.y + arm * d1.y}, {p2.x - arm * d2.x, p2.y - arm * d2.y}, p2);
  }
}

int operands_of(char command) {
  switch (std::toupper(static_cast<unsigned char>(command))) {
    case 'M': case 'L': case 'T': return 2;
    case 'H': case 'V': return 1;
    case 'C': return 6;
    case 'S': case 'Q': return 4;
    case 'A': return 7;
    case 'Z': return 0;
    default: return -1;
  }
}

}  // namespace

std::optional<std::string> path_operators(std::string_view d, size_t max_bytes) {
  PathOut out;
  NumberReader r(d);
  Point cur, start, control;  // control: the last curve's second control point
  char previous = 0, command = 0;
  bool reopen = false;
  r.skip_space();
  while (!r.at_end()) {
    const char c = r.peek();
    if (std::isalpha(static_cast<unsigned char>(c))) {
      command = r.take();
      if (operands_of(command) < 0) return std::nullopt;
      r.skip_space();
    } else if (command == 0) {
      return std::nullopt;
    } else if (command == 'Z' || command == 'z') {
      return std::nullopt;  // numbers after Z
    } else {
      r.skip_separator();
      // Coordinates after a moveto's first pair are linetos.
      if (command == 'M') command = 'L';
      if (command == 'm') command = 'l';
    }
    if (previous == 0 && command != 'M' && command != 'm') return std::nullopt;
    const bool rel = std::islower(static_cast<unsigned char>(command));
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(command)));
    double v[7] = {};
    const int n = operands_of(command);
    for (int i = 0; i < n; ++i) {
      if (i > 0) r.skip_separator();
      std::optional<double> x;
      if (up == 'A' && (i == 3 || i == 4)) {
        auto flag = r.flag();
        if (flag) x = *flag ? 1.0 : 0.0;
      } else {
        x = r.number();
      }
      if (!x) return std::nullopt;
      v[i] = *x;
    }
    auto point = [&](int i) { return rel ? Point{cur.x + v[i], cur.y + v[i + 1]} : Point{v[i], v[i + 1]}; };
    // After a closepath the next segment starts a new subpath at its start.
    if (up != 'M' && up != 'Z' && reopen) out.move(cur), reopen = false;
    const char prev_up = static_cast<char>(std::toupper(static_cast<unsigned char>(previous)));
    switch (up) {
      case 'M':
        cur = start = point(0);
        out.move(cur);
        reopen = false;
        break;
      case 'L': cur = point(0), out.line(cur); break;
      case 'H': cur.x = rel ? cur.x + v[0] : v[0], out.line(cur); break;
      case 'V': cur.y = rel ? cur.y + v[0] : v[0], out.line(cur); break;
      case 'C': case 'S': {
        Point c1 = cur;
        if (up == 'S' && (prev_up == 'C' || prev_up == 'S')) c1 = {2 * cur.x - control.x, 2 * cur.y - control.y};
        if (up == 'C') c1 = point(0);
        const Point c2 = point(up == 'C' ? 2 : 0), to = point(up == 'C' ? 4 : 2);
        out.cubic(c1, c2, to);
        control = c2, cur = to;
        break;
      }
      case 'Q': case 'T': {
        Point q = cur;
        if (up == 'T' && (prev_up == 'Q' || prev_up == 'T')) q = {2 * cur.x - control.x, 2 * cur.y - control.y};
        if (up == 'Q') q = point(0);
        const Point to = point(up == 'Q' ? 2 : 0);
        out.cubic({cur.x + 2.0 / 3 * (q.x - cur.x), cur.y + 2.0 / 3 * (q.y - cur.y)},
                  {to.x + 2.0 / 3 * (q.x - to.x), to.y + 2.0 / 3 * (q.y - to.y)}, to);
        control = q, cur = to;
        break;
      }
      case 'A': {
        const Point to = point(5);
        arc(out, cur, v[0], v[1], v[2], v[3] != 0, v[4] != 0, to);
        cur = to;
        break;
      }
      case 'Z':
        out.close();
        cur = start;
        reopen = true;
        break;
    }
    previous = command;
    if (out.size() > max_bytes) return std::nullopt;
  }
  return out.take();
}

std::string rect_operators(double x, double y, double w, double h, double rx, double ry) {
  PathOut out;
  if (rx <= 0 || ry <= 0) {
    out.move({x, y}), out.line({x + w, y}), out.line({x + w, y + h}), out.line({x, y + h}), out.close();
    return out.take();
  }
  const double kx = rx * kQuarterArm, ky = ry * kQuarterArm, r = x + w, b = y + h;
  out.move({x + rx, y});
  out.line({r - rx, y});
  out.cubic({r - rx + kx, y}, {r, y + ry - ky}, {r, y + ry});
  out.line({r, b - ry});
  out.cubic({r, b - ry + ky}, {r - rx + kx, b}, {r - rx, b});
  out.line({x + rx, b});
  out.cubic({x + rx - kx, b}, {x, b - ry + ky}, {x, b - ry});
  out.line({x, y + ry});
  out.cubic({x, y + ry - ky}, {x + rx - kx, y}, {x + rx, y});
  out.close();
  return out.take();
}

std::string ellipse_operators(double cx, double cy, double rx, double ry) {
  PathOut out;
  const double kx = rx * kQuarterArm, ky = ry * kQuarterArm;
  out.move({cx + rx, cy});
  out.cubic({cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry});
  out.cubic({cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy});
  out.cubic({cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry});
  out.cubic({cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy});
  out.close();
  return out.take();
}

std::optional<std::string> poly_operators(std::string_view points, bool close) {
  const auto list = parse_number_list(points);
  if (!list || list->size() % 2 != 0) return std::nullopt;
  const std::vector<double>& v = *list;
  PathOut out;
  for (size_t i = 0; i + 1 < v.size(); i += 2) {
    if (i == 0) out.move({v[0], v[1]});
    else out.line({v[i], v[i + 1]});
  }
  if (close && v.size() >= 2) out.close();
  return out.take();
}

}  // namespace galley::image::detail
