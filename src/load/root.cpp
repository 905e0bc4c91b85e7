// The root folder a load may be confined to (load::Options).
#include <filesystem>

#include "load/load.h"

namespace galley::load {
namespace fs = std::filesystem;

std::optional<std::string> root_folder(const std::string& folder) {
  std::error_code ec;
  fs::path resolved = fs::canonical(folder, ec);
  if (ec || !fs::is_directory(resolved, ec)) return std::nullopt;
  return resolved.string();
}

bool check_inside_root(const std::string& path, const std::string& root, std::string_view what,
                       Diagnostics& diags) {
  if (root.empty() || inside_root(path, root)) return true;
  diags.error({path, 0, 0}, "the " + std::string(what) + " is outside the root folder");
  return false;
}

}  // namespace galley::load
