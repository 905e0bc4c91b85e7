// Vector graphics as image sources: one page of a PDF file, or an SVG
// drawing converted to a one-page PDF (librsvg onto a cairo PDF surface,
// image/svg.cpp). pdf/ places the page as a Form XObject; nothing here or
// there rasterises it. A malformed file, a page out of range or a graphic
// over the budgets below is an error naming the file at the descriptor.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::image {

// An SVG file above this is refused before it is parsed, as a PDF above
// image_file.h's kMaxFileBytes.
inline constexpr uintmax_t kMaxSvgBytes = 16u << 20;
// An SVG whose width or height is larger (200 inches, PDF's own page
// limit) is refused before cairo draws it.
inline constexpr double kMaxSvgPoints = 14400;
// Elements an SVG may draw, `<use>` references expanded: librsvg spends
// about 20 µs on each (its own limit, 500,000 references, takes ten seconds
// to reach).
inline constexpr uint64_t kMaxSvgElements = 100'000;
// What one graphic may bring into the PDF: its objects, how deeply they
// nest (references included), and the bytes of the content streams that
// are decoded (to read or rewrite their colours).
inline constexpr int kMaxVectorObjects = 100'000;
inline constexpr int kMaxVectorDepth = 64;
inline constexpr uint64_t kMaxVectorContentBytes = uint64_t{64} << 20;

// The module that reads PDF pages with libqpdf, for image/ and pdf/
// (detail/vector_module.h, pdf/detail/vector_module.h).
inline constexpr const char* kVectorModuleFile = "galley-vector.so";

// The page of a vector graphic that is placed.
struct VectorPage {
  int pages = 0;  // in the file
  // The page's TrimBox, else CropBox, else MediaBox, in its user space.
  std::array<double, 4> box{0, 0, 0, 0};
  int rotate = 0;  // /Rotate: 0, 90, 180 or 270
  double width = 0, height = 0;  // placed size in points, rotation applied
  // The DeviceRGB colours its content sets (rg/RG, sc/scn in an RGB space),
  // 0xRRGGBB, sorted and distinct: what `recolor` can map.
  std::vector<uint32_t> rgb;
  // RGB a colour mapping cannot change: images, shadings (gradients).
  bool other_rgb = false;
};

// The file as a PDF: a PDF file's bytes, or the PDF an SVG converts to.
// Kept by file identity (image/file_stamp.h) for the process.
std::shared_ptr<const std::string> vector_pdf(const std::string& path, Diagnostics& diags,
                                              const SourceLoc& where);

// Reads and checks page `page` (1-based) of the graphic: the file parses,
// is not encrypted, has the page, and its content and resources are within
// the budgets. Kept by file identity and page. The reading is done by
// galley-vector.so (detail/vector_module.h), loaded on the first call; a
// missing module is an error at `where`.
std::optional<VectorPage> probe_vector(const std::string& path, int page, Diagnostics& diags,
                                       const SourceLoc& where);

// Whether a content stream's colour space resource (or a device space
// name) is RGB: the caller resolves names through its resources.
using RgbSpace = std::function<bool(const std::string& name)>;

// A fill (`stroke` false) or stroke colour set in DeviceRGB, as 0xRRGGBB
// (each component rounded to 8 bits): the operators to set instead, or
// nullopt to keep the original ones. The walk over a content stream that
// calls it is the vector module's (detail/vector_module.h).
using Recolor = std::function<std::optional<std::string>(uint32_t rgb, bool stroke)>;

// "#rrggbb" → 0xRRGGBB.
std::optional<uint32_t> parse_hex_rgb(std::string_view text);
std::string hex_rgb(uint32_t rgb);

namespace detail {
// librsvg: the SVG drawn onto a cairo PDF surface of its own size; nullopt
// with `error` when it does not parse or is larger than kMaxSvgPoints.
// References to other files are never read (the handle has no base file).
std::optional<std::string> svg_to_pdf(const std::string& svg, std::string& error);
// The elements the SVG draws, each `<use>` counting what it refers to,
// from a tolerant scan of its tags; more than kMaxSvgElements may stop the
// count early.
uint64_t svg_drawn_elements(std::string_view svg);
}  // namespace detail

}  // namespace galley::image
