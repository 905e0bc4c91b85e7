#include "cli/cli.h"

#include <cstdio>

namespace galley::cli {

int run(int, char**) {
  std::fputs("galley: not built yet\n", stderr);
  return InternalError;
}

}  // namespace galley::cli
