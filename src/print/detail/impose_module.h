// What galley-impose.so (src/print/impose/, linked with libqpdf) offers the
// process that loads it: print::impose() is a call through this table, so
// only a build that imposes maps libqpdf and the TLS stack it links.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "impose.h"

namespace galley::print {

inline constexpr const char* kImposeModuleFile = "galley-impose.so";
inline constexpr const char* kImposeModuleEntry = "galley_impose_module";
// Changes with ImposeModule or any type it passes: a module from another
// build of galley is refused rather than called with other layouts.
inline constexpr int kImposeModuleAbi = 1;

struct ImposeModule {
  int abi = kImposeModuleAbi;
  std::optional<std::string> (*impose)(const std::string& pdf, Imposition kind, const ImposeOptions& options,
                                       Diagnostics& diags) = nullptr;
};

// Where imposition errors are reported: the layout's `imposition:`, else the
// command line's option.
inline SourceLoc impose_location(Imposition kind, const ImposeOptions& options) {
  if (!options.where.file.empty()) return options.where;
  return {kind == Imposition::Booklet ? "--impose booklet" : "--impose trifold", 0, 0};
}

}  // namespace galley::print
