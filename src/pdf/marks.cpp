#include "detail/marks.h"

#include <algorithm>

#include "detail/content.h"

namespace galley::pdf {
namespace {

std::string line(const Coords& at, double x1, double y1, double x2, double y2) {
  return num(at.x(x1)) + " " + num(at.y(y1)) + " m " + num(at.x(x2)) + " " + num(at.y(y2)) + " l S\n";
}

std::string target(const Coords& at, double cx, double cy, double r) {
  const double x = at.x(cx), y = at.y(cy), k = r * kKappa;
  const auto pt = [](double a, double b) { return num(a) + " " + num(b); };
  std::string s = pt(x + r, y) + " m ";
  s += pt(x + r, y + k) + " " + pt(x + k, y + r) + " " + pt(x, y + r) + " c ";
  s += pt(x - k, y + r) + " " + pt(x - r, y + k) + " " + pt(x - r, y) + " c ";
  s += pt(x - r, y - k) + " " + pt(x - k, y - r) + " " + pt(x, y - r) + " c ";
  s += pt(x + k, y - r) + " " + pt(x + r, y - k) + " " + pt(x + r, y) + " c S\n";
  s += line(at, cx - 1.5 * r, cy, cx + 1.5 * r, cy);
  s += line(at, cx, cy - 1.5 * r, cx, cy + 1.5 * r);
  return s;
}

}  // namespace

std::string mark_ops(const layout::Page& page, bool crop, bool registration, const std::string& all) {
  if (!crop && !registration) return {};
  const layout::Box& t = page.trim;
  const layout::Box& b = page.bleed;
  const layout::Box& m = page.media;
  // Room between the bleed edge (plus gap) and the media edge, per side.
  const double left = b.x - kMarkGap - m.x, right = (m.x + m.w) - (b.x + b.w + kMarkGap);
  const double top = b.y - kMarkGap - m.y, bottom = (m.y + m.h) - (b.y + b.h + kMarkGap);
  const double room = std::min({left, right, top, bottom});
  if (room < 4) return {};
  const double len = std::min(kMarkLength, room - 1);
  const Coords at = Coords::of(page);
  std::string s = "q\n0.25 w 0 J [] 0 d /" + all + " CS 1 SCN\n";
  if (crop) {
    const double xs[2] = {t.x, t.x + t.w}, ys[2] = {t.y, t.y + t.h};
    for (int i = 0; i < 2; ++i) {
      const double dir_x = i == 0 ? -1 : 1;
      const double edge_x = i == 0 ? b.x - kMarkGap : b.x + b.w + kMarkGap;
      for (int j = 0; j < 2; ++j) {
        const double dir_y = j == 0 ? -1 : 1;
        const double edge_y = j == 0 ? b.y - kMarkGap : b.y + b.h + kMarkGap;
        s += line(at, edge_x, ys[j], edge_x + dir_x * len, ys[j]);  // horizontal
        s += line(at, xs[i], edge_y, xs[i], edge_y + dir_y * len);  // vertical
      }
    }
  }
  if (registration) {
    const double r = std::min(4.0, len / 3);
    const double mid_x = t.x + t.w / 2, mid_y = t.y + t.h / 2;
    const double off = kMarkGap + len / 2;
    s += target(at, mid_x, b.y - off, r);
    s += target(at, mid_x, b.y + b.h + off, r);
    s += target(at, b.x - off, mid_y, r);
    s += target(at, b.x + b.w + off, mid_y, r);
  }
  return s + "Q\n";
}

}  // namespace galley::pdf
