// Internal to image/: reading PNG files with libpng, within budgets.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "image/image.h"

namespace galley::image::detail {

// The largest ancillary PNG chunk (text, ICC profile) libpng may allocate,
// inflated size included.
inline constexpr size_t kMaxPngChunkBytes = 16u << 20;

std::optional<Info> probe_png(const std::string& bytes, Diagnostics& diags,
                              const SourceLoc& where, const std::string& path);
std::optional<Pixels> decode_png(const std::string& bytes, Diagnostics& diags,
                                 const SourceLoc& where, const std::string& path,
                                 PngSamples samples);

// The bytes of rows the calling thread keeps mapped for its ReusedRows; 0
// when it keeps none.
size_t kept_row_bytes();

}  // namespace galley::image::detail
