#include "detail/image_objects.h"

#include "image/image.h"
#include "detail/content.h"
#include "detail/image_encoding.h"

namespace galley::pdf {

namespace {

// Whether the file's header alone says its XObject has no /SMask (a JPEG,
// or a PNG without alpha or tRNS), so that its object can be numbered
// before its check is done. A PNG with alpha can turn out opaque when
// decoded, and then has no mask object before it: only its check knows.
bool opaque_by_header(const std::string& path) {
  Diagnostics unused;  // an unreadable file is reported by its check
  const auto info = image::probe(path, unused);
  return info && !info->has_alpha && (info->format == image::Format::Png || info->format == image::Format::Jpeg);
}

std::string cannot_write(const std::string& path, const std::string& why) {
  return "image '" + path + "': cannot write to PDF: " + why;
}

}  // namespace

std::optional<Ref> DocumentImages::get(hpdf::Writer& writer, const layout::Image& img,
                                       Diagnostics& diags) {
  auto found = by_path_.find(img.path);
  if (found != by_path_.end()) return found->second;
  std::optional<Ref>& slot = by_path_[img.path];
  SourceLoc at = img.loc;
  if (at.file.empty()) at.file = img.path;
  if (opaque_by_header(img.path)) {
    slot = writer.reserve_stream();
    if (!slot) diags.error(at, cannot_write(img.path, writer.error()));
    else unchecked_.push_back({img.path, img.loc, at, *slot, diags.all().size()});
    return slot;
  }
  const int errors_before = diags.error_count();
  auto enc = encoded_image(img.path, diags, img.loc);
  if (!enc) {
    if (diags.error_count() == errors_before) diags.error(at, cannot_write(img.path, "cannot deflate the samples"));
    return std::nullopt;
  }
  std::vector<Ref> refs;
  if (enc->mask_object) {
    auto mask = writer.add(enc->mask_object, {}, std::shared_ptr<const std::string>(enc, &enc->mask));
    if (mask) refs.push_back(*mask);
  }
  if (writer.ok())
    slot = writer.add(enc->object, std::move(refs), std::shared_ptr<const std::string>(enc, &enc->samples));
  if (!slot) diags.error(at, cannot_write(img.path, writer.error()));
  return slot;
}

void DocumentImages::embed(hpdf::Writer& writer, Diagnostics& diags) {
  size_t inserted = 0;
  for (const Unchecked& image : unchecked_) {
    Diagnostics found;
    auto enc = encoded_image(image.path, found, image.loc);
    if (!enc) {
      if (!found.has_errors()) found.error(image.at, cannot_write(image.path, "cannot deflate the samples"));
    } else if (enc->mask_object) {
      // Its header said opaque: the file was replaced since it was read.
      found.error(image.at, cannot_write(image.path, "the file changed while the document was written"));
    } else if (writer.ok() &&
               !writer.put(image.object, enc->object, {}, std::shared_ptr<const std::string>(enc, &enc->samples))) {
      found.error(image.at, cannot_write(image.path, writer.error()));
    }
    diags.insert(image.report_at + inserted, found);
    inserted += found.all().size();
  }
  unchecked_.clear();
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
