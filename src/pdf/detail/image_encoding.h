// An image file encoded as its XObject's streams, once per file identity
// for the process (base/memo.h, image/detail/file_stamp.h): the validation and
// compression that are most of writing an image happen once per batch, not
// once per row.
#pragma once
#include <memory>
#include <string>

#include "diag/diagnostic.h"
#include "image/image.h"
#include "hpdf_objects.h"
#include "value.h"

namespace galley::pdf {

struct EncodedImage {
  image::Info info;
  std::string samples;       // the image stream's bytes, as `compress` says
  hpdf::Compress compress = hpdf::Compress::Deflated;  // Dct or Deflated
  std::string mask;          // deflated 8-bit alpha for an /SMask; empty when opaque
  Dict params;               // /Decode or /DecodeParms the samples need
  // The image's XObject and its mask's, their dictionaries serialised
  // (libharu W16): the XObject's Ref{0} is the mask.
  std::shared_ptr<const hpdf::Serialized> object, mask_object;
  size_t bytes() const { return samples.size() + mask.size(); }
};

// Decodes and validates the file (image::decode) and compresses what needs
// it. Null, with image::decode's error at `where`, when the file is
// unusable; null without an error only if deflating runs out of memory.
std::shared_ptr<const EncodedImage> encoded_image(const std::string& path, Diagnostics& diags,
                                                  const SourceLoc& where);

}  // namespace galley::pdf
