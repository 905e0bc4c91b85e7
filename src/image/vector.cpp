#include "detail/vector.h"

#include <set>

#include "base/memo.h"
#include "detail/file_stamp.h"
#include "detail/image_file.h"
#include "image/pdf_graph.h"

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

// Everything the page draws with, reached from its resources: counted and
// depth-checked against the budgets, content streams read for colours.
class Scan {
 public:
  explicit Scan(VectorPage& facts) : facts_(facts) {}

  bool content(const std::string& data, QPDFObjectHandle resources) {
    auto collect = [&](uint32_t rgb, bool) -> std::optional<std::string> {
      colors_.insert(rgb);
      return std::nullopt;
    };
    return rewrite_colors(data, rgb_space_in(resources), collect, error_).has_value();
  }

  bool walk(QPDFObjectHandle o, QPDFObjectHandle resources, int depth) {
    if (depth > kMaxVectorDepth) return fail("its objects nest more than 64 deep");
    if (o.isIndirect()) {
      if (!seen_.insert(o.getObjGen()).second) return true;
      if (static_cast<int>(seen_.size()) > kMaxVectorObjects) return fail("it has more than 100000 objects");
    }
    if (o.isDictionaryOfType("/Page") || o.isDictionaryOfType("/Pages")) return true;  // not copied
    if (o.isArray()) {
      for (auto& item : o.aitems())
        if (!walk(item, resources, depth + 1)) return false;
      return true;
    }
    if (!o.isDictionary() && !o.isStream()) return true;
    if (paints_rgb(o)) facts_.other_rgb = true;
    QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
    for (auto& [key, value] : dict.ditems())
      if (!walk(value, resources, depth + 1)) return false;
    if (!draws_content(o)) return true;
    QPDFObjectHandle own = dict.getKey("/Resources");
    auto data = decoded_stream(o, left_, error_);
    return data && content(*data, own.isDictionary() ? own : resources);
  }

  bool fail(const std::string& why) {
    error_ = why;
    return false;
  }
  void finish() { facts_.rgb.assign(colors_.begin(), colors_.end()); }
  uint64_t& left() { return left_; }
  std::string& error() { return error_; }

 private:
  VectorPage& facts_;
  std::set<QPDFObjGen> seen_;
  std::set<uint32_t> colors_;
  uint64_t left_ = kMaxVectorContentBytes;
  std::string error_;
};

std::optional<VectorPage> read_page(const std::string& path, int page, Diagnostics& diags, const SourceLoc& where) {
  auto bytes = vector_pdf(path, diags, where);
  if (!bytes) return std::nullopt;
  std::string error;
  auto opened = open_page(bytes, path, page, error);
  if (!opened) {
    detail::report(diags, where, path, error);
    return std::nullopt;
  }
  Scan scan(opened->facts);
  bool ok = false;
  try {
    auto data = decoded_contents(*opened, scan.left(), scan.error());
    ok = data && scan.walk(opened->resources, opened->resources, 0) && scan.content(*data, opened->resources);
  } catch (const std::exception& e) {
    scan.error() = std::string("not a readable PDF file: ") + e.what();
  }
  if (!ok) {
    detail::report(diags, where, path, scan.error());
    return std::nullopt;
  }
  scan.finish();
  return opened->facts;
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

}  // namespace galley::image
