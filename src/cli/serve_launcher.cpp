#include "cli/serve_launcher.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "base/module.h"

namespace galley::cli {

Command serve_launcher(CLI::App& app, char** argv) {
  auto* cmd = app.add_subcommand("serve", "serve templates over HTTP: a PDF per request (docs/serve.md)");
  cmd->prefix_command();
  cmd->set_help_flag();  // galley-serve answers --help with the options it has
  return {[cmd] { return static_cast<bool>(*cmd); },
          [argv] {
            const std::string path = base::sibling_path("galley-serve");
            ::execv(path.c_str(), argv);
            std::fprintf(stderr, "galley: error: cannot run %s: %s\n", path.c_str(), std::strerror(errno));
            return static_cast<int>(InternalError);
          }};
}

}  // namespace galley::cli
