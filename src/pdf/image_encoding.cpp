#include "detail/image_encoding.h"

#include "base/memo.h"
#include "image/image.h"

namespace galley::pdf {
namespace {

// A batch's images are a handful of files; a long report's distinct ones
// are written once each and may be dropped.
constexpr size_t kImageBudgetBytes = size_t{64} << 20;

const char* device_space(image::ColorSpace s) {
  switch (s) {
    case image::ColorSpace::Gray: return "DeviceGray";
    case image::ColorSpace::Rgb: return "DeviceRGB";
    case image::ColorSpace::Cmyk: return "DeviceCMYK";
  }
  return "DeviceGray";
}

Dict image_dict(const image::Info& info, const char* space) {
  Dict d;
  d.set("Type", Name{"XObject"})
      .set("Subtype", Name{"Image"})
      .set("Width", info.width)
      .set("Height", info.height)
      .set("ColorSpace", Name{space})
      .set("BitsPerComponent", 8);
  return d;
}

// The XObject's dictionaries, as DocumentImages writes them.
bool serialise_objects(EncodedImage& enc) {
  Dict dict = image_dict(enc.info, device_space(enc.info.space));
  if (!enc.mask.empty()) {
    enc.mask_object = hpdf::serialise(image_dict(enc.info, "DeviceGray"), hpdf::Compress::Deflated);
    if (!enc.mask_object) return false;
    dict.set("SMask", Ref{0});
  }
  for (const auto& [key, value] : enc.params.entries) dict.set(key, value);
  enc.object = hpdf::serialise(dict, enc.compress);
  return enc.object != nullptr;
}

std::shared_ptr<const EncodedImage> encode(const std::string& path, Diagnostics& diags,
                                           const SourceLoc& where) {
  auto px = image::decode(path, diags, where, image::PngSamples::KeepStream);
  if (!px) return nullptr;
  auto enc = std::make_shared<EncodedImage>();
  enc->info = px->info;
  if (!px->alpha.empty()) {
    auto mask = hpdf::deflate({reinterpret_cast<const char*>(px->alpha.data()), px->alpha.size()},
                              hpdf::Compress::Flate);
    if (!mask) return nullptr;
    enc->mask = std::move(*mask);
  }
  if (!px->jpeg.empty()) {
    if (px->jpeg_inverted) enc->params.set("Decode", Array{{1, 0, 1, 0, 1, 0, 1, 0}});
    enc->samples = std::move(px->jpeg);
    enc->compress = hpdf::Compress::Dct;
  } else if (!px->png_idat.empty()) {
    enc->params.set("DecodeParms", Dict{}
                                       .set("Predictor", 15)
                                       .set("Colors", image::components(px->info.space))
                                       .set("BitsPerComponent", 8)
                                       .set("Columns", px->info.width));
    enc->samples = std::move(px->png_idat);
  } else {
    auto samples = hpdf::deflate({reinterpret_cast<const char*>(px->data.data()), px->data.size()},
                                 hpdf::Compress::Flate);
    if (!samples) return nullptr;
    enc->samples = std::move(*samples);
  }
  if (!serialise_objects(*enc)) return nullptr;
  return enc;
}

}  // namespace

std::shared_ptr<const EncodedImage> encoded_image(const std::string& path, Diagnostics& diags,
                                                  const SourceLoc& where) {
  static base::Memo<EncodedImage> memo(kImageBudgetBytes);
  const auto stamp = image::file_stamp(path);
  if (!stamp) return encode(path, diags, where);
  return memo.get(path + '\n' + *stamp, [&] { return encode(path, diags, where); });
}

}  // namespace galley::pdf
