// Inline markup and {{variables}}: any bytes as one paragraph's text,
// resolved, shaped with the sample fonts and broken into lines.
#include "linebreak/linebreak.h"
#include "load/load.h"
#include "resolve/resolve.h"
#include "support.h"
#include "text/text.h"

using namespace galley;

namespace {

struct Fixture {
  std::optional<model::Layout> layout;
  std::optional<text::FontBook> fonts;
  resolve::Variables vars{{"name", "Dr. **Jane** Doe"},
                          {"a", "{{b}}{{b}}"},
                          {"b", "{{c}} *x*"},
                          {"c", "[link](https://example.org/{{name}})"},
                          {"loop", "{{loop}}"},
                          {"page", "3"},
                          {"pages", "12"}};
  Fixture() {
    Diagnostics d;
    layout = load::load_layout(fuzz::source_path("layouts/brochure-letter.yaml"), d);
    if (layout) fonts = text::FontBook::load(*layout, d);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixture fx;
  if (!fx.fonts) return 0;
  model::Text text{std::string(reinterpret_cast<const char*>(data), size), {"fuzz.yaml", 1, 1}};
  Diagnostics diags;
  resolve::ParaStyle style;
  style.font = "Noto Sans";
  resolve::Paragraph para = resolve::resolve_text(text, style, fx.vars, diags);
  resolve::substitute(text.value, text.loc, fx.vars, diags);
  text::ShapedParagraph shaped = text::shape(para, *fx.fonts, diags);
  linebreak::break_paragraph(shaped, *fx.fonts, [](int i) { return 100.0 + 20 * (i % 3); },
                             linebreak::Options{}, diags);
  return 0;
}
