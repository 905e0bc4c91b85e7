// The vector image readers: any bytes as a graphic placed in a one-page
// document, once as it is and once recoloured, and written to a PDF in
// memory. Bytes starting with %PDF- are a .pdf file, anything else an .svg
// file, so the build takes whichever path image/ has for that kind
// (probe_vector, the SVG conversion, galley-vector.so's reading of the page,
// its colour rewriting and its copy into the PDF being written).
#include "cli/cli.h"
#include "resolve/resolve.h"
#include "support.h"

using namespace galley;

namespace {

// The sample mark's colours, black, white and red, one of them to a spot
// colour: the seeds draw with them, so the recoloured placement rewrites
// operators rather than only walking them.
constexpr const char* kLayout = R"(galley: 1
page: {size: letter}
fonts:
  Noto Serif: {regular: ../fonts/NotoSerif-Regular.ttf}
colors:
  brand: {cmyk: [1, 0.6, 0, 0.1]}
  ink: {gray: 0.1}
  sky: {spot: PANTONE 284 C, cmyk: [0.55, 0.19, 0, 0]}
styles:
  body: {font: Noto Serif, size: 10pt}
masters:
  only:
    frames: [{name: body, flow: main, x: 0.5in, y: 0.5in, width: 3in, height: 3in}]
sequence:
  - {master: only, repeat: until-empty}
)";

std::string content(const std::string& name) {
  return "galley: 1\nlayout: ../layouts/vector.yaml\nflows:\n  main:\n"
         "    - image: {src: " + name + ", alt: A graphic, width: 1in}\n"
         "    - image: {src: " + name + ", alt: The graphic recoloured, width: 1in,\n"
         "              recolor: {\"#000000\": ink, \"#ffffff\": brand, \"#0057b8\": ink, \"#6cace4\": sky, \"#ff0000\": sky}}\n"
         "meta: {title: Vector}\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

// One graphic before fuzzing starts loads galley-vector.so, so libFuzzer
// sees its coverage counters from the first input on.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='5' height='5'/></svg>";
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(svg.data()), svg.size());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string layout_path = fuzz::write_scratch("layouts/vector.yaml", kLayout);
  static const std::string pdf_content = fuzz::write_scratch("content/pdf.yaml", content("graphic.pdf"));
  static const std::string svg_content = fuzz::write_scratch("content/svg.yaml", content("graphic.svg"));
  const bool pdf = size >= 5 && std::string_view(reinterpret_cast<const char*>(data), 5) == "%PDF-";
  fuzz::write_scratch(pdf ? "content/graphic.pdf" : "content/graphic.svg", data, size);
  Diagnostics diags;
  auto session = cli::Session::open(pdf ? pdf_content : svg_content, layout_path, true, diags);
  if (!session) return 0;
  auto vars = resolve::make_variables(session->doc, {});
  cli::build_once(*session, vars, cli::BuildOptions{}, diags);
  return 0;
}
