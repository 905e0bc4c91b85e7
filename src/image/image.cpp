#include "image/image.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "detail/file_stamp.h"
#include "detail/image_file.h"
#include "detail/jpeg_reader.h"
#include "detail/png_reader.h"

namespace galley::image {
namespace {

enum class Kind { Png, Jpeg, Pdf, Svg, Unknown };

Kind sniff(const std::string& bytes) {
  static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), png_sig, 8) == 0) return Kind::Png;
  if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8 && static_cast<unsigned char>(bytes[2]) == 0xFF)
    return Kind::Jpeg;
  if (bytes.compare(0, 5, "%PDF-") == 0) return Kind::Pdf;
  size_t start = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (start < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[start]))) ++start;
  if (bytes.compare(start, 5, "<?xml") == 0 || bytes.compare(start, 4, "<svg") == 0) return Kind::Svg;
  return Kind::Unknown;
}

bool svg_name(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".svg";
}

std::optional<Info> vector_info(Format format) {
  Info info;
  info.format = format;
  info.width = info.height = 0;
  return info;
}

void report_unknown(const std::string& bytes, Diagnostics& diags, const SourceLoc& where,
                    const std::string& path) {
  detail::report(diags, where, path,
                 bytes.empty() ? "file is empty" : "not a PNG, JPEG, PDF or SVG file");
}

std::optional<Info> probe_file(const std::string& path, Diagnostics& diags, const SourceLoc& where) {
  auto bytes = detail::read_file(path, diags, where);
  if (!bytes) return std::nullopt;
  switch (sniff(*bytes)) {
    case Kind::Png: return detail::probe_png(*bytes, diags, where, path);
    case Kind::Jpeg: return detail::probe_jpeg(*bytes, diags, where, path);
    case Kind::Pdf: return vector_info(Format::Pdf);
    case Kind::Svg: return vector_info(Format::Svg);
    case Kind::Unknown:
      if (svg_name(path) && !bytes->empty()) return vector_info(Format::Svg);
      break;
  }
  report_unknown(*bytes, diags, where, path);
  return std::nullopt;
}

}  // namespace

int components(ColorSpace space) {
  switch (space) {
    case ColorSpace::Gray: return 1;
    case ColorSpace::Rgb: return 3;
    case ColorSpace::Cmyk: return 4;
  }
  return 1;
}

uint64_t decoded_bytes(const Info& info) {
  const uint64_t pixels = static_cast<uint64_t>(info.width) * static_cast<uint64_t>(info.height);
  return pixels * (components(info.space) + (info.has_alpha ? 1 : 0));
}

std::optional<Info> probe(const std::string& path, Diagnostics& diags, const SourceLoc& where) {
  // Layout and preflight probe every image of every batch row.
  static FileFacts<Info> headers;
  return headers.get(path, "", [&] { return probe_file(path, diags, where); });
}

std::optional<Pixels> decode(const std::string& path, Diagnostics& diags, const SourceLoc& where,
                             PngSamples png) {
  auto bytes = detail::read_file(path, diags, where);
  if (!bytes) return std::nullopt;
  switch (sniff(*bytes)) {
    case Kind::Png: return detail::decode_png(*bytes, diags, where, path, png);
    case Kind::Jpeg: return detail::decode_jpeg(std::move(*bytes), diags, where, path);
    case Kind::Pdf:
    case Kind::Svg:
      detail::report(diags, where, path, "a vector graphic has no pixels");
      return std::nullopt;
    case Kind::Unknown: break;
  }
  report_unknown(*bytes, diags, where, path);
  return std::nullopt;
}

}  // namespace galley::image
