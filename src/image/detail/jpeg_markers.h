// Internal to image/: a JPEG file's marker segments, as the PDF embeds them.
#pragma once
#include <optional>
#include <string>

#include "image/image.h"  // kMaxJpegScans

namespace galley::image::detail {

// The file as the PDF embeds it: its segments with only what printing needs
// (jpeg_markers.cpp says what that is), up to the end marker. Null with an
// `error` when a segment's length overruns the file or there are more than
// kMaxJpegScans scans; null with no error when the marker structure is
// broken in a way libjpeg's own message describes better.
std::optional<std::string> walk_jpeg(const std::string& bytes, std::string& error);

}  // namespace galley::image::detail
