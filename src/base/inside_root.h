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

}  // namespace galley::base
