// image/: PNG and JPEG files read and validated before anything else (layout,
// libharu) sees them. A malformed file is a diagnostic naming the file, never
// a crash: libpng and libjpeg run with error handlers of their own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "detail/file_stamp.h"  // file_stamp(), FileFacts: files as pdf/ and print/ key them
#include "detail/vector.h"      // probe_vector(), colours: PDF and SVG images for layout/, pdf/, print/

namespace galley::image {

// Pdf and Svg are vector graphics (image/vector.h): probe() tells them by
// their first bytes (or an .svg name) and gives no size; probe_vector reads them.
enum class Format { Png, Jpeg, Pdf, Svg };
enum class ColorSpace { Gray, Rgb, Cmyk };

// What the file says about itself, read from its header only.
struct Info {
  Format format = Format::Png;
  int width = 0, height = 0;  // pixels
  ColorSpace space = ColorSpace::Rgb;  // of the decoded pixels (palette → Rgb)
  int bit_depth = 8;          // as stored in the file (decode() always gives 8)
  bool has_alpha = false;     // alpha channel or tRNS transparency
  bool progressive = false;   // JPEG only
  double dpi_x = 0, dpi_y = 0;  // from pHYs / JFIF density; 0 when unknown
};

// Pixels ready for a PDF image XObject: 8 bits per component, rows top to
// bottom, no padding. CMYK is plain (0 = no ink), Adobe inversion undone.
struct Pixels {
  Info info;
  std::vector<uint8_t> data;   // width*height*components(space), unless png_idat
  std::vector<uint8_t> alpha;  // width*height, empty when fully opaque
  // A JPEG that decoded cleanly, kept as-is so the PDF can embed it with
  // DCTDecode instead of re-compressing; `jpeg_inverted` marks Adobe CMYK.
  std::string jpeg;
  bool jpeg_inverted = false;
  // With PngSamples::KeepStream, a PNG a PDF reader can inflate itself: its
  // IDAT data, concatenated, for FlateDecode with PNG predictors instead of
  // deflating the pixels again. `data` is then empty.
  std::string png_idat;
};

int components(ColorSpace space);

// The bytes decode() gives for an image: samples plus alpha.
uint64_t decoded_bytes(const Info& info);

// What the images of one document may decode to together: each is decoded
// once to be written, so this bounds the time a document spends on them.
inline constexpr uint64_t kMaxDocumentImageBytes = uint64_t{1} << 30;

// Files larger than this (in pixels) are rejected rather than decoded.
inline constexpr uint64_t kMaxPixels = 64'000'000;

// A progressive JPEG costs a pass over all its coefficients per scan; real
// encoders write about ten. libjpeg-turbo's own fuzzers stop at 500.
inline constexpr int kMaxJpegScans = 500;
// And scans × pixels at most this (a 64-megapixel picture gets 67 scans).
inline constexpr uint64_t kMaxJpegScanPixels = uint64_t{4} << 30;

// Reads the header. Errors are reported at `where` (the place in a
// descriptor that names the image) and name `path`. A header read before
// from the same file (image/detail/file_stamp.h) is not read again.
std::optional<Info> probe(const std::string& path, Diagnostics& diags,
                          const SourceLoc& where = {});

// What decode() gives for a PNG whose zlib stream a PDF can embed as is
// (8-bit gray or RGB, no transparency, not interlaced): pixels, or the
// stream itself, checked as far as a reader inflating it relies on.
enum class PngSamples { Decode, KeepStream };

// Decodes and fully validates the file (CRCs, truncation, sizes).
std::optional<Pixels> decode(const std::string& path, Diagnostics& diags,
                             const SourceLoc& where = {},
                             PngSamples png = PngSamples::Decode);

// While one lives on a thread, the checks of kept PNG streams that thread
// makes inflate into one mapping, kept and reused, instead of pages mapped
// for each picture and unmapped after it: a page first touched costs a
// fault (the brochure's three 1050 x 700 pictures, 180 pages each, about
// 1.4 ms of CPU a picture on the 2-core machine), one touched again does
// not. The pages are unmapped when the last one on the thread goes.
class ReusedRows {
 public:
  ReusedRows();
  ~ReusedRows();
  ReusedRows(const ReusedRows&) = delete;
  ReusedRows& operator=(const ReusedRows&) = delete;
};

}  // namespace galley::image
