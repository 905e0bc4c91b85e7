// The module's reading of a page for probe_vector(): everything the page
// draws with, reached from its resources, counted and depth-checked against
// the budgets, and its content streams read for the RGB colours they set.
#include <cmath>
#include <limits>
#include <set>

#include "base/pdf_name.h"
#include "pdf_graph.h"

namespace galley::image {
namespace {

// libharu's largest dictionary (HPDF_LIMIT_MAX_DICT_ELEMENT).
constexpr size_t kMaxDictEntries = 4095;

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
    // What galley's PDF writer (libharu) cannot hold of what is copied.
    if (o.isName() && !name_fits(o.getName())) return false;
    if (o.isInteger() && (o.getIntValue() > std::numeric_limits<int32_t>::max() ||
                          o.getIntValue() < std::numeric_limits<int32_t>::min()))
      return fail("it has a number beyond 32-bit integers");
    if (o.isReal() && !(std::abs(o.getNumericValue()) < std::numeric_limits<int32_t>::max()))
      return fail("it has a number beyond 32-bit integers");
    if (o.isArray()) {
      for (auto& item : o.aitems())
        if (!walk(item, resources, depth + 1)) return false;
      return true;
    }
    if (!o.isDictionary() && !o.isStream()) return true;
    if (paints_rgb(o)) facts_.other_rgb = true;
    QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
    if (dict.getKeys().size() > kMaxDictEntries) return fail("a dictionary has more than 4095 entries");
    for (auto& [key, value] : dict.ditems())
      if (!name_fits(key) || !walk(value, resources, depth + 1)) return false;
    if (!draws_content(o)) return true;
    QPDFObjectHandle own = dict.getKey("/Resources");
    auto data = decoded_stream(o, left_, error_);
    return data && content(*data, own.isDictionary() ? own : resources);
  }

  // `name` as qpdf gives it, with its '/'.
  bool name_fits(const std::string& name) {
    // libharu cannot write the empty name `/`, valid as it is.
    if (name.size() <= 1) return fail("it has an empty name (/), which galley cannot copy");
    if (base::pdf_name_bytes(name.substr(1)) <= base::kMaxPdfNameBytes) return true;
    return fail("it has a name longer than PDF's 127 bytes");
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

}  // namespace

std::optional<VectorPage> read_page(std::shared_ptr<const std::string> bytes, const std::string& path, int page,
                                    std::string& error) {
  auto opened = open_page(std::move(bytes), path, page, error);
  if (!opened) return std::nullopt;
  Scan scan(opened->facts);
  bool ok = false;
  try {
    auto data = decoded_contents(*opened, scan.left(), scan.error());
    ok = data && scan.walk(opened->resources, opened->resources, 0) && scan.content(*data, opened->resources);
  } catch (const std::exception& e) {
    scan.error() = std::string("not a readable PDF file: ") + e.what();
  }
  if (!ok) {
    error = scan.error();
    return std::nullopt;
  }
  scan.finish();
  return opened->facts;
}

}  // namespace galley::image

extern "C" __attribute__((visibility("default"))) const void* galley_vector_reader() {
  static const galley::image::VectorReader reader{galley::image::kVectorReaderAbi, &galley::image::read_page,
                                                  &galley::image::rewrite_colors};
  return &reader;
}
