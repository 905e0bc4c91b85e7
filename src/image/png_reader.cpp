// libpng reports errors by longjmp. Every function that can be jumped out of
// holds only trivially destructible locals; buffers belong to the caller.
#include <libdeflate.h>
#include <png.h>
#include <sys/mman.h>
#include <zlib.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <memory>

#include "detail/png_reader.h"
#include "detail/adler32.h"
#include "detail/image_file.h"

namespace galley::image::detail {
namespace {

struct PngSource {
  const unsigned char* data = nullptr;
  size_t size = 0;
  size_t pos = 0;
  char error[200] = {};
};

void on_error(png_structp png, png_const_charp message) {
  auto* src = static_cast<PngSource*>(png_get_error_ptr(png));
  std::strncpy(src->error, message ? message : "unknown error", sizeof(src->error) - 1);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

void on_read(png_structp png, png_bytep out, png_size_t length) {
  auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
  if (length > src->size - src->pos) png_error(png, "file is truncated");
  std::memcpy(out, src->data + src->pos, length);
  src->pos += length;
}

struct PngHeader {
  png_uint_32 width = 0, height = 0;
  int bit_depth = 0, color_type = 0, interlace = 0;
  bool trns = false;
  png_uint_32 ppm_x = 0, ppm_y = 0;
  int phys_unit = 0;
  size_t rowbytes = 0;  // after transformations
  int channels = 0;     // after transformations
};

// Reads the header and, when `transform`, sets up expansion to 8-bit
// gray/RGB with optional alpha.
bool read_header(png_structp png, png_infop info, PngHeader& h, bool transform) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_user_limits(png, 1u << 20, 1u << 20);
  // Ancillary chunks (text, profiles) are allocated whole, compressed
  // ones at their inflated size.
  png_set_chunk_malloc_max(png, kMaxPngChunkBytes);
  png_read_info(png, info);
  png_get_IHDR(png, info, &h.width, &h.height, &h.bit_depth, &h.color_type, &h.interlace,
               nullptr, nullptr);
  h.trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
  png_get_pHYs(png, info, &h.ppm_x, &h.ppm_y, &h.phys_unit);
  if (!transform) return true;
  if (h.bit_depth == 16) png_set_scale_16(png);
  if (h.color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (h.color_type == PNG_COLOR_TYPE_GRAY && h.bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (h.trns) png_set_tRNS_to_alpha(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  h.rowbytes = png_get_rowbytes(png, info);
  h.channels = png_get_channels(png, info);
  return true;
}

bool read_rows(png_structp png, png_infop info, png_bytepp rows) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_read_image(png, rows);
  png_read_end(png, info);
  return true;
}

Info to_info(const PngHeader& h) {
  Info i;
  i.format = Format::Png;
  i.width = static_cast<int>(h.width);
  i.height = static_cast<int>(h.height);
  i.bit_depth = h.bit_depth;
  const bool gray = h.color_type == PNG_COLOR_TYPE_GRAY || h.color_type == PNG_COLOR_TYPE_GRAY_ALPHA;
  i.space = gray ? ColorSpace::Gray : ColorSpace::Rgb;
  i.has_alpha = (h.color_type & PNG_COLOR_MASK_ALPHA) != 0 || h.trns;
  if (h.phys_unit == PNG_RESOLUTION_METER && h.ppm_x > 0 && h.ppm_y > 0) {
    i.dpi_x = h.ppm_x * 0.0254;
    i.dpi_y = h.ppm_y * 0.0254;
  }
  return i;
}

// Owns the libpng structures so every exit path frees them.
class PngReader {
 public:
  explicit PngReader(const std::string& bytes) {
    src_.data = reinterpret_cast<const unsigned char*>(bytes.data());
    src_.size = bytes.size();
    png_ = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src_, on_error, on_warning);
    if (png_) info_ = png_create_info_struct(png_);
    if (png_ && info_) png_set_read_fn(png_, &src_, on_read);
  }
  ~PngReader() { png_destroy_read_struct(&png_, info_ ? &info_ : nullptr, nullptr); }
  PngReader(const PngReader&) = delete;
  PngReader& operator=(const PngReader&) = delete;

  bool ok() const { return png_ && info_; }
  png_structp png() { return png_; }
  png_infop info() { return info_; }
  std::string error() const { return src_.error; }

 private:
  PngSource src_;
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
};

uint32_t big_endian(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

std::string chunk_name(const unsigned char* type) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const bool letter = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
    name += letter ? static_cast<char>(type[i]) : '?';
  }
  return name;
}

// libpng allocates a chunk's declared length before reading it, so a few
// bytes claiming 2 GB cost 2 GB before "file is truncated". Empty when
// every length up to IEND (or the end of the file) fits in what follows.
std::string overrunning_chunk(const std::string& bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t pos = 8; bytes.size() - pos >= 8;) {
    const size_t length = big_endian(data + pos);
    const size_t remain = bytes.size() - pos - 8;
    if (length > remain) {
      return "chunk '" + chunk_name(data + pos + 4) + "' at byte " + std::to_string(pos) + " claims " +
             std::to_string(length) + " bytes, but " + std::to_string(remain) + " remain";
    }
    if (std::memcmp(data + pos + 4, "IEND", 4) == 0) break;
    pos += std::min(remain, length + 4) + 8;
  }
  return {};
}

// Up to this many inflated bytes (a 1,000 × 1,000 grey picture) the check
// inflates the stream whole with libdeflate, at less than half zlib's
// instructions; a bigger one streams through zlib's 64 KB window, so that
// checking a picture never holds all its rows at once.
constexpr size_t kWholeInflateLimit = size_t{1} << 20;

// The mapping ReusedRows keeps on this thread; `scopes` counts the ReusedRows alive.
struct ThreadRows {
  void* pages = nullptr;
  size_t size = 0;
  int scopes = 0;
};
thread_local ThreadRows thread_rows;

// Pages for `size` bytes of rows: the thread's kept mapping while a
// ReusedRows lives (grown when too small), else a mapping of their own,
// unmapped with them.
class RowPages {
 public:
  explicit RowPages(size_t size) : size_(std::max<size_t>(size, 1)) {
    ThreadRows& kept = thread_rows;
    if (kept.scopes == 0) {
      pages_ = map(size_);
      return;
    }
    if (kept.size < size_) {
      if (kept.pages) munmap(kept.pages, kept.size);
      kept.pages = map(size_);
      kept.size = kept.pages ? size_ : 0;
    }
    pages_ = kept.pages;
    own_ = false;
  }
  ~RowPages() {
    if (own_ && pages_) munmap(pages_, size_);
  }
  RowPages(const RowPages&) = delete;
  RowPages& operator=(const RowPages&) = delete;
  unsigned char* get() const { return static_cast<unsigned char*>(pages_); }

