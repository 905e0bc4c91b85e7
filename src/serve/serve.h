// serve/: `galley serve`, the warm HTTP service (docs/serve.md). A stage
// after cli: it builds with cli's Session and build(), and adds its command
// to cli's parser through main().
#pragma once
#include "cli/cli.h"

namespace galley::serve {

cli::Command add_serve_command(CLI::App& app);

// Before anything else in main(): may start the process again (execv) with
// glibc's per-thread cache of freed blocks made larger.
void tune_thread_cache(char** argv);

}  // namespace galley::serve
