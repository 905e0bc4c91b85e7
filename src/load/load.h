// load/: reads the content and layout descriptors into the typed model,
// validating every key and value (docs/format.md is the user contract).
// All problems are collected in `diags`, each file's in file order (at most
// 100 and a count); the result is empty when any of them is an error.
// Hostile files (huge, deep, aliased, not UTF-8, not YAML) are refused with
// a diagnostic before yaml-cpp can crash, hang or exhaust memory on them.
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
