// image/'s own SVG reader (svg_native.cpp): each feature of the plain
// subset drawn natively and by librsvg, both rendered with pdftoppm at
// 150 dpi, must give the same pixels but for anti-aliasing; what lies
// outside the subset is left to librsvg, named.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detail/svg_geometry.h"
#include "detail/vector.h"
#include "make_images.h"

using namespace galley;

namespace {

// A one-page PDF around a drawing's content, as pdf/ places it (a form of
// the drawing's size) but written by hand, so this test needs no writer.
std::string page_pdf(const image::SvgDrawing& d) {
  const std::string content = image::drawing_content(d);
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(d.width) + " " + std::to_string(d.height) +
          "] /Resources << >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

struct Raster {
  int width = 0, height = 0;
  std::string rgb;
};

// The first page at 150 dpi, as pdftoppm draws it (a binary PPM).
Raster render(const std::string& pdf, const std::string& name) {
  const std::string in = testimg::temp_path(name + ".pdf"), out = testimg::temp_path(name);
  testimg::write_file(in, pdf);
  const std::string command = "pdftoppm -r 150 -singlefile '" + in + "' '" + out + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream f(out + ".ppm", std::ios::binary);
  std::string magic;
  int max = 0;
  Raster r;
  f >> magic >> r.width >> r.height >> max;
  f.get();
  REQUIRE(magic == "P6");
  r.rgb.assign(static_cast<size_t>(r.width) * r.height * 3, '\0');
  f.read(r.rgb.data(), static_cast<std::streamsize>(r.rgb.size()));
  REQUIRE(f);
  return r;
}

struct Difference {
  double far = 0;   // share of pixels with a channel more than 96 apart
  double mean = 0;  // mean absolute difference per channel, 0–255
};

Difference compare(const Raster& a, const Raster& b) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  size_t far = 0;
  double sum = 0;
  for (size_t i = 0; i < a.rgb.size(); i += 3) {
    int worst = 0;
    for (size_t k = 0; k < 3; ++k) {
      const int d = std::abs(static_cast<unsigned char>(a.rgb[i + k]) - static_cast<unsigned char>(b.rgb[i + k]));
      worst = std::max(worst, d);
      sum += d;
    }
    far += worst > 96;
  }
  const double pixels = static_cast<double>(a.rgb.size()) / 3;
  return {static_cast<double>(far) / pixels, sum / (pixels * 3)};
}

// Draws `svg` both ways and checks the pixels agree; the native drawing must
// exist (the SVG is inside the subset).
void same_as_librsvg(const std::string& name, const std::string& svg) {
  INFO(name);
  std::string why;
  auto drawing = image::detail::svg_native(svg, why);
  INFO(why);
  REQUIRE(drawing);
  std::string error;
  auto cairo = image::detail::svg_to_pdf(svg, error);
  INFO(error);
  REQUIRE(cairo);
  const Raster native = render(page_pdf(*drawing), "native-" + name), reference = render(*cairo, "rsvg-" + name);
  const Difference d = compare(native, reference);
  // Edges anti-aliased a little differently move a pixel by a few levels;
  // a shape drawn wrong moves hundreds of pixels by far more.
  CHECK(d.far < 0.002);
  CHECK(d.mean < 1.0);
  // And the drawing draws something: not all white.
  CHECK(native.rgb.find_first_not_of('\xff') != std::string::npos);
}

const std::string kHead = "<svg xmlns='http://www.w3.org/2000/svg' ";

}  // namespace

TEST_CASE("the sample brochure's mark draws natively as librsvg draws it") {
  std::ifstream f(std::string(GALLEY_SOURCE_DIR) + "/content/images/ir-mark.svg");
  std::stringstream s;
  s << f.rdbuf();
  same_as_librsvg("ir-mark", s.str());
}

