#include "print/impose/sheet_marks.h"

#include <algorithm>

#include "pdf/pdf.h"

namespace galley::print {
namespace {

using pdf::num;

std::string line(double x1, double y1, double x2, double y2) {
  return num(x1) + " " + num(y1) + " m " + num(x2) + " " + num(y2) + " l S\n";
}

double mark_length(const PdfRect& bleed, const PdfRect& media) {
  return std::min(pdf::kMarkLength, mark_room(bleed, media) - 1);
}

}  // namespace

double mark_room(const PdfRect& bleed, const PdfRect& media) {
  return std::min({bleed.llx - media.llx, media.urx - bleed.urx, bleed.lly - media.lly,
                   media.ury - bleed.ury}) -
         pdf::kMarkGap;
}

std::string crop_mark_ops(const PdfRect& trim, const PdfRect& bleed, const PdfRect& media,
                          const std::string& all) {
  if (mark_room(bleed, media) < kMinMarkRoom) return {};
  const double len = mark_length(bleed, media), gap = pdf::kMarkGap;
  std::string s = "q\n0.25 w 0 J [] 0 d /" + all + " CS 1 SCN\n";
  for (const double x : {trim.llx, trim.urx}) {
    const bool left = x == trim.llx;
    const double edge_x = left ? bleed.llx - gap : bleed.urx + gap;
    const double dx = left ? -len : len;
    for (const double y : {trim.lly, trim.ury}) {
      const bool bottom = y == trim.lly;
      const double edge_y = bottom ? bleed.lly - gap : bleed.ury + gap;
      const double dy = bottom ? -len : len;
      s += line(edge_x, y, edge_x + dx, y);
      s += line(x, edge_y, x, edge_y + dy);
    }
  }
  return s + "Q\n";
}

std::string fold_mark_ops(const std::vector<double>& xs, const PdfRect& bleed, const PdfRect& media,
                          const std::string& all) {
  if (xs.empty() || mark_room(bleed, media) < kMinMarkRoom) return {};
  const double len = mark_length(bleed, media), gap = pdf::kMarkGap;
  // Dashed, so the binder tells a fold from a cut at a glance.
  std::string s = "q\n0.25 w 0 J [3 2] 0 d /" + all + " CS 1 SCN\n";
  for (const double x : xs) {
    s += line(x, bleed.ury + gap, x, bleed.ury + gap + len);
    s += line(x, bleed.lly - gap, x, bleed.lly - gap - len);
  }
  return s + "Q\n";
}

}  // namespace galley::print
