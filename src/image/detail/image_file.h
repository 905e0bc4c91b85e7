// Shared helpers of the PNG and JPEG readers: the whole file in memory and a
// uniform way to report what is wrong with it.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "image/image.h"

namespace galley::image::detail {

// Files above this size are refused before they are read.
inline constexpr uintmax_t kMaxFileBytes = 512u << 20;
// The largest ancillary PNG chunk (text, ICC profile) libpng may allocate,
// inflated size included.
inline constexpr size_t kMaxPngChunkBytes = 16u << 20;

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags,
                                     const SourceLoc& where);

// Reports `image 'path': message` at `where`, or at the file itself when the
// caller has no descriptor location.
void report(Diagnostics& diags, const SourceLoc& where, const std::string& path,
            const std::string& message);

// Rejects empty and oversized images; true when the size is acceptable.
bool check_size(const Info& info, Diagnostics& diags, const SourceLoc& where,
                const std::string& path);

std::optional<Info> probe_png(const std::string& bytes, Diagnostics& diags,
                              const SourceLoc& where, const std::string& path);
std::optional<Pixels> decode_png(const std::string& bytes, Diagnostics& diags,
                                 const SourceLoc& where, const std::string& path,
                                 PngSamples samples);
// The file as the PDF embeds it: its segments with only what printing needs
// (jpeg_markers.cpp says what that is), up to the end marker. Null with an
// `error` when a segment's length overruns the file or there are more than
// kMaxJpegScans scans; null with no error when the marker structure is
// broken in a way libjpeg's own message describes better.
std::optional<std::string> walk_jpeg(const std::string& bytes, std::string& error);

std::optional<Info> probe_jpeg(const std::string& bytes, Diagnostics& diags,
                               const SourceLoc& where, const std::string& path);
std::optional<Pixels> decode_jpeg(std::string bytes, Diagnostics& diags,
                                  const SourceLoc& where, const std::string& path);

}  // namespace galley::image::detail