TEST_CASE("path commands, absolute and relative, with implicit repeats and arcs") {
  same_as_librsvg("relative", kHead + "width='200' height='160' viewBox='0 0 200 160'>"
                  "<path d='m10 10 40 0 0 30-40 0z m50 0h30v30h-30z M100,10 l20,0,0,20 L140 50 V 70 H 100 Z' fill='#c00'/>"
                  "<path d='M10 60 c10-20 30-20 40 0 s30 20 40 0 S120 40 130 60' fill='none' stroke='#008' stroke-width='3'/>"
                  "<path d='M10 100 q20-30 40 0 t40 0 t40 0 Q150 70 170 100 T190 100' fill='none' stroke='green' stroke-width='2'/>"
                  "<path d='M150 20 C160 0 190 0 190 20 Z M 150 40 1e1 1e1' fill='orange' stroke='black'/>"
                  "<path d='M.5.5L5.5.5 5.5 5.5-.5 5.5z' fill='purple'/></svg>");
  same_as_librsvg("arcs", kHead + "width='220' height='200'>"
                  "<path d='M20 40 a30 20 0 0 1 60 0 a30 20 0 1 0 60 0' fill='none' stroke='#0057b8' stroke-width='4'/>"
                  "<path d='M20 120 A40 25 30 1 1 100 120 z' fill='#e4002b'/>"
                  "<path d='M120 120 a10 10 0 1 0 40 40 A 5 5 -45 0 1 190 110 a0 10 0 0 1 10 10' fill='none' stroke='#333' stroke-width='2'/>"
                  "<path d='M150 20 a30 30 0 1 1 0.01 0 z' fill='#6cace4'/>"
                  "<path d='M60 180a25 25 0 0010 10 25 25 0 01 10 -10' fill='none' stroke='teal' stroke-width='3'/></svg>");
}

TEST_CASE("basic shapes, colours and inheritance through groups and style attributes") {
  same_as_librsvg("shapes", kHead + "width='240' height='180' color='#123456'>"
                  "<rect x='10' y='10' width='60' height='40' rx='10' fill='rgb(200, 30, 40)'/>"
                  "<rect x='80' y='10' width='60' height='40' ry='15' rx='50' fill='rgb(10%,60%,90%)'/>"
                  "<rect x='150' y='10' width='60' height='40' fill='currentColor'/>"
                  "<circle cx='40' cy='90' r='25' fill='GoldenRod'/>"
                  "<ellipse cx='110' cy='90' rx='35' ry='20' fill='#0a0' stroke='navy' stroke-width='4'/>"
                  "<line x1='150' y1='70' x2='230' y2='110' stroke='crimson' stroke-width='6'/>"
                  "<polyline points='10,130 40,170 70,130 100,170' fill='none' stroke='#f0f' stroke-width='3'/>"
                  "<polygon points='120 130 160 130 140 170' fill='#fa0'/>"
                  "<g fill='#08f' stroke='black' style='stroke-width: 2; fill: #f80'>"
                  "<g stroke-width='5'><rect x='180' y='130' width='40' height='40'/></g>"
                  "<circle cx='200' cy='150' r='5' style='fill:none;stroke:white'/></g>"
                  "<g display='none'><rect width='240' height='180' fill='red'/></g>"
                  "<rect width='240' height='180' fill='red' visibility='hidden'/></svg>");
}

TEST_CASE("transforms of every form, nested") {
  same_as_librsvg("transforms", kHead + "width='240' height='200'>"
                  "<g transform='translate(120 100)'>"
                  "<rect x='-20' y='-20' width='40' height='40' fill='#0057b8' transform='rotate(30)'/>"
                  "<g transform='scale(1.5 , 0.5) translate(40)'><circle r='15' fill='#e4002b'/></g>"
                  "<rect x='-100' y='-80' width='40' height='30' fill='green' transform='skewX(20)'/>"
                  "<rect x='60' y='-80' width='40' height='30' fill='orange' transform='skewY(-15)'/>"
                  "</g>"
                  "<path d='M0 0 h30 v20 h-30z' fill='#808' transform='matrix(1 0.2 -0.3 1 20 150) rotate(10, 15, 10)'/>"
                  "<rect x='170' y='150' width='30' height='30' fill='none' stroke='black' stroke-width='3'"
                  " transform='rotate(-20 185 165) scale(1.2)'/></svg>");
}

