// galley's own SVG reader (image/svg_native.cpp): any bytes as an SVG
// document, drawn as PDF operators or left for librsvg (not called here:
// librsvg is the library's to fuzz), and the drawing's content made.
#include <string>
#include <string_view>

#include "detail/vector.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string why;
  const auto drawing = image::detail::svg_native(std::string_view(reinterpret_cast<const char*>(data), size), why);
  if (drawing) {
    const std::string content = image::drawing_content(*drawing);
    if (content.size() < drawing->content.size()) __builtin_trap();  // paints only add operators
  }
  return 0;
}
