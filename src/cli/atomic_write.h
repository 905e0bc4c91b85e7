// Writing an output file so that a failed run never leaves a half-written or
// destroyed file: the bytes go to a temporary file beside the target, which
// is renamed over it only when complete.
#pragma once
#include <string>

namespace galley::cli {

// Returns an empty string on success, else a description of what failed.
std::string write_atomically(const std::string& path, const std::string& bytes);

}  // namespace galley::cli
