// The command line: `galley build|check|fonts`. Prints diagnostics as
// `file:line:col: error: message` and returns the process exit code.
#pragma once

namespace galley::cli {

enum Exit { Ok = 0, InputError = 1, UsageError = 2, InternalError = 3 };

int run(int argc, char** argv);

}  // namespace galley::cli