 private:
  // Populated up front: one call maps every page, cheaper than a fault
  // for each as the inflating first writes it (1.0-1.25 against 1.37 ms
  // for 736 KB here), and the inflating fills them all.
  static void* map(size_t size) {
    void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    return p == MAP_FAILED ? nullptr : p;
  }
  void* pages_ = nullptr;
  size_t size_;
  bool own_ = true;
};

// inflates_to_rows for a stream of at most kWholeInflateLimit bytes: the
// same verdict (libdeflate checks the header, the Adler-32 and the exact
// size; nothing may follow the checksum; every row's filter type 0-4).
bool inflates_whole_to_rows(const std::string& idat, size_t stride, size_t rows) {
  const size_t total = stride * rows;
  std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(
      libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
  // The rows go to pages of their own (or ReusedRows'), unmapped when
  // checked: from malloc they would stay resident in the thread's arena for
  // the whole build.
  const RowPages pages(total);
  unsigned char* out = pages.get();
  if (!d || !out) return false;
  size_t used = 0;
  bool ok = libdeflate_zlib_decompress_ex(d.get(), idat.data(), idat.size(), out, total, &used, nullptr) ==
                LIBDEFLATE_SUCCESS &&
            used == idat.size();
  for (size_t row = 0; ok && row < rows; ++row) ok = out[row * stride] <= 4;
  return ok;
}

// What inflates_to_rows's out() sees of the rows as they come.
struct RowCheck {
  size_t stride = 0, total = 0, at = 0;
  uint32_t adler = 1;
  bool ok = true;
};

// zlib's inflateBack output callback: checks each row's filter type and
// sums the bytes; non-zero stops the inflating (more bytes than the rows).
int check_rows(void* context, unsigned char* out, unsigned got) {
  auto& c = *static_cast<RowCheck*>(context);
  if (got > c.total - c.at) {
    c.ok = false;
    return 1;
  }
  for (size_t row = (c.at + c.stride - 1) / c.stride * c.stride; row < c.at + got; row += c.stride)
    c.ok = c.ok && out[row - c.at] <= 4;
  c.adler = adler32_checksum(c.adler, out, got);
  c.at += got;
  return 0;
}

// inflateBack's input callback: all of the stream was given at the start.
unsigned no_more_input(void*, z_const unsigned char**) { return 0; }

// Inflates the IDAT data without keeping it: true when it is one zlib
// stream (Adler-32 checked, nothing after it) of exactly `rows` rows of a
// PNG filter type (0-4) and `rowbytes` samples. The zlib header and the
// checksum are read here and the deflate data inflated raw, with the 32 KB
// window zlib's own wrapper uses whatever the header declares: zlib's
// scalar Adler-32 cost as much as the inflating (detail/adler32.h). The
// rows are inflated with inflateBack into that window itself and checked
// there: inflate() into a buffer of its own copied 32 KB of every 64 KB it
// made into its window (2.7 M instructions for the cover photograph).
bool inflates_to_rows(const std::string& idat, size_t rowbytes, size_t rows) {
  const auto* in = reinterpret_cast<const unsigned char*>(idat.data());
  if (idat.size() < 6) return false;
  const unsigned cmf = in[0], flg = in[1];
  // Deflate, a window of at most 32 KB, the check bits right, no preset dictionary.
  if ((cmf & 0x0f) != 8 || (cmf >> 4) > 7 || (cmf * 256 + flg) % 31 != 0 || (flg & 0x20)) return false;
  const size_t stride = rowbytes + 1, total = stride * rows;
  if (total <= kWholeInflateLimit) return inflates_whole_to_rows(idat, stride, rows);
  z_stream z{};
  unsigned char window[1 << MAX_WBITS];
  if (inflateBackInit(&z, MAX_WBITS, window) != Z_OK) return false;
  z.next_in = const_cast<Bytef*>(in + 2);
  z.avail_in = static_cast<uInt>(idat.size() - 2);
  RowCheck check;
  check.stride = stride;
  check.total = total;
  const int rc = inflateBack(&z, no_more_input, nullptr, check_rows, &check);
  const bool whole = rc == Z_STREAM_END && z.next_in && z.avail_in == 4 && check.at == total &&
                     big_endian(z.next_in) == check.adler;
  inflateBackEnd(&z);
  return check.ok && whole;
}

// The concatenated IDAT payloads, when the file holds exactly what a PDF
// reader's FlateDecode with PNG predictors relies on: every chunk's CRC
// right, the IDATs consecutive, an IEND, and rows as inflates_to_rows checks.
// Empty otherwise: the caller then decodes with libpng, whose verdict (and
// message) on a bad file stays the only one.
std::string checked_idat(const std::string& bytes, size_t rowbytes, size_t rows) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::string idat;
  bool in_idat = false, after_idat = false;
  for (size_t pos = 8;;) {
    if (bytes.size() - pos < 12) return {};
    const size_t length = big_endian(data + pos);
    if (length > bytes.size() - pos - 12) return {};
    const unsigned char* type = data + pos + 4;
    if (libdeflate_crc32(0, type, length + 4) != big_endian(type + 4 + length)) return {};
    const bool is_idat = std::memcmp(type, "IDAT", 4) == 0;
    if (is_idat && after_idat) return {};
    if (is_idat) idat.append(bytes, pos + 8, length);
    after_idat = after_idat || (in_idat && !is_idat);
    in_idat = is_idat;
    if (std::memcmp(type, "IEND", 4) == 0) break;
    pos += 12 + length;
  }
  if (!inflates_to_rows(idat, rowbytes, rows)) return {};
  return idat;
}

bool embeddable_as_is(const PngHeader& h) {
  return h.bit_depth == 8 && h.interlace == PNG_INTERLACE_NONE && !h.trns &&
         (h.color_type == PNG_COLOR_TYPE_GRAY || h.color_type == PNG_COLOR_TYPE_RGB);
}

// The checks probing and decoding share, up to the header read: chunks
// that run past the file's end are refused before libpng sees them.
bool open_png(PngReader& r, const std::string& bytes, PngHeader& h, bool transform,
              Diagnostics& diags, const SourceLoc& where, const std::string& path) {
  if (auto overrun = overrunning_chunk(bytes); !overrun.empty()) {
    report(diags, where, path, "invalid PNG: " + overrun);
    return false;
  }
  if (!r.ok()) {
    report(diags, where, path, "out of memory");
    return false;
  }
  if (!read_header(r.png(), r.info(), h, transform)) {
    report(diags, where, path, "invalid PNG: " + r.error());
    return false;
  }
  return true;
}

}  // namespace

