#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "cli/serve_launcher.h"
#include "text/text.h"

int main(int argc, char** argv) {
  galley::text::install_compact_icu_data();
  const int code = galley::cli::run(argc, argv, {[argv](CLI::App& app) { return galley::cli::serve_launcher(app, argv); }});
  // Every output is in place or removed by now, and the stages' threads are
  // joined (a hyphenation prefetch no paragraph waited for may still be
  // reading; it has nothing to deliver). What exit() would still do is run
  // the static destructors: free the memos', faces' and libraries' memory
  // and unmap the font files one by one, 0.65 M instructions and 16 munmap
  // calls at the end of a cold brochure, all of which the kernel undoes at
  // once when the process ends. A sanitizer build keeps them: LeakSanitizer
  // checks at exit.
#if !defined(__SANITIZE_ADDRESS__)
  std::cout.flush();
  std::fflush(nullptr);
  ::_exit(code);
#else
  return code;
#endif
}
