#include "cli/cli.h"
#include "cli/serve_launcher.h"
#include "text/text.h"

int main(int argc, char** argv) {
  galley::text::install_compact_icu_data();
  return galley::cli::run(argc, argv, {[argv](CLI::App& app) { return galley::cli::serve_launcher(app, argv); }});
}
