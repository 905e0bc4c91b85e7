// `galley serve` as a command of galley that runs galley-serve, the same
// command line linked with serve/ (cpp-httplib and the TLS libraries it
// links), from galley's folder: every other command maps none of them.
#pragma once
#include "cli/cli.h"

namespace galley::cli {

// Adds `serve` to the parser, its arguments left unparsed; running it
// replaces the process with galley-serve and the same arguments.
Command serve_launcher(CLI::App& app, char** argv);

}  // namespace galley::cli
