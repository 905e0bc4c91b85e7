// ICU's data for a build: a compact package of the items an English build
// opens, looked up before ICU's full data (tools/compile_icu_data.cpp).
#pragma once

namespace galley::text {

// Hands the compact package to ICU; called once, before anything uses ICU.
// Items it lacks are still found in the full data.
void install_compact_icu_data();

}  // namespace galley::text
