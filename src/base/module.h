// Parts of galley that pull in large libraries a plain build never uses
// (libqpdf and the TLS stack it links) live in modules beside the
// executable, loaded the first time a build needs them, so every other run
// maps none of it (docs/architecture.md, "Modules").
#pragma once
#include <string>

namespace galley::base {

// The entry point `entry` of module `file` (e.g. "galley-impose.so"), looked
// for next to the running executable, then in ../lib/galley beside it, then
// in the build tree's module folder (tests run from there). The module is
// loaded once per process and stays loaded. Null with `error` set when the
// module is missing, does not load, or was built from another version.
const void* load_module(const std::string& file, const char* entry, std::string& error);

// `name` in the running executable's folder (for `galley serve`, which runs
// galley-serve from there).
std::string sibling_path(const std::string& name);


}  // namespace galley::base
