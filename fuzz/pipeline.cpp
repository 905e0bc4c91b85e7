// The whole pipeline: any bytes as a content file, laid out with the sample
// brochure layout and fonts (its images beside it) and written to a PDF in
// memory, as `galley build` does, and its pages as `--dump-layout` JSON.
#include "cli/cli.h"
#include "layout/layout.h"
#include "resolve/resolve.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string layout_path = fuzz::source_path("layouts/brochure-letter.yaml");
  const std::string content_path = fuzz::write_scratch("content/content.yaml", data, size);
  Diagnostics diags;
  auto session = cli::Session::open(content_path, layout_path, true, diags);
  if (!session) return 0;
  auto vars = resolve::make_variables(session->doc, {{"recipient", "Dr. Jane Doe"}});
  cli::BuildOptions opts;
  opts.keep_display = true;
  auto result = cli::build_once(*session, vars, opts, diags);
  if (result.display) layout::to_json(*result.display);
  return 0;
}
