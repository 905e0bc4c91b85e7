// The content loader: any bytes as a content file, then checked against the
// sample layout as `galley check` does.
#include "load/load.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::optional<model::Layout> layout = [] {
    Diagnostics d;
    return load::load_layout(fuzz::source_path("layouts/brochure-letter.yaml"), d);
  }();
  Diagnostics diags;
  auto doc = load::load_document(fuzz::write_scratch("content/content.yaml", data, size), diags);
  if (doc && layout) load::cross_check(*doc, *layout, diags);
  return 0;
}
