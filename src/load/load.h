// load/: reads the content and layout descriptors into the typed model,
// validating every key and value. All problems are collected in `diags`;
// the result is empty when any of them is an error.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "model/document.h"
#include "model/layout.h"

namespace galley::load {

std::optional<model::Document> load_document(const std::string& path, Diagnostics& diags);
std::optional<model::Layout> load_layout(const std::string& path, Diagnostics& diags);

// Checks that the content's references (styles, flows used by the layout's
// frames) exist in the layout. Reported at the referring value.
void cross_check(const model::Document& doc, const model::Layout& layout, Diagnostics& diags);

}  // namespace galley::load
