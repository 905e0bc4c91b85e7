// Shared helpers of the image readers (png_reader.h, jpeg_reader.h, vector
// graphics): the whole file in memory and a uniform way to report what is
// wrong with it.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "image/image.h"

namespace galley::image::detail {

// Files above this size are refused before they are read.
inline constexpr uintmax_t kMaxFileBytes = 512u << 20;

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags,
                                     const SourceLoc& where);

// Reports `image 'path': message` at `where`, or at the file itself when the
// caller has no descriptor location.
void report(Diagnostics& diags, const SourceLoc& where, const std::string& path,
            const std::string& message);

// Rejects empty and oversized images; true when the size is acceptable.
bool check_size(const Info& info, Diagnostics& diags, const SourceLoc& where,
                const std::string& path);

}  // namespace galley::image::detail
