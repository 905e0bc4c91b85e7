// `galley styles LAYOUT`: every style a block or run can use, as the cascade
// resolves it, so a layout's author sees what an unstyled table cell or
// list gets without building.
#pragma once
#include <string>

#include "diag/diagnostic.h"
#include "model/layout.h"

namespace galley::cli {

// One line per paragraph style (the layout's and the built-in names it
// lacks, marked `built-in`), then the character styles.
std::string describe_styles(const model::Layout& layout, Diagnostics& diags);

int run_styles(const std::string& layout_path);

}  // namespace galley::cli
