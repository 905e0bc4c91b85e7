// Image XObjects: each file encoded once (pdf/detail/image_encoding.h) and
// embedded once however often it is placed. JPEGs keep their DCT data, and
// 8-bit opaque gray/RGB PNGs their zlib stream (FlateDecode with PNG
// predictors); everything else is Flate-compressed 8-bit samples, alpha as
// an /SMask.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "content.h"
#include "hpdf_objects.h"

namespace galley::pdf {

class DocumentImages {
 public:
  // The XObject for the image's file; nullopt (and an error naming the
  // file) when it cannot be decoded or written.
  std::optional<Ref> get(hpdf::Writer& writer, const layout::Image& image, Diagnostics& diags);
  // RGB images of the document, for preflight of CMYK-only jobs.
  bool any_rgb() const { return any_rgb_; }

 private:
  std::map<std::string, std::optional<Ref>> by_path_;
  bool any_rgb_ = false;
};

// `q clip cm /X Do Q` placing the XObject resource `name`; the clip is the
// visible area (fit: cover), or the placement when the layout gave none.
// An image with alt text is marked content carrying it.
std::string image_ops(const layout::Image& image, const Coords& at, const std::string& name);

}  // namespace galley::pdf
