// Writes galley's generic CMYK output profile (see src/pdf/icc_profiles.h):
//   make_cmyk_icc color/galley-cmyk.icc
// The committed color/galley-cmyk.icc is this tool's output; the bytes are
// deterministic, so regenerating it changes nothing unless the model does.
#include <cstdio>
#include <fstream>

#include "detail/icc_module.h"
#include "detail/icc_profiles.h"

namespace galley::pdf {
// galley-icc.so's source is compiled in (tools/CMakeLists.txt).
const IccModule* icc_module(std::string&) { return static_cast<const IccModule*>(galley_icc_module()); }
}  // namespace galley::pdf

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_cmyk_icc OUT.icc\n");
    return 2;
  }
  auto profile = galley::pdf::make_cmyk_profile();
  if (!profile) {
    std::fprintf(stderr, "make_cmyk_icc: LittleCMS could not build the profile\n");
    return 3;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out.write(profile->data(), static_cast<std::streamsize>(profile->size()));
  if (!out.flush()) {
    std::fprintf(stderr, "make_cmyk_icc: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
