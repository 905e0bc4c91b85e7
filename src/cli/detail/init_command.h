// `galley init DIR`: a small starter project that builds as is — content,
// layout, the fonts it names (copied, so the folder builds anywhere), a
// placeholder picture and a README — so a new user edits instead of
// writing both descriptors from the format reference.
#pragma once
#include <string>

namespace galley::cli {

// Writes the starter into `dir` (created if missing). Refuses, writing
// nothing, when any of its files already exists there.
int run_init(const std::string& dir);

}  // namespace galley::cli
