#include "pdf_graph.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>

namespace galley::image {
namespace {

struct OverBudget {};

// Appends what it is given to `out`, throwing once more than `left`
// bytes have come: a small Flate stream can inflate to gigabytes.
class Capped : public Pipeline {
 public:
  Capped(std::string& out, uint64_t& left) : Pipeline("galley capped", nullptr), out_(out), left_(left) {}
  void write(unsigned char const* data, size_t len) override {
    if (len > left_) throw OverBudget{};
    left_ -= len;
    out_.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}

 private:
  std::string& out_;
  uint64_t& left_;
};

const char* over_budget() {
  return "its content streams decode to more than 64 MB";
}

template <class Pipe>
std::optional<std::string> capped(uint64_t& left, std::string& error, Pipe&& pipe) {
  std::string out;
  Capped sink(out, left);
  try {
    if (!pipe(sink)) {
      error = "a content stream cannot be decoded";
      return std::nullopt;
    }
  } catch (const OverBudget&) {
    error = over_budget();
    return std::nullopt;
  } catch (const std::exception& e) {
    error = std::string("not a readable PDF file: ") + e.what();
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<OpenedPage> open_page(std::shared_ptr<const std::string> bytes, const std::string& path, int page,
                                    std::string& error) {
  OpenedPage out;
  out.bytes = std::move(bytes);
  try {
    out.pdf = std::make_shared<QPDF>();
    out.pdf->setSuppressWarnings(true);
    out.pdf->setAttemptRecovery(false);
    out.pdf->processMemoryFile(path.c_str(), out.bytes->data(), out.bytes->size());
    if (out.pdf->isEncrypted()) {
      error = "the PDF is encrypted (galley places only unencrypted PDF pages)";
      return std::nullopt;
    }
    const auto pages = QPDFPageDocumentHelper(*out.pdf).getAllPages();
    out.facts.pages = static_cast<int>(pages.size());
    if (page < 1 || page > out.facts.pages) {
      error = "page " + std::to_string(page) + " is out of range (the PDF has " + std::to_string(pages.size()) +
              (pages.size() == 1 ? " page)" : " pages)");
      return std::nullopt;
    }
    QPDFPageObjectHelper helper = pages[static_cast<size_t>(page - 1)];
    out.page = helper.getObjectHandle();
    out.resources = helper.getAttribute("/Resources", false);
    if (!out.resources.isDictionary()) out.resources = QPDFObjectHandle::newNull();
    QPDFObjectHandle box = helper.getTrimBox();
    if (!box.isRectangle()) {
      error = "the page has no valid MediaBox";
      return std::nullopt;
    }
    const auto r = box.getArrayAsRectangle();
    out.facts.box = {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
    QPDFObjectHandle rotate = helper.getAttribute("/Rotate", false);
    if (rotate.isInteger()) out.facts.rotate = ((static_cast<int>(rotate.getIntValue() % 360) + 360) % 360) / 90 * 90;
    const double w = out.facts.box[2] - out.facts.box[0], h = out.facts.box[3] - out.facts.box[1];
    const bool turned = out.facts.rotate == 90 || out.facts.rotate == 270;
    out.facts.width = turned ? h : w;
    out.facts.height = turned ? w : h;
    if (!(out.facts.width > 0) || !(out.facts.height > 0) || !std::isfinite(w) || !std::isfinite(h)) {
      error = "the page has zero size";
      return std::nullopt;
    }
  } catch (const std::exception& e) {
    error = std::string("not a readable PDF file: ") + e.what();
    return std::nullopt;
  }
  return out;
}

bool draws_content(QPDFObjectHandle stream) {
  if (!stream.isStream()) return false;
  QPDFObjectHandle d = stream.getDict();
  return d.getKey("/Subtype").isNameAndEquals("/Form") ||
         (d.getKey("/PatternType").isInteger() && d.getKey("/PatternType").getIntValue() == 1);
}

std::optional<std::string> decoded_stream(QPDFObjectHandle stream, uint64_t& left, std::string& error) {
  // A filter qpdf does not decode at this level (JBIG2, JPX, CCITT, or DCT
  // after another) would pass its bytes through undecoded.
  bool attempted = false;
  auto data = capped(left, error, [&](Pipeline& p) {
    return stream.pipeStreamData(&p, &attempted, 0, qpdf_dl_generalized, true, false);
  });
  if (data && !attempted && !stream.getDict().getKey("/Filter").isNull()) {
    error = "a stream uses a filter galley cannot copy (" + stream.getDict().getKey("/Filter").unparse() + ")";
    return std::nullopt;
  }
  return data;
}

std::optional<std::string> decoded_contents(OpenedPage& page, uint64_t& left, std::string& error) {
  return capped(left, error, [&](Pipeline& p) {
    QPDFPageObjectHelper(page.page).pipeContents(&p);
    return true;
  });
}

bool is_rgb_space(QPDFObjectHandle space) {
  if (space.isName()) {
    const std::string n = space.getName();
    return n == "/DeviceRGB" || n == "/RGB" || n == "/CalRGB";
  }
  if (!space.isArray() || space.getArrayNItems() < 2 || !space.getArrayItem(0).isName()) return false;
  const std::string family = space.getArrayItem(0).getName();
  if (family == "/CalRGB") return true;
  if (family == "/ICCBased") {
    QPDFObjectHandle profile = space.getArrayItem(1);
    return profile.isStream() && profile.getDict().getKey("/N").isInteger() &&
           profile.getDict().getKey("/N").getIntValue() == 3;
  }
  if (family == "/Indexed" || family == "/I") {
    QPDFObjectHandle base = space.getArrayItem(1);
    return !base.isArray() || base.getArrayNItems() < 1 || !base.getArrayItem(0).isNameAndEquals("/Indexed")
               ? is_rgb_space(base)
               : false;
  }
  return false;
}

bool paints_rgb(QPDFObjectHandle dict) {
  if (dict.isStream()) dict = dict.getDict();
  if (!dict.isDictionary() || !dict.hasKey("/ColorSpace")) return false;
  const bool image = dict.getKey("/Subtype").isNameAndEquals("/Image");
  return (image || dict.hasKey("/ShadingType")) && is_rgb_space(dict.getKey("/ColorSpace"));
}

RgbSpace rgb_space_in(QPDFObjectHandle resources) {
  return [resources](const std::string& name) mutable {
    if (name == "DeviceRGB" || name == "RGB") return true;
    if (!resources.isDictionary()) return false;
    try {
      QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
      return spaces.isDictionary() && is_rgb_space(spaces.getKey("/" + name));
    } catch (const std::exception&) {
      return false;  // the scan of the resources reports a broken object
    }
  };
}

}  // namespace galley::image
