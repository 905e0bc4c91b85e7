#include "cli/cli.h"
#include "serve/serve.h"

int main(int argc, char** argv) { return galley::cli::run(argc, argv, {galley::serve::add_serve_command}); }
