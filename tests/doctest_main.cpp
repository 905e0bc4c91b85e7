#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "base/module.h"

namespace {
// Modules (galley-impose.so, galley-vector.so) are built beside galley, not
// beside the test programs.
[[maybe_unused]] const bool kModulesFound = (galley::base::add_module_dir(GALLEY_MODULE_DIR), true);
}  // namespace
