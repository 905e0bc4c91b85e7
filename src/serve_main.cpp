// galley-serve: galley's command line with `serve` built in; `galley serve`
// runs it (cli/serve_launcher.h).
#include "cli/cli.h"
#include "serve/serve.h"
#include "text/text.h"

int main(int argc, char** argv) {
  galley::text::install_compact_icu_data();
  galley::serve::tune_thread_cache(argv);
  return galley::cli::run(argc, argv, {galley::serve::add_serve_command});
}
