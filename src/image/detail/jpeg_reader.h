// Internal to image/: reading JPEG files with libjpeg.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "image/image.h"

namespace galley::image::detail {

std::optional<Info> probe_jpeg(const std::string& bytes, Diagnostics& diags,
                               const SourceLoc& where, const std::string& path);
std::optional<Pixels> decode_jpeg(std::string bytes, Diagnostics& diags,
                                  const SourceLoc& where, const std::string& path);

}  // namespace galley::image::detail
