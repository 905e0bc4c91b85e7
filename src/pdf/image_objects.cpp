#include "detail/image_objects.h"

#include "image/image.h"
#include "detail/content.h"
#include "detail/image_encoding.h"

namespace galley::pdf {

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
  std::vector<Ref> refs;
  if (enc->mask_object) {
    auto mask = writer.add(enc->mask_object, {}, std::shared_ptr<const std::string>(enc, &enc->mask));
    if (mask) refs.push_back(*mask);
  }
  if (writer.ok())
    slot = writer.add(enc->object, std::move(refs), std::shared_ptr<const std::string>(enc, &enc->samples));
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
