// 8-bit opaque PNGs are embedded with their own zlib stream: what a reader
// decodes from the PDF must be exactly the PNG's pixels.
#include <doctest/doctest.h>
#include <png.h>

#include <csetjmp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "detail/image_objects.h"
#include "detail/write.h"
#include "read_back.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

uint8_t sample(int x, int y, int c) {
  return static_cast<uint8_t>((x * 29 + y * 71 + c * 101 + x * y) & 0xFF);
}

// A PNG whose rows use every filter type (libpng chooses per row), so the
// reader has to undo each PNG predictor.
std::string png_file(int width, int height, int channels) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) throw std::runtime_error("png write failed");
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, png_size_t len) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<char*>(data), len);
      },
      [](png_structp) {});
  png_set_IHDR(png, info, width, height, 8,
               channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ALL_FILTERS);
  png_write_info(png, info);
  std::vector<png_byte> row(static_cast<size_t>(width) * channels);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c) row[x * channels + c] = sample(x, y, c);
    png_write_row(png, row.data());
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

std::string pixels(int width, int height, int channels) {
  std::string out;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c) out.push_back(static_cast<char>(sample(x, y, c)));
  return out;
}

std::string idat_of(const std::string& file) {
  const auto be32 = [&](size_t at) {
    return (uint32_t(uint8_t(file[at])) << 24) | (uint32_t(uint8_t(file[at + 1])) << 16) |
           (uint32_t(uint8_t(file[at + 2])) << 8) | uint8_t(file[at + 3]);
  };
  std::string out;
  for (size_t pos = 8; pos + 12 <= file.size(); pos += 12 + be32(pos))
    if (file.compare(pos + 4, 4, "IDAT") == 0) out += file.substr(pos + 8, be32(pos));
  return out;
}

std::string as_string(const std::shared_ptr<Buffer>& b) {
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// The samples of the binary PGM/PPM that pdfimages writes, as gray when
// `channels` is 1 (it may write gray images as PPM).
std::string pnm_samples(const std::string& path, int channels) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  std::ostringstream rest;
  rest << in.rdbuf();
  if (magic != "P6" || channels != 1) return rest.str();
  std::string gray;
  const std::string rgb = rest.str();
  for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
    if (rgb[i] != rgb[i + 1] || rgb[i] != rgb[i + 2]) return rgb;
    gray.push_back(rgb[i]);
  }
  return gray;
}

layout::Image placed(const std::string& path, double x) {
  layout::Image img;
  img.path = path;
  img.x = x, img.y = 72, img.w = 100, img.h = 80;
  return img;
}

}  // namespace

TEST_CASE("8-bit gray and RGB PNGs are embedded as FlateDecode with PNG predictors, "
          "pixels intact") {
  struct Case { int width, height, channels; const char* space; };
  for (const Case c : {Case{37, 23, 1, "/DeviceGray"}, Case{29, 17, 3, "/DeviceRGB"}}) {
    CAPTURE(c.channels);
    const std::string file = png_file(c.width, c.height, c.channels);
    const std::string path = save(c.channels == 3 ? "stream-rgb.png" : "stream-gray.png", file);
    auto list = letter_page();
    list.pages[0].items.push_back(placed(path, 72));
    Diagnostics d;
    auto bytes = pdf::write_pdf(list, d);
    REQUIRE(bytes);
    auto pdf = open(*bytes);
    QPDFObjectHandle page = pdf->getAllPages().at(0);
    auto xobjects = page.getKey("/Resources").getKey("/XObject");
    REQUIRE(xobjects.getKeys().size() == 1);
    auto image = xobjects.getKey(*xobjects.getKeys().begin());
    auto dict = image.getDict();
    CHECK(dict.getKey("/Filter").unparse() == "/FlateDecode");
    CHECK(dict.getKey("/ColorSpace").unparse() == c.space);
    auto parms = dict.getKey("/DecodeParms");
    CHECK(parms.getKey("/Predictor").getIntValue() == 15);
    CHECK(parms.getKey("/Colors").getIntValue() == c.channels);
    CHECK(parms.getKey("/BitsPerComponent").getIntValue() == 8);
    CHECK(parms.getKey("/Columns").getIntValue() == c.width);
    // The PNG's zlib data, byte for byte, and qpdf undoes the predictors.
    CHECK(as_string(image.getRawStreamData()) == idat_of(file));
    const std::string expected = pixels(c.width, c.height, c.channels);
    CHECK(as_string(image.getStreamData(qpdf_dl_generalized)) == expected);
    // So does poppler.
    const std::string name = "png-stream-" + std::to_string(c.channels);
    const std::string pdf_path = save(name + ".pdf", *bytes);
    const std::string prefix = save(name, "");
    run("pdfimages " + pdf_path + " " + prefix);
    const bool pgm = std::filesystem::exists(prefix + "-000.pgm");
    CHECK(pnm_samples(prefix + (pgm ? "-000.pgm" : "-000.ppm"), c.channels) == expected);
    CHECK(run("qpdf --check " + pdf_path, true).find("No syntax or stream encoding errors") !=
          std::string::npos);
    // Same input, same bytes.
    Diagnostics again;
    CHECK(pdf::write_pdf(list, again) == bytes);
  }
}

namespace {

// A PNG whose header is sound and whose image data is not: only the
// check of its stream (the head start's, or the writer's) finds out.
std::string png_with_bad_data() {
  std::string file = png_file(37, 23, 1);
  const size_t idat = file.find("IDAT");
  REQUIRE(idat != std::string::npos);
  for (size_t i = idat + 10; i < idat + 30; ++i) file[i] = static_cast<char>(file[i] ^ 0x5A);
  return file;
}

}  // namespace

TEST_CASE("an opaque picture is numbered before its check; a failed check is reported where it was asked") {
  const std::string path = save("bad-data.png", png_with_bad_data());
  layout::Image img = placed(path, 72);
  img.loc = SourceLoc{"layout.yaml", 12, 7};
  pdf::hpdf::Writer w;
  pdf::DocumentImages images;
  Diagnostics d;
  d.warning({}, "before");
  const auto ref = images.get(w, img, d);
  // The page can name it: nothing is decided yet that the check could change.
  CHECK(ref);
  CHECK(d.all().size() == 1);
  const auto again = images.get(w, img, d);  // once per file
  CHECK((again && ref && again->id == ref->id));
  d.warning({}, "after");
  images.embed(w, d);
  REQUIRE(d.all().size() == 3);
  CHECK(d.all()[0].message == "before");
  CHECK(d.all()[1].severity == Severity::Error);
  CHECK(d.all()[1].loc.file == "layout.yaml");
  CHECK(d.all()[1].loc.line == 12);
  CHECK(d.all()[1].message.rfind("image '" + path + "': invalid PNG", 0) == 0);
  CHECK(d.all()[2].message == "after");
  CHECK(d.error_count() == 1);
}

TEST_CASE("a picture that fails its check fails the PDF, with one error at the image") {
  const std::string bad = save("bad-data-doc.png", png_with_bad_data());
  const std::string good = save("good-data-doc.png", png_file(29, 17, 3));
  auto list = letter_page();
  layout::Image first = placed(good, 72), second = placed(bad, 300);
  second.loc = SourceLoc{"layout.yaml", 3, 5};
  list.pages[0].items.push_back(first);
  list.pages[0].items.push_back(second);
  Diagnostics d;
  CHECK_FALSE(pdf::write_pdf(list, d));
  REQUIRE(d.error_count() == 1);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].loc.line == 3);
  CHECK(d.all()[0].message.rfind("image '" + bad + "': invalid PNG", 0) == 0);
}
