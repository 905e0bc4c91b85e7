// Writes the generated image seeds of fuzz/corpus/png and fuzz/corpus/jpeg:
// one small file per colour type, depth, interlacing and JPEG mode, made by
// the same generators as the image tests. Run from the repository root:
//   cmake --build build-fuzz --target make_fuzz_seeds && build-fuzz/fuzz/make_fuzz_seeds
#include <png.h>
#include <zlib.h>

#include <string>

#include "image/make_images.h"

using namespace galley::testimg;

namespace {

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
  const std::string body = type + data;
  return be32(static_cast<uint32_t>(data.size())) + body +
         be32(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
}

// `chunks` spliced in after the signature and IHDR (8 + 25 bytes).
std::string with_chunks(std::string png, const std::string& chunks) {
  return png.insert(33, chunks);
}

// `segments` spliced in after the SOI marker, `trailer` after EOI.
std::string with_segments(std::string jpeg, const std::string& segments, const std::string& trailer) {
  return jpeg.insert(2, segments) + trailer;
}

std::string jpeg_segment(uint8_t marker, const std::string& data) {
  const auto n = static_cast<uint16_t>(data.size() + 2);
  return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(n >> 8), static_cast<char>(n)} + data;
}

}  // namespace

int main() {
  struct Png {
    const char* name;
    int type, depth;
    bool trns, interlaced;
  };
  const Png pngs[] = {
      {"gray1", PNG_COLOR_TYPE_GRAY, 1, false, false},
      {"gray8", PNG_COLOR_TYPE_GRAY, 8, false, false},
      {"gray16-interlaced", PNG_COLOR_TYPE_GRAY, 16, false, true},
      {"gray-alpha8", PNG_COLOR_TYPE_GRAY_ALPHA, 8, false, false},
      {"rgb8", PNG_COLOR_TYPE_RGB, 8, false, false},
      {"rgb8-interlaced", PNG_COLOR_TYPE_RGB, 8, false, true},
      {"rgb16", PNG_COLOR_TYPE_RGB, 16, false, false},
      {"rgba8", PNG_COLOR_TYPE_RGB_ALPHA, 8, false, false},
      {"palette2-trns", PNG_COLOR_TYPE_PALETTE, 2, true, false},
      {"palette8", PNG_COLOR_TYPE_PALETTE, 8, false, false},
  };
  for (const auto& p : pngs)
    write_file(std::string("fuzz/corpus/png/") + p.name + ".png",
               png_bytes(7, 5, p.type, p.depth, p.trns, p.interlaced));
  // Ancillary chunks a reader must skip, measure or bound: text (plain,
  // compressed, international), gamma, sRGB and a time stamp.
  const std::string text_chunks =
      png_chunk("tEXt", std::string("Comment\0hello", 13)) +
      png_chunk("zTXt", std::string("Title\0\0", 7) + "\x78\x9c\x03\x00\x00\x00\x00\x01") +
      png_chunk("iTXt", std::string("Author\0\0\0en\0Autor\0Ana", 25)) +
      png_chunk("gAMA", be32(45455)) + png_chunk("sRGB", std::string(1, '\0')) +
      png_chunk("tIME", std::string("\x07\xea\x0c\x06\x0d\x00\x00", 7));
  write_file("fuzz/corpus/png/rgb8-text-chunks.png",
             with_chunks(png_bytes(7, 5, PNG_COLOR_TYPE_RGB, 8), text_chunks));
  struct Jpeg {
    const char* name;
    int components;
    bool progressive;
  };
  const Jpeg jpegs[] = {
      {"gray", 1, false}, {"rgb", 3, false}, {"rgb-progressive", 3, true},
      {"cmyk", 4, false}, {"cmyk-progressive", 4, true},
  };
  for (const auto& j : jpegs)
    write_file(std::string("fuzz/corpus/jpeg/") + j.name + ".jpg",
               jpeg_bytes(17, 9, j.components, j.progressive));
  // What a camera adds: an Exif APP1 (with a GPS IFD pointer), an XMP
  // APP1, a comment, and bytes after the end marker.
  const std::string exif = std::string("Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1a\0\0\0\0", 30);
  const std::string xmp = std::string("http://ns.adobe.com/xap/1.0/\0", 29) + "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>";
  write_file("fuzz/corpus/jpeg/rgb-camera-metadata.jpg",
             with_segments(jpeg_bytes(17, 9, 3, false),
                           jpeg_segment(0xE1, exif) + jpeg_segment(0xE1, xmp) + jpeg_segment(0xFE, "a comment"),
                           "trailing bytes"));
}
