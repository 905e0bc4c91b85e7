#include "detail/icc_module.h"

#include "base/module.h"

namespace galley::pdf {

const IccModule* icc_module(std::string& error) {
  struct Loaded {
    const IccModule* module = nullptr;
    std::string error;
  };
  static const Loaded once = [] {
    Loaded l;
    l.module = base::module_table<IccModule>(kIccModuleFile, kIccModuleEntry, kIccModuleAbi, l.error);
    return l;
  }();
  error = once.error;
  return once.module;
}

}  // namespace galley::pdf
