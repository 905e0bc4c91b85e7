// galley-serve: galley's command line with `serve` built in; `galley serve`
// runs it (cli/serve_launcher.h).
#include "cli/cli.h"
#include "serve/serve.h"

int main(int argc, char** argv) {
  galley::serve::tune_thread_cache(argv);
  return galley::cli::run(argc, argv, {galley::serve::add_serve_command});
}
