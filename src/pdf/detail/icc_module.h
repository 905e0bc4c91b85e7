// What galley-icc.so (src/pdf/icc/, linked with LittleCMS) offers
// icc_profiles.cpp: the profiles galley makes (when it was built without
// them precompiled) and the check of a CMYK output profile a layout names.
// A brochure needs neither, so only a build that does maps liblcms2
// (docs/architecture.md, "Modules").
#pragma once
#include <optional>
#include <string>

namespace galley::pdf {

inline constexpr const char* kIccModuleFile = "galley-icc.so";
inline constexpr const char* kIccModuleEntry = "galley_icc_module";
// Changes with IccModule: a module from another build of galley is refused.
inline constexpr int kIccModuleAbi = 1;

// The functions of detail/icc_profiles.h that need LittleCMS, as described there.
struct IccModule {
  int abi = kIccModuleAbi;
  std::optional<std::string> (*make_cmyk_profile)() = nullptr;
  std::optional<std::string> (*make_srgb_profile)() = nullptr;
  std::string (*check_cmyk_output_profile)(const std::string& bytes) = nullptr;
};

// galley-icc.so's table, loaded the first time it is asked for; null with
// `error` set when the module is missing or from another build. The tools
// that compile the module's source in define it to return that table.
const IccModule* icc_module(std::string& error);

}  // namespace galley::pdf

// The module's entry point (src/pdf/icc/lcms_profiles.cpp).
extern "C" const void* galley_icc_module();
