// Image XObjects: each file encoded once (pdf/detail/image_encoding.h) and
// embedded once however often it is placed. JPEGs keep their DCT data, and
// 8-bit opaque gray/RGB PNGs their zlib stream (FlateDecode with PNG
// predictors); everything else is Flate-compressed 8-bit samples, alpha as
// an /SMask.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "content.h"
#include "hpdf_objects.h"

namespace galley::pdf {

class DocumentImages {
 public:
  // The XObject for the image's file; nullopt (and an error naming the
  // file) when it cannot be decoded or written. A file whose header says
  // it is opaque is numbered without waiting for its check (the head
  // start's, pdf/detail/ahead.h): its object is written by embed().
  std::optional<Ref> get(hpdf::Writer& writer, const layout::Image& image, Diagnostics& diags);
  // Gives the images get() numbered unchecked their objects, once their
  // checks are done; a file that fails its check is reported where get()
  // would have reported it (its place in `diags`), so a failure reads as
  // before, and an error makes the document fail. With the writer failed,
  // only the checks' diagnostics.
  void embed(hpdf::Writer& writer, Diagnostics& diags);

 private:
  struct Unchecked {
    std::string path;
    SourceLoc loc, at;  // where the layout names it; and with the file when that is empty
    Ref object;
    size_t report_at;  // diags' size when get() was asked
  };
  std::map<std::string, std::optional<Ref>> by_path_;
  std::vector<Unchecked> unchecked_;
};

// `q clip cm /X Do Q` placing the XObject resource `name`; the clip is the
// visible area (fit: cover), or the placement when the layout gave none.
// An image with alt text is marked content carrying it.
std::string image_ops(const layout::Image& image, const Coords& at, const std::string& name);

}  // namespace galley::pdf
