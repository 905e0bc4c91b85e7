// What a PDF must not publish: a photo's metadata (where it was taken, the
// camera's serial number) and links a reader would follow into a script or
// the reader's own disk.
#include <doctest/doctest.h>

#include "harness.h"
#include "hostile_files.h"
#include "image/make_images.h"

using namespace e2e;

namespace {

// The PDF with every stream that qpdf can decode written plainly; a JPEG
// stays as its own bytes.
std::string plain_pdf(const std::string& pdf) {
  const std::string out = pdf + ".qdf";
  sh("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(out));
  return read_file(out);
}

}  // namespace

TEST_CASE("a photo's metadata stays out of the PDF; its ICC profile and Adobe marker stay in") {
  const std::string dir = temp_dir();
  std::string jpeg = galley::testimg::jpeg_bytes(24, 16, 3, false);
  const std::string extra =
      jpeg_segment(0xE1, std::string("Exif\0\0", 6) + "GPSLatitude 30.2672 N, serial CAM-0042-SECRET") +
      jpeg_segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>xmp-secret</x:xmpmeta>") +
      jpeg_segment(0xED, "Photoshop 3.0\0photoshop-secret") +
      jpeg_segment(0xEB, "maker-note-secret") +
      jpeg_segment(0xFE, "comment-secret") +
      jpeg_segment(0xE2, std::string("ICC_PROFILE\0\x01\x01", 14) + "icc-kept") +
      jpeg_segment(0xEE, std::string("Adobe\0\x64\0\0\0\0\x01", 12));
  jpeg.insert(20, extra);  // after SOI (2) and JFIF (18)
  jpeg += "trailing-secret after the end marker";
  write_file(dir + "/photo.jpg", jpeg);
  write_minimal_pair(dir, "    - image: {src: photo.jpg}\n");

  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  REQUIRE(r.exit_code == 0);
  const std::string pdf = plain_pdf(dir + "/out.pdf");
  REQUIRE(has(pdf, "/DCTDecode"));
  for (const char* secret : {"GPSLatitude", "CAM-0042", "xmp-secret", "photoshop-secret", "maker-note-secret",
                             "comment-secret", "trailing-secret"}) {
    INFO(secret);
    CHECK_FALSE(has(pdf, secret));
  }
  CHECK(has(pdf, "icc-kept"));
  CHECK(has(pdf, std::string("Adobe\0\x64", 7)));
  CHECK(has(pdf, "JFIF"));
  // The picture itself is intact: poppler draws it without complaint.
  const Run render = sh("pdftoppm -r 20 -png " + quote(dir + "/out.pdf") + " " + quote(dir + "/page") + " 2>&1");
  CHECK(render.exit_code == 0);
  CHECK(render.out.empty());
}

TEST_CASE("links take http, https, mailto, tel and internal targets, and what the layout allows") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir,
                     "    - paragraph: \"[a](https://example.org/a) [b](HTTP://example.org/b) [c](mailto:x@example.org) "
                     "[d](tel:+15551234) [e](#top) [f](ftp://example.org/f)\"\n      id: top\n");
  const Run refused = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("content.yaml:8:") != std::string::npos);
  CHECK(has(refused.err, "error: link 'ftp://example.org/f' uses the scheme 'ftp', which is not allowed"));

  std::string layout = read_file(dir + "/layout.yaml");
  write_file(dir + "/layout.yaml", layout + "output: {link-schemes: [FTP]}\n");
  const Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = plain_pdf(dir + "/out.pdf");
  for (const char* uri : {"(https://example.org/a)", "(HTTP://example.org/b)", "(mailto:x@example.org)",
                          "(tel:+15551234)", "(ftp://example.org/f)"}) {
    INFO(uri);
    CHECK(has(pdf, uri));
  }
}
