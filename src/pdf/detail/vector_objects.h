// Vector graphics (image/vector.h) as Form XObjects. A PDF page's content
// and every object its resources reach are read with qpdf (in
// galley-vector.so) and made again as pdf::Value objects through
// hpdf::Writer, so libharu numbers and writes them like galley's own
// (docs/architecture.md says why not a qpdf pass after libharu); fonts,
// images and nested forms inside stay as they were. An SVG that image/
// drew itself is one content stream, written here with no module. A graphic
// placed on many pages is one XObject.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "value.h"

namespace galley::pdf {

struct PageShared;

class DocumentGraphics {
 public:
  // The Form XObject for the image's file, page and colour mapping, made on
  // first use; nullopt (and an error naming the file) when it cannot be
  // copied. Its /Matrix maps the page's box (rotation applied) onto the
  // unit square, so it is placed as an image XObject is.
  std::optional<Ref> get(PageShared& shared, const layout::Image& image, Diagnostics& diags);

 private:
  std::map<std::string, std::optional<Ref>> by_key_;
};

}  // namespace galley::pdf
