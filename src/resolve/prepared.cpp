#include "detail/prepared.h"

namespace galley::resolve {

Prepared::Prepared(const model::Document& doc, const model::Layout& layout) {
  Diagnostics diags;
  Cascade cascade(layout, doc.meta.language, diags);
  if (!diags.all().empty()) return;
  styles_ = cascade.with_defaults();
  cascade_ = std::make_shared<const Cascade>(std::move(cascade));
}

}  // namespace galley::resolve
