#include "detail/image_objects.h"

#include "image/image.h"
#include "detail/content.h"
#include "detail/image_encoding.h"

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
  const int errors_before = diags.error_count();
  auto enc = encoded_image(img.path, diags, img.loc);
  SourceLoc at = img.loc;
  if (at.file.empty()) at.file = img.path;
  if (!enc) {
    if (diags.error_count() == errors_before)
      diags.error(at, "image '" + img.path + "': cannot write to PDF: cannot deflate the samples");
    return std::nullopt;
  }
  any_rgb_ = any_rgb_ || enc->info.space == image::ColorSpace::Rgb;
  Dict dict = image_dict(enc->info, device_space(enc->info.space));
  if (!enc->mask.empty()) {
    auto mask = writer.add_stream(image_dict(enc->info, "DeviceGray"),
                                  std::shared_ptr<const std::string>(enc, &enc->mask), hpdf::Compress::Deflated);
    if (mask) dict.set("SMask", *mask);
  }
  for (const auto& [key, value] : enc->params.entries) dict.set(key, value);
  slot = writer.add_stream(dict, std::shared_ptr<const std::string>(enc, &enc->samples), enc->compress);
  if (!slot) diags.error(at, "image '" + img.path + "': cannot write to PDF: " + writer.error());
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
