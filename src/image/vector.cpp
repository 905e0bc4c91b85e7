#include "detail/vector.h"

#include "base/memo.h"
#include "base/module.h"
#include "detail/file_stamp.h"
#include "detail/image_file.h"
#include "detail/vector_module.h"

namespace galley::image {
namespace {

std::shared_ptr<const VectorSource> load(const std::string& path, Diagnostics& diags, const SourceLoc& where) {
  auto bytes = detail::read_file(path, diags, where);
  if (!bytes) return nullptr;
  auto out = std::make_shared<VectorSource>();
  if (bytes->compare(0, 5, "%PDF-") == 0) {
    out->pdf = std::move(*bytes);
    return out;
  }
  if (bytes->size() > kMaxSvgBytes) {
    detail::report(diags, where, path, "SVG file is larger than 16 MB");
    return nullptr;
  }
  if (detail::svg_drawn_elements(*bytes) > kMaxSvgElements) {
    detail::report(diags, where, path, "SVG draws more than 100000 elements (<use> references counted)");
    return nullptr;
  }
  // What the native reader leaves (`error` says why) librsvg draws.
  std::string error;
  if (auto drawing = detail::svg_native(*bytes, error)) {
    out->drawing = std::move(drawing);
    return out;
  }
  auto pdf = detail::svg_to_pdf(*bytes, error);
  if (!pdf) {
    detail::report(diags, where, path, error);
    return nullptr;
  }
  out->pdf = std::move(*pdf);
  return out;
}

// A native drawing's facts: one page, its box its size.
VectorPage drawing_page(const SvgDrawing& d) {
  VectorPage page;
  page.pages = 1;
  page.box = {0, 0, d.width, d.height};
  page.width = d.width, page.height = d.height;
  page.rgb = d.rgb;
  return page;
}

std::optional<VectorPage> read_page(const std::string& path, int page, Diagnostics& diags, const SourceLoc& where) {
  auto source = vector_source(path, diags, where);
  if (!source) return std::nullopt;
  if (source->drawing) {
    if (page != 1) {
      detail::report(diags, where, path, "page " + std::to_string(page) + " is out of range (an SVG has one page)");
      return std::nullopt;
    }
    return drawing_page(*source->drawing);
  }
  std::string error;
  const VectorReader* reader = vector_reader(error);
  if (!reader) {
    detail::report(diags, where, path, "cannot read PDF and SVG images: " + error);
    return std::nullopt;
  }
  auto facts = reader->read_page(std::shared_ptr<const std::string>(source, &source->pdf), path, page, error);
  if (!facts) detail::report(diags, where, path, error);
  return facts;
}

}  // namespace

std::shared_ptr<const VectorSource> vector_source(const std::string& path, Diagnostics& diags,
                                                  const SourceLoc& where) {
  // A batch places the same logo on every row's document.
  static base::Memo<VectorSource> memo(size_t{64} << 20);
  const auto stamp = file_stamp(path);
  return stamp ? memo.get(path + '\n' + *stamp, [&] { return load(path, diags, where); }) : load(path, diags, where);
}

std::optional<VectorPage> probe_vector(const std::string& path, int page, Diagnostics& diags,
                                       const SourceLoc& where) {
  static FileFacts<VectorPage> pages;
  return pages.get(path, std::to_string(page), [&] { return read_page(path, page, diags, where); });
}

const VectorReader* vector_reader(std::string& error) {
  return base::module_table<VectorReader>(kVectorModuleFile, kVectorReaderEntry, kVectorReaderAbi, error);
}

}  // namespace galley::image
