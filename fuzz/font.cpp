// Font loading: any bytes as the one font of a small layout, then a short
// document in several scripts built with it to a PDF in memory (FreeType,
// HarfBuzz shaping and subsetting, libharu's embedding, preflight).
#include "cli/cli.h"
#include "support.h"

using namespace galley;

namespace {

constexpr const char* kLayout = R"(galley: 1
page: {size: a6}
fonts:
  Fuzz: {regular: font.ttf, bold: font.ttf}
styles:
  body: {font: Fuzz, size: 9pt}
masters:
  inside:
    frames: [{name: body, flow: main, x: 10mm, y: 10mm, width: 80mm, height: 120mm}]
sequence:
  - {master: inside, repeat: until-empty}
)";

constexpr const char* kContent = R"(galley: 1
flows:
  main:
    - h1: Office affinity — “fine” ﬁsh
    - p: "Hyphenation of extraordinarily long words, **bold**, *italic*, `code`, 0123456789 ½ € ✓."
    - p: "עברית العربية हिन्दी ελληνικά русский 中文 🙂 e\u0301 \u00ad\u200d"
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string layout_path = fuzz::write_scratch("layouts/font-layout.yaml", kLayout);
  static const std::string content_path = fuzz::write_scratch("content/font-content.yaml", kContent);
  fuzz::write_scratch("layouts/font.ttf", data, size);
  Diagnostics diags;
  auto session = cli::Session::open(content_path, layout_path, true, diags);
  if (!session) return 0;
  cli::build_once(*session, {}, cli::BuildOptions{}, diags);
  return 0;
}
