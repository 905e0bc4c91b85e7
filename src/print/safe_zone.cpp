#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "pdf/pdf.h"
#include "detail/safe_zone.h"

namespace galley::print::detail {
namespace {

// Half a point past the trim counts as reaching into the bleed on purpose.
constexpr double kIntoBleed = 0.5;

bool blank(std::string_view view) {
  // Most clusters hold a letter: an ASCII character other than white space
  // is never erased below, so it decides at once.
  bool ascii = true;
  for (const char c : view) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  if (ascii) return true;
  std::string text(view);
  for (const char* wide : {"\u00a0", "\u2009", "\u202f", "\u200b"}) {
    for (auto at = text.find(wide); at != std::string::npos; at = text.find(wide)) text.erase(at, std::strlen(wide));
  }
  return text.find_first_not_of(" \t\n\r") == std::string::npos;
}

void extend(std::optional<Bounds>& b, double x0, double y0, double x1, double y1) {
  if (!b) {
    b = Bounds{x0, y0, x1, y1};
    return;
  }
  b->x0 = std::min(b->x0, x0);
  b->y0 = std::min(b->y0, y0);
  b->x1 = std::max(b->x1, x1);
  b->y1 = std::max(b->y1, y1);
}

}  // namespace

std::optional<Bounds> figure_bounds(std::span<const layout::Item> covered) {
  std::optional<Bounds> b;
  for (const layout::Item& item : covered) {
    if (const auto* r = std::get_if<layout::Rect>(&item)) {
      extend(b, r->x, r->y, r->x + r->w, r->y + r->h);
    } else if (const auto* p = std::get_if<layout::Path>(&item)) {
      for (const auto& op : p->ops)
        if (op.kind != layout::Path::Op::Close) extend(b, op.x, op.y, op.x, op.y);
    } else if (const auto* im = std::get_if<layout::Image>(&item)) {
      extend(b, im->clip_x, im->clip_y, im->clip_x + im->clip_w, im->clip_y + im->clip_h);
    }
  }
  return b;
}

std::optional<Bounds> run_bounds(const layout::GlyphRun& run, const FontFacts& font) {
  // Every run of every page is measured: the mask is kept per thread, and
  // the bounds are plain numbers until the end.
  thread_local std::vector<unsigned char> space;
  space.assign(run.glyphs.size(), 0);
  for (const auto& c : run.clusters) {
    if (!blank(run.text_of(c))) continue;
    for (uint32_t g = c.glyph_begin; g < c.glyph_begin + c.glyph_count && g < space.size(); ++g) space[g] = 1;
  }
  const double up = font.ascender * run.size, down = font.descender * run.size;
  bool found = false;
  Bounds b{};
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    if (space[i]) continue;
    const auto& g = run.glyphs[i];
    const double x0 = run.x + g.x, x1 = x0 + std::max(static_cast<double>(g.advance), 0.0);
    const double y0 = run.y + g.y - up, y1 = run.y + g.y + down;
    if (!found) {
      b = Bounds{x0, y0, x1, y1};
      found = true;
      continue;
    }
    b.x0 = std::min(b.x0, x0);
    b.y0 = std::min(b.y0, y0);
    b.x1 = std::max(b.x1, x1);
    b.y1 = std::max(b.y1, y1);
  }
  if (!found) return std::nullopt;
  return b;
}

void check_safe_zone(const layout::Page& page, const Bounds& ink, bool may_bleed,
                     const std::function<std::string()>& what, const std::string& page_name, const SourceLoc& loc,
                     Diagnostics& diags) {
  const layout::Box& t = page.trim;
  const double left = ink.x0 - t.x, top = ink.y0 - t.y;
  const double right = t.x + t.w - ink.x1, bottom = t.y + t.h - ink.y1;
  // Wholly outside the trim: slug notes, not page content.
  if (ink.x1 <= t.x || ink.x0 >= t.x + t.w || ink.y1 <= t.y || ink.y0 >= t.y + t.h) return;
  if (may_bleed && std::min({left, top, right, bottom}) < -kIntoBleed) return;
  const double nearest = std::min({left, top, right, bottom});
  if (nearest >= kSafeZone) return;
  const std::string prefix = page_name + ": " + what();
  if (nearest < 0) {
    diags.warning(loc, prefix + " runs " + pdf::num(std::ceil(-nearest * 10) / 10) +
                           "pt past the trim edge and will be cut off");
  } else {
    diags.warning(loc, prefix + " is " + pdf::num(std::floor(nearest * 10) / 10) +
                           "pt from the trim edge (inside the 0.125in safe zone)");
  }
}

}  // namespace galley::print::detail
