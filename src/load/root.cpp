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

std::optional<std::string> inside_root(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return std::nullopt;
  // Component by component, so /srv/site2 is not inside /srv/site.
  const fs::path folder(root);
  auto f = file.begin();
  for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
    if (d->empty() && std::next(d) == folder.end()) break;  // a trailing '/'
    if (f == file.end() || *f != *d) return std::nullopt;
  }
  if (f == file.end()) return std::nullopt;  // the root itself is no file in it
  return file.string();
}

bool check_inside_root(const std::string& path, const std::string& root, std::string_view what,
                       Diagnostics& diags) {
  if (root.empty() || inside_root(path, root)) return true;
  diags.error({path, 0, 0}, "the " + std::string(what) + " is outside the root folder");
  return false;
}

}  // namespace galley::load
