#include "detail/image_file.h"

#include <filesystem>
#include <fstream>

namespace galley::image::detail {

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags,
                                     const SourceLoc& where) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    report(diags, where, path, "file not found");
    return std::nullopt;
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    report(diags, where, path, "cannot read file: " + ec.message());
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    report(diags, where, path, "file is larger than 512 MB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    report(diags, where, path, "cannot read file");
    return std::nullopt;
  }
  return bytes;
}

void report(Diagnostics& diags, const SourceLoc& where, const std::string& path,
            const std::string& message) {
  SourceLoc loc = where;
  if (loc.file.empty()) loc.file = path;
  diags.error(loc, "image '" + path + "': " + message);
}

bool check_size(const Info& info, Diagnostics& diags, const SourceLoc& where,
                const std::string& path) {
  if (info.width <= 0 || info.height <= 0) {
    report(diags, where, path, "image has zero size");
    return false;
  }
  if (static_cast<uint64_t>(info.width) * static_cast<uint64_t>(info.height) > kMaxPixels) {
    report(diags, where, path,
           "image is too large (" + std::to_string(info.width) + "x" +
               std::to_string(info.height) + " pixels)");
    return false;
  }
  return true;
}

}  // namespace galley::image::detail