std::optional<Info> probe_png(const std::string& bytes, Diagnostics& diags,
                              const SourceLoc& where, const std::string& path) {
  PngReader r(bytes);
  PngHeader h;
  if (!open_png(r, bytes, h, false, diags, where, path)) return std::nullopt;
  Info info = to_info(h);
  if (!check_size(info, diags, where, path)) return std::nullopt;
  return info;
}

std::optional<Pixels> decode_png(const std::string& bytes, Diagnostics& diags,
                                 const SourceLoc& where, const std::string& path,
                                 PngSamples samples) {
  PngReader r(bytes);
  PngHeader h;
  if (!open_png(r, bytes, h, true, diags, where, path)) return std::nullopt;
  Pixels px;
  px.info = to_info(h);
  if (!check_size(px.info, diags, where, path)) return std::nullopt;
  const size_t w = h.width, rows_n = h.height;
  const int color_channels = px.info.space == ColorSpace::Gray ? 1 : 3;
  if (h.channels != color_channels && h.channels != color_channels + 1) {
    report(diags, where, path, "unsupported PNG channel layout");
    return std::nullopt;
  }
  if (h.rowbytes != w * static_cast<size_t>(h.channels)) {
    report(diags, where, path, "unexpected PNG row size");
    return std::nullopt;
  }
  if (samples == PngSamples::KeepStream && embeddable_as_is(h)) {
    px.png_idat = checked_idat(bytes, h.rowbytes, rows_n);
    if (!px.png_idat.empty()) return px;
  }
  std::vector<unsigned char> raw(h.rowbytes * rows_n);
  std::vector<png_bytep> rows(rows_n);
  for (size_t y = 0; y < rows_n; ++y) rows[y] = raw.data() + y * h.rowbytes;
  if (!read_rows(r.png(), r.info(), rows.data())) {
    report(diags, where, path, "invalid PNG: " + r.error());
    return std::nullopt;
  }
  if (h.channels == color_channels) {
    px.data = std::move(raw);
    return px;
  }
  px.data.resize(w * rows_n * color_channels);
  px.alpha.resize(w * rows_n);
  bool opaque = true;
  for (size_t i = 0; i < w * rows_n; ++i) {
    const unsigned char* p = raw.data() + i * h.channels;
    std::memcpy(px.data.data() + i * color_channels, p, color_channels);
    px.alpha[i] = p[color_channels];
    opaque = opaque && p[color_channels] == 255;
  }
  if (opaque) px.alpha.clear();
  return px;
}

size_t kept_row_bytes() { return thread_rows.pages ? thread_rows.size : 0; }

}  // namespace galley::image::detail

namespace galley::image {

ReusedRows::ReusedRows() { ++detail::thread_rows.scopes; }

ReusedRows::~ReusedRows() {
  detail::ThreadRows& kept = detail::thread_rows;
  if (--kept.scopes > 0 || !kept.pages) return;
  munmap(kept.pages, kept.size);
  kept.pages = nullptr;
  kept.size = 0;
}

}  // namespace galley::image
