#include "pdf/image_objects.h"

#include "image/image.h"
#include "pdf/content.h"

namespace galley::pdf {
namespace {

const char* device_space(image::ColorSpace s) {
  switch (s) {
    case image::ColorSpace::Gray: return "DeviceGray";
    case image::ColorSpace::Rgb: return "DeviceRGB";
    case image::ColorSpace::Cmyk: return "DeviceCMYK";
  }
  return "DeviceGray";
}

std::string_view bytes(const std::vector<uint8_t>& samples) {
  return {reinterpret_cast<const char*>(samples.data()), samples.size()};
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

}  // namespace

std::optional<Ref> DocumentImages::get(hpdf::Writer& writer, const layout::Image& img,
                                       Diagnostics& diags) {
  auto found = by_path_.find(img.path);
  if (found != by_path_.end()) return found->second;
  std::optional<Ref>& slot = by_path_[img.path];
  auto px = image::decode(img.path, diags, img.loc, image::PngSamples::KeepStream);
  if (!px) return std::nullopt;
  any_rgb_ = any_rgb_ || px->info.space == image::ColorSpace::Rgb;
  Dict dict = image_dict(px->info, device_space(px->info.space));
  if (!px->alpha.empty()) {
    auto mask = writer.add_stream(image_dict(px->info, "DeviceGray"), bytes(px->alpha),
                                  hpdf::Compress::Flate);
    if (mask) dict.set("SMask", *mask);
  }
  if (!px->jpeg.empty()) {
    if (px->jpeg_inverted) dict.set("Decode", Array{{1, 0, 1, 0, 1, 0, 1, 0}});
    slot = writer.add_stream(dict, px->jpeg, hpdf::Compress::Dct);
  } else if (!px->png_idat.empty()) {
    dict.set("DecodeParms", Dict{}
                                .set("Predictor", 15)
                                .set("Colors", image::components(px->info.space))
                                .set("BitsPerComponent", 8)
                                .set("Columns", px->info.width));
    slot = writer.add_stream(dict, px->png_idat, hpdf::Compress::Deflated);
  } else {
    slot = writer.add_stream(dict, bytes(px->data), hpdf::Compress::Flate);
  }
  if (!slot) {
    SourceLoc at = img.loc;
    if (at.file.empty()) at.file = img.path;
    diags.error(at, "image '" + img.path + "': cannot write to PDF: " + writer.error());
  }
  return slot;
}

std::string image_ops(const layout::Image& img, const Coords& at, const std::string& name) {
  std::string s = img.alt.empty() ? "q\n" : alt_begin(img.alt) + "q\n";
  const bool clip = img.clip_w > 0 && img.clip_h > 0;
  s += clip ? rect_path(at, img.clip_x, img.clip_y, img.clip_w, img.clip_h, 0)
            : rect_path(at, img.x, img.y, img.w, img.h, 0);
  s += "W n\n";
  s += num(img.w) + " 0 0 " + num(img.h) + " " + num(at.x(img.x)) + " " + num(at.y(img.y + img.h)) +
       " cm\n/" + name + " Do\nQ\n";
  return img.alt.empty() ? s : s + "EMC\n";
}

}  // namespace galley::pdf
