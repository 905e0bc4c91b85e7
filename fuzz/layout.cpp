// The layout loader: any bytes as a layout file (beside the sample fonts and
// colour profile), then checked against the sample content.
#include "load/load.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::optional<model::Document> doc = [] {
    Diagnostics d;
    return load::load_document(fuzz::source_path("content/mayo-ir-residency.yaml"), d);
  }();
  Diagnostics diags;
  auto layout = load::load_layout(fuzz::write_scratch("layouts/layout.yaml", data, size), diags);
  if (layout && doc) load::cross_check(*doc, *layout, diags);
  return 0;
}
