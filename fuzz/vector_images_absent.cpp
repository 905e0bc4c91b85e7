// The fuzz build's stand-in for PDF and SVG images. clang cannot compile
// qpdf's headers as C++20 with this libstdc++ (fuzz/CMakeLists.txt), so the
// sources that read vector graphics (image/vector.cpp, pdf_graph.cpp,
// content_colors.cpp, pdf/vector_objects.cpp) are left out of this build and
// a document placing one gets a located error instead. The vector readers
// are exercised by tests/hostile/build/vector-* in the sanitizer run.
#include "image/image.h"
#include "pdf/pdf.h"
#include "detail/vector_objects.h"

namespace galley::image {

namespace {
constexpr const char* kAbsent = "PDF and SVG images are not read in the fuzz build";
}

std::shared_ptr<const std::string> vector_pdf(const std::string&, Diagnostics& diags, const SourceLoc& where) {
  diags.error(where, kAbsent);
  return nullptr;
}

std::optional<VectorPage> probe_vector(const std::string&, int, Diagnostics& diags, const SourceLoc& where) {
  diags.error(where, kAbsent);
  return std::nullopt;
}

std::optional<std::string> rewrite_colors(std::string_view, const RgbSpace&, const Recolor&, std::string& error) {
  error = kAbsent;
  return std::nullopt;
}

}  // namespace galley::image

namespace galley::pdf {

std::optional<Ref> DocumentGraphics::get(PageShared&, const layout::Image& image, Diagnostics& diags) {
  diags.error(image.loc, "PDF and SVG images are not read in the fuzz build");
  return std::nullopt;
}

}  // namespace galley::pdf
