// What galley-numbers.so (src/resolve/numbers/, linked with ICU's i18n
// library) offers number_format.cpp: ICU's number and date formatters. Only
// data tables and charts format values, so only a build with one maps
// libicui18n (docs/architecture.md, "Modules"); every other ICU service
// galley uses is in libicuu, which the process links.
#pragma once
#include <optional>
#include <string>

namespace galley::resolve {

inline constexpr const char* kNumbersModuleFile = "galley-numbers.so";
inline constexpr const char* kNumbersModuleEntry = "galley_numbers_module";
// Changes with NumbersModule: a module from another build of galley is
// refused.
inline constexpr int kNumbersModuleAbi = 1;

struct NumbersModule {
  int abi = kNumbersModuleAbi;
  // `value` as `language` (a BCP 47 tag) writes it: `decimals` digits after
  // the point (-1: as few as show it, at most 6), grouped or not, ×100 with
  // the percent sign when `percent`. nullopt when ICU fails.
  std::optional<std::string> (*number)(double value, const std::string& language, int decimals, bool grouping,
                                       bool percent) = nullptr;
  // A calendar day (`day` 0: the month) in `language`, from an ICU
  // skeleton ("yMMMd"); nullopt when ICU fails.
  std::optional<std::string> (*date)(int year, int month, int day, const std::string& skeleton,
                                     const std::string& language) = nullptr;
};

}  // namespace galley::resolve
