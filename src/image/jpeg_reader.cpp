// libjpeg reports fatal errors through error_exit, which must not return; we
// longjmp out of functions that hold only trivially destructible locals.
// Warnings (premature end of data, corrupt entropy data) are errors to us:
// libjpeg would otherwise paint the missing part grey and carry on.
#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>

#include <csetjmp>
#include <cstring>

#include "detail/jpeg_reader.h"
#include "detail/image_file.h"
#include "detail/jpeg_markers.h"

namespace galley::image::detail {
namespace {

struct ErrorManager {
  jpeg_error_mgr pub;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  bool warned;
};

void on_error_exit(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void on_message(j_common_ptr cinfo, int level) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  if (level < 0 && !err->warned) {
    err->warned = true;
    (*cinfo->err->format_message)(cinfo, err->message);
  }
}

struct JpegHeader {
  JDIMENSION width = 0, height = 0;
  int components = 0;
  J_COLOR_SPACE space = JCS_UNKNOWN;
  bool adobe = false, progressive = false;
  int density_unit = 0;
  unsigned density_x = 0, density_y = 0;
};

bool read_header(jpeg_decompress_struct& cinfo, ErrorManager& err, const std::string& bytes,
                 JpegHeader& h) {
  if (setjmp(err.jump)) return false;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  h.width = cinfo.image_width;
  h.height = cinfo.image_height;
  h.components = cinfo.num_components;
  h.space = cinfo.jpeg_color_space;
  h.adobe = cinfo.saw_Adobe_marker;
  h.progressive = cinfo.progressive_mode;
  h.density_unit = cinfo.density_unit;
  h.density_x = cinfo.X_density;
  h.density_y = cinfo.Y_density;
  return true;
}

// Decodes into `out`, which the caller sized as width*height*components.
bool read_pixels(jpeg_decompress_struct& cinfo, ErrorManager& err, J_COLOR_SPACE out_space,
                 unsigned char* out, size_t row_bytes) {
  if (setjmp(err.jump)) return false;
  cinfo.out_color_space = out_space;
  jpeg_start_decompress(&cinfo);
  if (cinfo.output_width * static_cast<size_t>(cinfo.output_components) != row_bytes)
    return false;
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out + cinfo.output_scanline * row_bytes;
    if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) return false;
  }
  jpeg_finish_decompress(&cinfo);
  return true;
}

class JpegReader {
 public:
  JpegReader() {
    std::memset(&err_, 0, sizeof err_);
    cinfo_.err = jpeg_std_error(&err_.pub);
    err_.pub.error_exit = on_error_exit;
    err_.pub.emit_message = on_message;
    if (setjmp(err_.jump)) return;
    jpeg_create_decompress(&cinfo_);
    created_ = true;
  }
  ~JpegReader() {
    if (created_) jpeg_destroy_decompress(&cinfo_);
  }
  JpegReader(const JpegReader&) = delete;
  JpegReader& operator=(const JpegReader&) = delete;

  bool ok() const { return created_; }
  jpeg_decompress_struct& cinfo() { return cinfo_; }
  ErrorManager& err() { return err_; }
  std::string error() const { return err_.message[0] ? err_.message : "corrupt data"; }

 private:
  jpeg_decompress_struct cinfo_{};
  ErrorManager err_;
  bool created_ = false;
};

std::optional<Info> header_info(JpegReader& r, const std::string& bytes, Diagnostics& diags,
                                const SourceLoc& where, const std::string& path) {
  if (!r.ok()) {
    report(diags, where, path, "out of memory");
    return std::nullopt;
  }
  JpegHeader h;
  if (!read_header(r.cinfo(), r.err(), bytes, h)) {
    report(diags, where, path, "invalid JPEG: " + r.error());
    return std::nullopt;
  }
  Info i;
  i.format = Format::Jpeg;
  i.width = static_cast<int>(h.width);
  i.height = static_cast<int>(h.height);
  i.bit_depth = 8;
  i.progressive = h.progressive;
  if (h.components == 1) {
    i.space = ColorSpace::Gray;
  } else if (h.components == 3) {
    i.space = ColorSpace::Rgb;
  } else if (h.components == 4) {
    i.space = ColorSpace::Cmyk;
  } else {
    report(diags, where, path,
           "unsupported JPEG with " + std::to_string(h.components) + " components");
    return std::nullopt;
  }
  if (h.density_x > 0 && h.density_y > 0) {
    const double per_inch = h.density_unit == 1 ? 1.0 : h.density_unit == 2 ? 2.54 : 0.0;
    i.dpi_x = h.density_x * per_inch;
    i.dpi_y = h.density_y * per_inch;
  }
  if (!check_size(i, diags, where, path)) return std::nullopt;
  return i;
}

}  // namespace

std::optional<Info> probe_jpeg(const std::string& bytes, Diagnostics& diags,
                               const SourceLoc& where, const std::string& path) {
  // The walk's verdict on lengths and scans is the decoder's too: a file
  // the PDF writer would refuse is refused where layout first reads it.
  std::string walk_error;
  walk_jpeg(bytes, walk_error);
  if (!walk_error.empty()) {
    report(diags, where, path, "invalid JPEG: " + walk_error);
    return std::nullopt;
  }
  JpegReader r;
  return header_info(r, bytes, diags, where, path);
}

std::optional<Pixels> decode_jpeg(std::string bytes, Diagnostics& diags, const SourceLoc& where,
                                  const std::string& path) {
  std::string walk_error;
  auto printable = walk_jpeg(bytes, walk_error);
  if (!walk_error.empty()) {
    report(diags, where, path, "invalid JPEG: " + walk_error);
    return std::nullopt;
  }
  if (printable) bytes = std::move(*printable);
  JpegReader r;
  auto info = header_info(r, bytes, diags, where, path);
  if (!info) return std::nullopt;
  Pixels px;
  px.info = *info;
  const J_COLOR_SPACE out = info->space == ColorSpace::Gray  ? JCS_GRAYSCALE
                            : info->space == ColorSpace::Rgb ? JCS_RGB
                                                             : JCS_CMYK;
  const size_t row_bytes = static_cast<size_t>(info->width) * components(info->space);
  px.data.resize(row_bytes * static_cast<size_t>(info->height));
  if (!read_pixels(r.cinfo(), r.err(), out, px.data.data(), row_bytes)) {
    report(diags, where, path, "invalid JPEG: " + r.error());
    return std::nullopt;
  }
  if (r.err().warned) {
    report(diags, where, path, "invalid JPEG: " + r.error());
    return std::nullopt;
  }
  if (!printable) {
    // libjpeg read what the walk could not: do not embed bytes nobody parsed.
    report(diags, where, path, "invalid JPEG: broken marker structure");
    return std::nullopt;
  }
  px.jpeg_inverted = info->space == ColorSpace::Cmyk && r.cinfo().saw_Adobe_marker;
  if (px.jpeg_inverted)
    for (auto& v : px.data) v = static_cast<uint8_t>(255 - v);
  px.jpeg = std::move(bytes);
  return px;
}

}  // namespace galley::image::detail