TEST_CASE("strokes: caps, joins, miter limits, dashes") {
  same_as_librsvg("strokes", kHead + "width='260' height='200' fill='none' stroke='#0057b8'>"
                  "<path d='M20 20 h60' stroke-width='12' stroke-linecap='butt'/>"
                  "<path d='M20 50 h60' stroke-width='12' stroke-linecap='round'/>"
                  "<path d='M20 80 h60' stroke-width='12' stroke-linecap='square'/>"
                  "<path d='M110 60 l30 -40 l30 40' stroke-width='10' stroke-linejoin='miter'/>"
                  "<path d='M180 60 l30 -40 l30 40' stroke-width='10' stroke-linejoin='round'/>"
                  "<path d='M110 110 l30 -40 l30 40' stroke-width='10' stroke-linejoin='bevel'/>"
                  "<path d='M180 110 l30 -5 l30 5' stroke-width='8' stroke-miterlimit='1.5'/>"
                  "<path d='M20 130 h220' stroke-width='4' stroke-dasharray='10 5 2'/>"
                  "<path d='M20 150 h220' stroke-width='4' stroke-dasharray='12,6' stroke-dashoffset='5'/>"
                  "<circle cx='60' cy='180' r='15' stroke-width='3' style='stroke-dasharray: 5 3'/>"
                  "<rect x='100' y='165' width='60' height='30' stroke-width='3' stroke-dasharray='8' stroke-linejoin='round'/>"
                  "</svg>");
}

TEST_CASE("fill rules") {
  same_as_librsvg("fill-rule", kHead + "width='200' height='100'>"
                  "<path d='M10 10 h80 v80 h-80 z M30 30 h40 v40 h-40 z' fill='#0057b8' fill-rule='evenodd'/>"
                  "<path d='M110 10 h80 v80 h-80 z M130 30 h40 v40 h-40 z' fill='#0057b8' fill-rule='nonzero'/>"
                  "<g fill-rule='evenodd'><path d='M150 5 l20 60 l-50 -40 h60 l-50 40 z' fill='#e4002b'/></g></svg>");
}

TEST_CASE("sizes: units, viewBox and preserveAspectRatio") {
  const std::string shapes =
      "<rect x='0' y='0' width='100' height='50' fill='#6cace4'/><circle cx='50' cy='25' r='20' fill='#0057b8'/>"
      "<rect x='80' y='0' width='20' height='10' fill='#e4002b'/></svg>";
  same_as_librsvg("meet", kHead + "width='2in' height='1in' viewBox='0 0 100 100'>" + shapes);
  same_as_librsvg("none", kHead + "width='200' height='100' viewBox='0 0 100 100' preserveAspectRatio='none'>" + shapes);
  same_as_librsvg("slice", kHead + "width='60mm' height='2cm' viewBox='0 0 100 100' preserveAspectRatio='xMinYMid slice'>" + shapes);
  same_as_librsvg("max-mid", kHead + "width='150pt' height='150pt' viewBox='-10 -20 100 50' preserveAspectRatio='xMaxYMid'>" + shapes);
  same_as_librsvg("viewbox-only", kHead + "viewBox='0 0 100 50' width='100%'>" + shapes);
}

TEST_CASE("the drawing's size, colours and mapped colours") {
  std::string why;
  auto d = image::detail::svg_native(
      kHead + "width='96' height='48'><rect width='10' height='10' fill='#0057b8' stroke='white'/>"
              "<circle r='3' fill='#0057b8'/><title>not drawn</title></svg>",
      why);
  REQUIRE(d);
  CHECK(d->width == doctest::Approx(72));
  CHECK(d->height == doctest::Approx(36));
  CHECK(d->rgb == std::vector<uint32_t>{0x0057b8, 0xffffff});
  const std::string plain = image::drawing_content(*d);
  CHECK(plain.find("0 0.341176 0.721569 rg\n") != std::string::npos);
  CHECK(plain.find("1 1 1 RG\n") != std::string::npos);
  const std::string mapped = image::drawing_content(*d, [](uint32_t rgb, bool stroke) -> std::optional<std::string> {
    if (rgb == 0x0057b8 && !stroke) return std::string(" /GalleySpot1 cs 1 scn\n");
    return std::nullopt;
  });
  CHECK(mapped.find(" rg\n") == std::string::npos);
  CHECK(mapped.find("/GalleySpot1 cs 1 scn") != std::string::npos);
  CHECK(mapped.find("1 1 1 RG\n") != std::string::npos);
}

