#include "detail/vector_objects.h"

#include <algorithm>

#include "base/module.h"
#include "detail/content.h"
#include "detail/hpdf_objects.h"
#include "detail/page_writer.h"
#include "detail/vector_module.h"
#include "image/image.h"

namespace galley::pdf {
namespace {

// hpdf::Writer as the module sees it.
class WriterSink final : public ObjectSink {
 public:
  explicit WriterSink(hpdf::Writer& writer) : writer_(writer) {}
  std::optional<Ref> add_object(const Value& value) override { return writer_.add_object(value); }
  std::optional<Ref> add_stream(const Dict& dict, std::string_view bytes, hpdf::Compress compress) override {
    return writer_.add_stream(dict, bytes, compress);
  }
  bool extend(Ref object, const Dict& entries) override { return writer_.extend(object, entries); }
  std::string error() const override { return writer_.error(); }

 private:
  hpdf::Writer& writer_;
};

std::string key_of(const layout::Image& img) {
  std::string key = img.path + '\n' + std::to_string(img.page);
  for (const auto& [rgb, c] : img.recolor) {
    key += '\n' + image::hex_rgb(rgb) + ' ' + std::to_string(static_cast<int>(c.space)) + ' ' + c.spot_name;
    for (double v : c.v) key += ' ' + num(v);
    key += ' ' + num(c.tint);
  }
  return key;
}

// An SVG drawn natively (image/vector.h): its operators with each colour
// as the mapping says, in a form of its own size; no module, no copy.
std::optional<Ref> drawn_form(const image::SvgDrawing& drawing, const Graphic& graphic, hpdf::Writer& writer) {
  const image::Recolor recolor = [&](uint32_t rgb, bool stroke) -> std::optional<std::string> {
    for (const Graphic::Mapped& m : graphic.recolor)
      if (m.rgb == rgb) return stroke ? m.stroke : m.fill;
    return std::nullopt;
  };
  Dict resources;
  if (!graphic.spaces.empty()) {
    Dict spaces;
    for (const Graphic::Space& s : graphic.spaces) spaces.set(s.resource, s.ref);
    resources.set("ColorSpace", std::move(spaces));
  }
  Dict form;
  form.set("Type", Name{"XObject"})
      .set("Subtype", Name{"Form"})
      .set("BBox", Array{{0.0, 0.0, drawing.width, drawing.height}})
      .set("Matrix", Array{{1 / drawing.width, 0.0, 0.0, 1 / drawing.height, 0.0, 0.0}})
      .set("Resources", std::move(resources));
  return writer.add_stream(form, image::drawing_content(drawing, recolor), hpdf::Compress::Flate);
}

}  // namespace

std::optional<Ref> DocumentGraphics::get(PageShared& shared, const layout::Image& img, Diagnostics& diags) {
  const std::string key = key_of(img);
  if (auto found = by_key_.find(key); found != by_key_.end()) return found->second;
  std::optional<Ref>& slot = by_key_[key];
  SourceLoc at = img.loc;
  if (at.file.empty()) at.file = img.path;
  const int errors_before = diags.error_count();
  auto report = [&](const std::string& why) {
    if (diags.error_count() == errors_before) diags.error(at, "image '" + img.path + "': " + why);
    return std::nullopt;
  };
  auto source = image::vector_source(img.path, diags, img.loc);
  if (!source) return report("cannot be read");
  Graphic graphic;
  graphic.path = img.path;
  graphic.page = img.page;
  // Spot colours name Separation spaces shared with the pages.
  std::vector<std::string> colorants;
  for (const auto& [rgb, c] : img.recolor) {
    std::string resource;
    if (c.space == model::Color::Space::Spot) {
      const Separation sep = separation_of(c);
      auto known = std::find(colorants.begin(), colorants.end(), sep.colorant);
      if (known == colorants.end()) {
        auto ref = separation(shared, sep);
        if (!ref) return report("cannot write to PDF: " + shared.writer->error());
        colorants.push_back(sep.colorant);
        graphic.spaces.push_back({"GalleySpot" + std::to_string(colorants.size()), *ref});
        known = colorants.end() - 1;
      }
      resource = graphic.spaces[static_cast<size_t>(known - colorants.begin())].resource;
    }
    graphic.recolor.push_back({rgb, " " + color_op(c, false, resource), " " + color_op(c, true, resource)});
  }
  if (source->drawing) {
    slot = drawn_form(*source->drawing, graphic, *shared.writer);
    if (!slot) return report("cannot write to PDF: " + shared.writer->error());
    return slot;
  }
  std::string error;
  const auto* copier =
      base::module_table<GraphicCopier>(image::kVectorModuleFile, kGraphicCopierEntry, kGraphicCopierAbi, error);
  if (!copier) return report("cannot read PDF and SVG images: " + error);
  graphic.bytes = std::shared_ptr<const std::string>(source, &source->pdf);
  WriterSink sink(*shared.writer);
  slot = copier->copy(graphic, sink, error);
  if (!slot) return report(error);
  return slot;
}

}  // namespace galley::pdf
