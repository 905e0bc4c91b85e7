#include "cli/cli.h"
#include "cli/serve_launcher.h"

int main(int argc, char** argv) {
  return galley::cli::run(argc, argv, {[argv](CLI::App& app) { return galley::cli::serve_launcher(app, argv); }});
}
