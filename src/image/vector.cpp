#include "detail/vector.h"

#include "base/memo.h"
#include "base/module.h"
#include "detail/file_stamp.h"
#include "detail/image_file.h"
#include "detail/vector_module.h"

namespace galley::image {
namespace {

struct PdfBytes {
  std::string data;
  size_t bytes() const { return data.size(); }
};

std::shared_ptr<const PdfBytes> load(const std::string& path, Diagnostics& diags, const SourceLoc& where) {
  auto bytes = detail::read_file(path, diags, where);
  if (!bytes) return nullptr;
  auto out = std::make_shared<PdfBytes>();
  if (bytes->compare(0, 5, "%PDF-") == 0) {
    out->data = std::move(*bytes);
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
  std::string error;
  auto pdf = detail::svg_to_pdf(*bytes, error);
  if (!pdf) {
    detail::report(diags, where, path, error);
    return nullptr;
  }
  out->data = std::move(*pdf);
  return out;
}

std::optional<VectorPage> read_page(const std::string& path, int page, Diagnostics& diags, const SourceLoc& where) {
  std::string error;
  const VectorReader* reader = vector_reader(error);
  if (!reader) {
    detail::report(diags, where, path, "cannot read PDF and SVG images: " + error);
    return std::nullopt;
  }
  auto bytes = vector_pdf(path, diags, where);
  if (!bytes) return std::nullopt;
  auto facts = reader->read_page(bytes, path, page, error);
  if (!facts) detail::report(diags, where, path, error);
  return facts;
}

}  // namespace

std::shared_ptr<const std::string> vector_pdf(const std::string& path, Diagnostics& diags, const SourceLoc& where) {
  // A batch places the same logo on every row's document.
  static base::Memo<PdfBytes> memo(size_t{64} << 20);
  const auto stamp = file_stamp(path);
  std::shared_ptr<const PdfBytes> got =
      stamp ? memo.get(path + '\n' + *stamp, [&] { return load(path, diags, where); }) : load(path, diags, where);
  if (!got) return nullptr;
  return std::shared_ptr<const std::string>(got, &got->data);
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
