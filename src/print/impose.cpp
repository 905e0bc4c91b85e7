#include "detail/impose.h"

#include "base/module.h"
#include "detail/impose_module.h"

namespace galley::print {

std::optional<std::string> impose(const std::string& pdf, Imposition kind, Diagnostics& diags) {
  return impose(pdf, kind, ImposeOptions{}, diags);
}

std::optional<std::string> impose(const std::string& pdf, Imposition kind, const ImposeOptions& options,
                                  Diagnostics& diags) {
  if (kind == Imposition::None) return pdf;
  std::string error;
  const auto* module =
      static_cast<const ImposeModule*>(base::load_module(kImposeModuleFile, kImposeModuleEntry, error));
  if (module && module->abi != kImposeModuleAbi) {
    error = std::string(kImposeModuleFile) + " is from another build of galley";
    module = nullptr;
  }
  if (!module) {
    diags.error(impose_location(kind, options), "cannot impose the PDF: " + error);
    return std::nullopt;
  }
  return module->impose(pdf, kind, options, diags);
}

}  // namespace galley::print
