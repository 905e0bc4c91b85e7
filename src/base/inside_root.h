// Confining file reads to one folder (`--root`, galley serve): shared by
// load/, which checks every file a descriptor names, and resolve/, which
// finds the images inside text.
#pragma once
#include <optional>
#include <string>

namespace galley::base {

// `path` resolved through symlinks (those of its missing tail cannot be)
// when that is inside `root`, else nothing. `root` as load::root_folder() gives.
std::optional<std::string> inside_root(const std::string& path, const std::string& root);

// Whether `file`, already resolved, lies inside `root` (as above),
// component by component (so /srv/site2 is not inside /srv/site), and is
// not the root itself.
bool resolved_inside(const std::string& file, const std::string& root);

}  // namespace galley::base
