// Vector graphics as image sources: one page of a PDF file, or an SVG
// drawing, drawn as PDF operators by galley's own reader when it keeps to
// the plain subset (image/svg_native.cpp), else converted to a one-page PDF
// (librsvg onto a cairo PDF surface, image/svg.cpp). pdf/ places either as
// a Form XObject; nothing here or there rasterises it. A malformed file, a page out of range or a graphic
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

// Reads and checks page `page` (1-based) of the graphic: the file parses,
// is not encrypted, has the page, and its content and resources are within
// the budgets. Kept by file identity and page. A PDF, or an SVG that
// librsvg converts, is read by galley-vector.so (detail/vector_module.h),
// loaded on the first call; a missing module is an error at `where`. An SVG
// drawn natively needs no module.
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

// A plain SVG drawn by galley's own reader (image/svg_native.cpp): PDF
// content operators for a Form XObject whose box is (0, 0, width, height)
// in points, with the colour operators left out: `paints` says where each
// goes, so the writer can set the colour `recolor` maps it to instead.
struct SvgDrawing {
  double width = 0, height = 0;  // points
  std::string content;
  struct Paint {
    size_t at = 0;  // offset in `content`
    uint32_t rgb = 0;
    bool stroke = false;
  };
  std::vector<Paint> paints;
  std::vector<uint32_t> rgb;  // the colours of `paints`, sorted and distinct
};

// The content stream of a drawing: each paint as `recolor` maps it, or as
// DeviceRGB `rg`/`RG` when it does not (or `recolor` is empty).
std::string drawing_content(const SvgDrawing& drawing, const Recolor& recolor = {});

// A vector image as it is placed: a PDF file's bytes, the PDF librsvg
// converts an SVG to, or an SVG drawn natively (`drawing`; `pdf` is empty).
struct VectorSource {
  std::string pdf;
  std::optional<SvgDrawing> drawing;
  size_t bytes() const { return pdf.size() + (drawing ? drawing->content.size() : 0); }
};

// The file as placed. Kept by file identity (image/file_stamp.h) for the
// process.
std::shared_ptr<const VectorSource> vector_source(const std::string& path, Diagnostics& diags,
                                                  const SourceLoc& where);

// "#rrggbb" → 0xRRGGBB.
std::optional<uint32_t> parse_hex_rgb(std::string_view text);
std::string hex_rgb(uint32_t rgb);

namespace detail {
// galley's own reader, for SVG's plain subset (docs/format.md, "SVG"): the
// drawing, or nullopt with `unsupported` naming the first thing outside
// the subset (or the XML error), and librsvg draws the document instead.
std::optional<SvgDrawing> svg_native(std::string_view svg, std::string& unsupported);
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
