#include "base/inside_root.h"

#include <filesystem>

namespace galley::base {
namespace fs = std::filesystem;

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

}  // namespace galley::base