TEST_CASE("what lies outside the plain subset is left to librsvg, named") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<text x='1' y='9'>Hi</text>", "<text>"},
      {"<defs><linearGradient id='g'/></defs><rect width='5' height='5' fill='url(#g)'/>", "fill value 'url(#g)'"},
      {"<clipPath id='c'><rect width='5' height='5'/></clipPath>", "<clipPath>"},
      {"<rect width='5' height='5' clip-path='url(#c)'/>", "clip-path"},
      {"<rect width='5' height='5' mask='url(#m)'/>", "mask"},
      {"<rect width='5' height='5' filter='url(#f)'/>", "filter"},
      {"<use href='#a'/>", "<use>"},
      {"<image width='5' height='5' href='x.png'/>", "<image>"},
      {"<style>rect { fill: red }</style><rect width='5' height='5'/>", "<style>"},
      {"<defs><style>rect { fill: red }</style></defs>", "<style>"},
      {"<rect width='5' height='5' opacity='0.5'/>", "opacity value '0.5'"},
      {"<rect width='5' height='5' style='fill-opacity: .5'/>", "fill-opacity"},
      {"<rect width='5' height='5' fill='#ff000080'/>", "fill value"},
      {"<rect width='5' height='5' fill='hsl(0, 100%, 50%)'/>", "fill value"},
      {"<rect width='50%' height='5'/>", "width value '50%'"},
      {"<rect width='5em' height='5'/>", "width value '5em'"},
      {"<path d='M0 0 L5 5 X'/>", "path data"},
      {"<path d='M0 0 L5 5' marker-end='url(#m)'/>", "marker-end"},
      {"<path d='M0 0 L5 5' stroke-linejoin='miter-clip'/>", "stroke-linejoin"},
      {"<svg width='5' height='5'/>", "<svg>"},
      {"<a href='https://example.org'><rect width='5' height='5'/></a>", "<a>"},
      {"<blink/>", "<blink>"},
      {"<rect width='5' height='5' transform='scale(0)'/>", "transform"},
  };
  for (const auto& [body, reason] : cases) {
    INFO(body);
    std::string why;
    CHECK_FALSE(image::detail::svg_native(kHead + "width='10' height='10'>" + body + "</svg>", why));
    CHECK(why.find(reason) != std::string::npos);
  }
  std::string why;
  CHECK_FALSE(image::detail::svg_native(kHead + "width='10' height='10'><g></svg>", why));
  CHECK(why.find("does not parse") != std::string::npos);
  CHECK_FALSE(image::detail::svg_native("<!DOCTYPE svg [<!ENTITY a 'b'>]>" + kHead + "width='1' height='1'/>", why));
  CHECK(why.find("DTD") != std::string::npos);
  CHECK_FALSE(image::detail::svg_native("<?xml-stylesheet href='data:text/css,rect{fill:red}'?>" + kHead +
                                        "width='10' height='10'><rect width='5' height='5'/></svg>", why));
  CHECK(why.find("xml-stylesheet") != std::string::npos);
  CHECK_FALSE(image::detail::svg_native("<!DOCTYPE svg SYSTEM 'x.dtd'>" + kHead +
                                        "width='10' height='10'><desc>&ext;</desc></svg>", why));
  CHECK(why.find("entity") != std::string::npos);
  CHECK_FALSE(image::detail::svg_native("<svg width='10' height='10'/>", why));  // no SVG namespace
  CHECK_FALSE(image::detail::svg_native(kHead + "width='100%' height='10'/>", why));
  CHECK_FALSE(image::detail::svg_native(kHead + "width='100000in' height='1in'/>", why));
  CHECK_FALSE(image::detail::svg_native(kHead + "width='10' height='10' transform='scale(2)'/>", why));
  std::string deep = kHead + "width='10' height='10'>";
  for (int i = 0; i < 70; ++i) deep += "<g>";
  for (int i = 0; i < 70; ++i) deep += "</g>";
  CHECK_FALSE(image::detail::svg_native(deep + "</svg>", why));
  CHECK(why.find("nested") != std::string::npos);
  // What draws nothing is no reason to leave: an editor's metadata, titles,
  // a DOCTYPE naming the external DTD (never read), comments.
  CHECK(image::detail::svg_native(
      "<?xml version='1.0'?><!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' "
      "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'><!-- c -->"
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape' "
      "width='10' height='10' inkscape:version='1.2'><inkscape:grid/><metadata><x/></metadata>"
      "<desc>d</desc><rect width='5' height='5' id='r' class='c' inkscape:label='box'/></svg>",
      why));
}

TEST_CASE("path operators stop at their budget: arcs multiply bytes") {
  std::string d = "M0 0";
  for (int i = 0; i < 100; ++i) d += " a1 1 0 1 1 2 0";
  const auto all = image::detail::path_operators(d, 1 << 20);
  REQUIRE(all);
  CHECK(all->size() > 4 * d.size());  // each half-circle is two curves
  CHECK_FALSE(image::detail::path_operators(d, 1000));
}
