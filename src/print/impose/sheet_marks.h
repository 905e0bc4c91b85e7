// Printer's marks for press sheets, as content stream text in PDF user space
// (y up). They sit in the slug, kMarkGap beyond the bleed like pdf/'s marks,
// stroked 0.25pt in the registration colour whose resource name is `all`.
#pragma once
#include <string>
#include <vector>

namespace galley::print {

struct PdfRect {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  double width() const { return urx - llx; }
  double height() const { return ury - lly; }
};

// Smallest distance from the bleed (plus the mark gap) to the media edge;
// marks need at least kMinMarkRoom points.
double mark_room(const PdfRect& bleed, const PdfRect& media);
inline constexpr double kMinMarkRoom = 4;

// Crop marks at the four trim corners. Empty when the slug has no room.
std::string crop_mark_ops(const PdfRect& trim, const PdfRect& bleed, const PdfRect& media,
                          const std::string& all);

// Dashed fold marks above and below the bleed at each x (user space).
// Empty when the slug has no room.
std::string fold_mark_ops(const std::vector<double>& xs, const PdfRect& bleed, const PdfRect& media,
                          const std::string& all);

}  // namespace galley::print
