// `galley watch CONTENT.yaml [--layout L] [-o OUT]`: builds, then rebuilds
// whenever a file the build read changes (content, layout, images, fonts,
// ICC profile), until Ctrl-C. Each build is a fresh `galley build` process,
// so a build sees exactly what a one-off build would, and a failed build
// leaves the last good PDF in place (builds write atomically).
#pragma once
#include <string>

namespace galley::cli {

int run_watch(const std::string& content, const std::string& layout, const std::string& output);

}  // namespace galley::cli
