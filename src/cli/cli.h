// The command line: `galley build|check|fonts`. Prints diagnostics as
// `file:line:col: error: message` and returns the process exit code.
#pragma once
#include <functional>
#include <vector>

#include "detail/input_files.h"  // what a build reads: serve/ reloads on its change
#include "detail/pipeline.h"  // build(), Session: the build serve/ runs
#include "detail/report.h"    // diagnostics and figures as text

namespace CLI {
class App;
}

namespace galley::cli {

enum Exit { Ok = 0, InputError = 1, UsageError = 2, InternalError = 3 };

// A subcommand from a later stage (serve/): it adds itself to the parser
// and returns what to run when the command line chose it. Stages after cli
// hand these in through main(), so cli never links them.
struct Command {
  std::function<bool()> chosen;
  std::function<int()> run;
};
using CommandFactory = std::function<Command(CLI::App&)>;

int run(int argc, char** argv, const std::vector<CommandFactory>& more = {});

}  // namespace galley::cli
