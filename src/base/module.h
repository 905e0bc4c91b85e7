// Parts of galley that pull in large libraries a plain build never uses
// (libqpdf and the TLS stack it links, for imposition and for PDF and SVG
// images; ICU's formatters, for data tables and charts) live in modules
// beside the executable, loaded the first time a build needs them, so every
// other run maps none of it (docs/architecture.md, "Modules").
#pragma once
#include <string>

namespace galley::base {

// The entry point `entry` of module `file` (e.g. "galley-impose.so"), looked
// for next to the running executable, then in ../lib/galley beside it (an
// installed layout: bin/galley, lib/galley/*.so), then in the folders given
// to add_module_dir(). The module is loaded once per process and stays
// loaded. Null with `error` set when the module is missing or does not load.
const void* load_module(const std::string& file, const char* entry, std::string& error);

// A folder looked in after the executable's own: the test programs, which
// run from build/tests, add the build tree's module folder.
void add_module_dir(const std::string& dir);

// The table of functions a module's entry returns, whose first member,
// `abi`, must be `abi`: a module from another build of galley is refused
// (null, `error` set) rather than called with other layouts.
template <class Table>
const Table* module_table(const std::string& file, const char* entry, int abi, std::string& error) {
  const auto* table = static_cast<const Table*>(load_module(file, entry, error));
  if (table && table->abi != abi) {
    error = file + " is from another build of galley";
    return nullptr;
  }
  return table;
}

// `name` in the running executable's folder (for `galley serve`, which runs
// galley-serve from there).
std::string sibling_path(const std::string& name);

}  // namespace galley::base
