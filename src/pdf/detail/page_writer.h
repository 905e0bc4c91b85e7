// One display-list page → a PDF page: boxes in PDF coordinates, items in
// painting order, marks on top, resources registered as they are used.
// CropBox = MediaBox: viewers and the print shop see the slug with its marks;
// TrimBox/BleedBox say where to cut.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <vector>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "content.h"
#include "font_objects.h"
#include "hpdf_objects.h"
#include "image_objects.h"
#include "vector_objects.h"

namespace galley::pdf {

// A box in PDF user space ([llx lly urx ury], media origin, y up), clipped
// to the media box.
Array pdf_box(const layout::Box& box, const layout::Box& media);

// What a page's drawing reads of the structure elements: their roles, two
// bytes an element (a long report has a hundred thousand elements, and the
// writer's thread keeps its own copy of what it reads).
class StructRoles {
 public:
  size_t size() const { return of_.size(); }
  const std::string& operator[](size_t e) const { return names_[of_[e]]; }
  // False past 65,536 different roles (there are a few dozen standard ones).
  bool add(const std::string& role);

 private:
  std::vector<std::string> names_;
  std::vector<uint16_t> of_;  // by element: its role's index in names_
};

// Objects shared by all pages of a document.
struct PageShared {
  hpdf::Writer* writer = nullptr;
  DocumentFonts* fonts = nullptr;
  DocumentImages* images = nullptr;
  DocumentGraphics* graphics = nullptr;  // PDF pages and SVG drawings
  bool crop_marks = false, registration_marks = false;
  std::optional<Ref> default_rgb;  // ICCBased sRGB for /DefaultRGB (PDF/X)
  std::map<std::string, Ref> separations;  // by colorant name
  // The structure elements' roles when tagging (Marks open marked content
  // with MCIDs, everything else is an artifact); null writes no tags.
  const StructRoles* structure = nullptr;
  size_t content_bytes = 0;  // of the last page's operators
};

struct PageResult {
  int index = -1;
  std::string content;      // the operators written
  bool marks_dropped = false;  // marks asked for but the slug has no room
  bool uses_rgb = false;
  std::vector<int32_t> mcid_element;  // tagged: the structure element of each MCID
  std::vector<int32_t> mcid_link;     // tagged: the page link (index) whose words it draws, or -1 (empty: none)
  // Tagged: the bounding box ([llx lly urx ury], PDF user space) of what
  // each Figure element draws on the page.
  std::map<int32_t, std::array<double, 4>> figure_box;
};

// The document's Separation colour space for a spot colour, made on first use.
std::optional<Ref> separation(PageShared& shared, const Separation& sep);

// `items` is what the page draws, handed apart from the page (its boxes and
// links) so that a writer owning the display list frees each page's drawing
// once it is written.
std::optional<PageResult> write_page(PageShared& shared, const layout::Page& page,
                                     const std::vector<layout::Item>& items, Diagnostics& diags);

// Artifacts drawn under page `index`'s content once the page is written
// (pdf::PdfStream::under): their operators, resources added to the page.
std::optional<std::string> write_layer(PageShared& shared, const layout::Page& page, int index,
                                       const std::vector<layout::Item>& items, Diagnostics& diags);

}  // namespace galley::pdf
