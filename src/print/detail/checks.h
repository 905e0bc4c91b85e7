// Internal to print/: the individual preflight checks, each about one
// display-list item on one page. `page` is the finding's prefix, e.g. "page 3".
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "font_facts.h"

namespace galley::print::detail {

inline constexpr double kSafeZone = 9;        // 0.125in inside the trim, points
inline constexpr double kGoodDpi = 300;
inline constexpr double kPoorDpi = 150;

// How a finding names an element: "text 'Program history of the…'",
// "image 'campus.png'".
std::string describe(const layout::GlyphRun& run);
std::string describe(const layout::Image& image);
std::string describe(const layout::Figure& figure);  // "figure 'QR code: https://…'"

// Ink bounds of a run (trailing and leading spaces ignored), in page
// coordinates; nullopt when the run draws nothing but spaces.
struct Bounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::optional<Bounds> run_bounds(const layout::GlyphRun& run, const FontFacts& font);
// What a figure's boxes, paths and images cover (a QR code's quiet zone
// included); its text is checked as text. nullopt when they cover nothing.
std::optional<Bounds> figure_bounds(std::span<const layout::Item> covered);

void check_resolution(const layout::Image& image, const std::string& page, Diagnostics& diags);
void check_safe_zone(const layout::Page& page, const Bounds& ink, bool may_bleed, const std::string& what,
                     const std::string& page_name, const SourceLoc& loc, Diagnostics& diags);

// Characters drawn as .notdef (glyph id 0), which the text stage does when
// no font of the style's chain has them. Collected over a page's runs and
// reported once per element (paragraph, footer) and page, listing the
// characters, so a paragraph broken over ten lines is one finding.
class MissingGlyphs {
 public:
  void add(const layout::GlyphRun& run, const std::string& family);
  // Reports what add() collected as findings of page `page_name`, then
  // forgets it.
  void report(const std::string& page_name, Diagnostics& diags);

 private:
  struct Element {
    SourceLoc loc;
    std::string what, family;
    std::vector<std::string> chars;  // distinct cluster texts, in order
  };
  std::vector<Element> elements_;
};

}  // namespace galley::print::detail
