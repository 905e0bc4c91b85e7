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
  const auto* module = base::module_table<ImposeModule>(kImposeModuleFile, kImposeModuleEntry, kImposeModuleAbi, error);
  if (!module) {
    diags.error(impose_location(kind, options), "cannot impose the PDF: " + error);
    return std::nullopt;
  }
  return module->impose(pdf, kind, options, diags);
}

}  // namespace galley::print
