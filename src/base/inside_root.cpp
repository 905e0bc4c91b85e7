#include "base/inside_root.h"

#include <filesystem>
#include <iterator>

namespace galley::base {
namespace fs = std::filesystem;

bool resolved_inside(const std::string& file, const std::string& root) {
  const fs::path resolved(file);
  const fs::path folder(root);
  auto f = resolved.begin();
  for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
    if (d->empty() && std::next(d) == folder.end()) break;  // a trailing '/'
    if (f == resolved.end() || *f != *d) return false;
  }
  return f != resolved.end();  // the root itself is no file in it
}

std::optional<std::string> inside_root(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return std::nullopt;
  std::string resolved = file.string();
  if (!resolved_inside(resolved, root)) return std::nullopt;
  return resolved;
}

}  // namespace galley::base
