#include <doctest/doctest.h>
#include <png.h>
#include <zlib.h>

#include "image/image.h"
#include "make_images.h"
#include "detail/png_reader.h"

using namespace galley;
using namespace galley::testimg;

namespace {

std::string write(const std::string& name, const std::string& bytes) {
  std::string path = temp_path(name);
  write_file(path, bytes);
  return path;
}

// The single error reported for `path`, which must name the file.
std::string only_error(const Diagnostics& d, const std::string& path) {
  REQUIRE(d.error_count() == 1);
  const std::string msg = d.all().front().message;
  CHECK(msg.find(path) != std::string::npos);
  return msg;
}

uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
         (uint32_t(uint8_t(s[at + 2])) << 8) | uint8_t(s[at + 3]);
}

std::string chunk(const std::string& type, const std::string& data) {
  std::string c;
  for (int s = 24; s >= 0; s -= 8) c.push_back(static_cast<char>(data.size() >> s));
  c += type + data;
  const std::string body = type + data;
  const uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size());
  for (int s = 24; s >= 0; s -= 8) c.push_back(static_cast<char>(crc >> s));
  return c;
}

// The file's IDAT payloads, concatenated.
std::string idat_of(const std::string& png) {
  std::string out;
  for (size_t pos = 8; pos + 12 <= png.size(); pos += 12 + be32(png, pos))
    if (png.compare(pos + 4, 4, "IDAT") == 0) out += png.substr(pos + 8, be32(png, pos));
  return out;
}

// `png` with its image data replaced by one IDAT chunk holding `idat`,
// every CRC right.
std::string with_idat(const std::string& png, const std::string& idat) {
  std::string out = png.substr(0, 8);
  bool written = false;
  for (size_t pos = 8; pos + 12 <= png.size(); pos += 12 + be32(png, pos)) {
    const std::string type = png.substr(pos + 4, 4);
    if (type != "IDAT") out += png.substr(pos, 12 + be32(png, pos));
    else if (!written) out += chunk("IDAT", idat);
    written = written || type == "IDAT";
  }
  return out;
}

}  // namespace

TEST_CASE("RGB PNG decodes to 8-bit RGB with its resolution") {
  auto path = write("rgb.png", png_bytes(5, 3, PNG_COLOR_TYPE_RGB, 8));
  Diagnostics d;
  auto info = image::probe(path, d);
  REQUIRE(info);
  CHECK(info->width == 5);
  CHECK(info->height == 3);
  CHECK(info->space == image::ColorSpace::Rgb);
  CHECK(info->dpi_x == doctest::Approx(300).epsilon(0.01));
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->data.size() == 5 * 3 * 3);
  CHECK(px->alpha.empty());
  CHECK(px->data[1] == 37);
  CHECK(!d.has_errors());
}

TEST_CASE("16-bit PNG is scaled to 8 bits") {
  auto path = write("rgb16.png", png_bytes(4, 2, PNG_COLOR_TYPE_RGB, 16));
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->info.bit_depth == 16);
  CHECK(px->data.size() == 4 * 2 * 3);
  // First sample is bytes 0x00,0x25 (big-endian 37): scales to 0.
  CHECK(px->data[0] == 0);
  // Second sample 0x4A6F → round(0x4A6F * 255 / 65535) = 74.
  CHECK(px->data[1] == 74);
}

TEST_CASE("palette PNG with tRNS becomes RGB plus alpha") {
  auto path = write("pal.png", png_bytes(4, 4, PNG_COLOR_TYPE_PALETTE, 8, true));
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->info.space == image::ColorSpace::Rgb);
  CHECK(px->info.has_alpha);
  CHECK(px->data.size() == 16 * 3);
  REQUIRE(px->alpha.size() == 16);
  // Pixel 0 has index 0 (red, transparent); pixel 1 has index 37&3 = 1 (green, opaque).
  CHECK(px->data[0] == 255);
  CHECK(px->alpha[0] == 0);
  CHECK(px->data[4] == 255);
  CHECK(px->alpha[1] == 255);
}

TEST_CASE("gray+alpha PNG splits the alpha channel") {
  auto path = write("ga.png", png_bytes(3, 2, PNG_COLOR_TYPE_GRAY_ALPHA, 8));
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->info.space == image::ColorSpace::Gray);
  CHECK(px->data.size() == 6);
  CHECK(px->alpha.size() == 6);
  CHECK(px->alpha[0] == 37);
}

TEST_CASE("truncated PNG is an error naming the file") {
  auto good = png_bytes(20, 20, PNG_COLOR_TYPE_RGB, 8);
  auto path = write("truncated.png", good.substr(0, good.size() / 2));
  Diagnostics d;
  CHECK_FALSE(image::decode(path, d));
  CHECK(only_error(d, path).find("invalid PNG") != std::string::npos);
}

TEST_CASE("PNG with a bad IDAT CRC is an error") {
  auto bytes = png_bytes(8, 8, PNG_COLOR_TYPE_RGB, 8);
  auto idat = bytes.find("IDAT");
  REQUIRE(idat != std::string::npos);
  const uint32_t len = (uint8_t(bytes[idat - 4]) << 24) | (uint8_t(bytes[idat - 3]) << 16) |
                       (uint8_t(bytes[idat - 2]) << 8) | uint8_t(bytes[idat - 1]);
  bytes[idat + 4 + len] ^= 0x55;  // first CRC byte
  auto path = write("badcrc.png", bytes);
  Diagnostics d;
  CHECK_FALSE(image::decode(path, d));
  only_error(d, path);
}

TEST_CASE("8-bit gray and RGB PNGs keep their zlib stream when asked") {
  for (int type : {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_RGB}) {
    const int channels = type == PNG_COLOR_TYPE_RGB ? 3 : 1;
    const std::string bytes = png_bytes(37, 23, type, 8);
    auto path = write("keep.png", bytes);
    Diagnostics d;
    auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
    REQUIRE(px);
    CHECK(d.all().empty());
    CHECK(px->data.empty());
    CHECK(px->png_idat == idat_of(bytes));
    CHECK(px->info.width == 37);
    CHECK(px->info.space == (channels == 3 ? image::ColorSpace::Rgb : image::ColorSpace::Gray));
    // Without asking, the same file still decodes to pixels.
    auto decoded = image::decode(path, d);
    REQUIRE(decoded);
    CHECK(decoded->png_idat.empty());
    CHECK(decoded->data.size() == 37u * 23u * channels);
  }
}

TEST_CASE("PNGs a PDF cannot inflate as they are decode to pixels even when the stream is "
          "asked for") {
  struct Case { const char* name; std::string bytes; };
  const Case cases[] = {
      {"16-bit", png_bytes(4, 3, PNG_COLOR_TYPE_RGB, 16)},
      {"palette", png_bytes(4, 3, PNG_COLOR_TYPE_PALETTE, 8)},
      {"gray 4-bit", png_bytes(4, 3, PNG_COLOR_TYPE_GRAY, 4)},
      {"gray+alpha", png_bytes(4, 3, PNG_COLOR_TYPE_GRAY_ALPHA, 8)},
      {"interlaced", png_bytes(9, 9, PNG_COLOR_TYPE_RGB, 8, false, true)},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto path = write("nokeep.png", c.bytes);
    Diagnostics d;
    auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
    REQUIRE(px);
    CHECK(px->png_idat.empty());
    CHECK_FALSE(px->data.empty());
  }
  auto path = write("interlaced.png", png_bytes(9, 9, PNG_COLOR_TYPE_RGB, 8, false, true));
  Diagnostics d;
  auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
  REQUIRE(px);
  REQUIRE(px->data.size() == 9u * 9u * 3u);
  CHECK(px->data[3 * 9 * 4 + 1] == png_sample(1, 4));
}

TEST_CASE("a kept PNG stream is checked: broken image data behind valid CRCs is an error") {
  const std::string good = png_bytes(20, 20, PNG_COLOR_TYPE_RGB, 8);
  const std::string idat = idat_of(good);
  // The zlib stream cut short: every chunk CRC is right, the rows are not there.
  auto cut = write("cut.png", with_idat(good, idat.substr(0, idat.size() / 2)));
  Diagnostics d;
  CHECK_FALSE(image::decode(cut, d, {}, image::PngSamples::KeepStream));
  CHECK(only_error(d, cut).find("invalid PNG") != std::string::npos);

  // A wrong Adler-32: whatever libpng makes of it, the stream is not kept.
  std::string bad_check = idat;
  bad_check.back() = static_cast<char>(bad_check.back() ^ 0x01);
  auto adler = write("adler.png", with_idat(good, bad_check));
  Diagnostics d2;
  auto px = image::decode(adler, d2, {}, image::PngSamples::KeepStream);
  if (px) CHECK(px->png_idat.empty());

  // A filter type outside 0-4 in the first row.
  std::string raw(20 * (1 + 20 * 3), '\0');
  raw[0] = 7;
  uLongf size = compressBound(raw.size());
  std::string z(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(z.data()), &size,
                    reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 6) == Z_OK);
  z.resize(size);
  auto filter = write("filter.png", with_idat(good, z));
  Diagnostics d3;
  CHECK_FALSE(image::decode(filter, d3, {}, image::PngSamples::KeepStream));
  only_error(d3, filter);

  // A bad CRC is reported as before.
  std::string crc = good;
  const size_t at = crc.find("IDAT");
  crc[at + 4 + be32(crc, at - 4)] ^= 0x55;
  auto bad_crc = write("keepcrc.png", crc);
  Diagnostics d4;
  CHECK_FALSE(image::decode(bad_crc, d4, {}, image::PngSamples::KeepStream));
  only_error(d4, bad_crc);
}

TEST_CASE("a text file named .png is an error") {
  auto path = write("fake.png", "hello, I am not a picture\n");
  Diagnostics d;
  CHECK_FALSE(image::probe(path, d));
  CHECK(only_error(d, path).find("not a PNG, JPEG, PDF or SVG") != std::string::npos);
}

TEST_CASE("empty file and missing file are errors") {
  auto path = write("empty.png", "");
  Diagnostics d;
  CHECK_FALSE(image::decode(path, d));
  only_error(d, path);
  Diagnostics d2;
  CHECK_FALSE(image::probe(temp_path("does-not-exist.png"), d2));
  CHECK(d2.error_count() == 1);
}

TEST_CASE("zero-size PNG is an error") {
  auto bytes = png_bytes(1, 1, PNG_COLOR_TYPE_GRAY, 8);
  // IHDR width is bytes 16..19; zero it (the CRC no longer matches either,
  // which libpng also reports: either way an error naming the file).
  bytes[16] = bytes[17] = bytes[18] = bytes[19] = 0;
  auto path = write("zero.png", bytes);
  Diagnostics d;
  CHECK_FALSE(image::probe(path, d));
  only_error(d, path);
}

TEST_CASE("errors are reported at the descriptor location when given") {
  auto path = write("fake2.png", "GIF89a");
  Diagnostics d;
  CHECK_FALSE(image::decode(path, d, SourceLoc{"content.yaml", 12, 5}));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].loc.file == "content.yaml");
  CHECK(d.all()[0].loc.line == 12);
}

TEST_CASE("baseline and progressive JPEG decode and keep their bytes") {
  for (bool progressive : {false, true}) {
    auto bytes = jpeg_bytes(16, 8, 3, progressive);
    auto path = write(progressive ? "prog.jpg" : "base.jpg", bytes);
    Diagnostics d;
    auto px = image::decode(path, d);
    REQUIRE(px);
    CHECK(px->info.progressive == progressive);
    CHECK(px->info.space == image::ColorSpace::Rgb);
    CHECK(px->data.size() == 16 * 8 * 3);
    CHECK(px->jpeg == bytes);
    CHECK_FALSE(d.has_errors());
  }
}

TEST_CASE("CMYK JPEG with the Adobe marker is inverted back to plain CMYK") {
  auto path = write("cmyk.jpg", jpeg_bytes(8, 8, 4, false));
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->info.space == image::ColorSpace::Cmyk);
  CHECK(px->jpeg_inverted);
  CHECK(px->data.size() == 8 * 8 * 4);
  // libjpeg stores what it is given; decode inverts: sample 0 was 0 → 255.
  CHECK(px->data[0] >= 250);
}

TEST_CASE("gray JPEG decodes") {
  auto path = write("gray.jpg", jpeg_bytes(8, 8, 1, false));
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK(px->info.space == image::ColorSpace::Gray);
  CHECK(px->data.size() == 64);
}

TEST_CASE("truncated JPEG is an error naming the file") {
  for (bool progressive : {false, true}) {
    auto good = jpeg_bytes(64, 64, 3, progressive);
    auto path = write("trunc.jpg", good.substr(0, good.size() * 2 / 3));
    Diagnostics d;
    CHECK_FALSE(image::decode(path, d));
    CHECK(only_error(d, path).find("invalid JPEG") != std::string::npos);
  }
  auto header_only = jpeg_bytes(64, 64, 3, false).substr(0, 20);
  auto path = write("trunc2.jpg", header_only);
  Diagnostics d;
  CHECK_FALSE(image::probe(path, d));
  only_error(d, path);
}

TEST_CASE("a header claiming a huge image is refused before decoding") {
  auto bytes = png_bytes(1, 1, PNG_COLOR_TYPE_RGB, 8);
  const unsigned char huge[8] = {0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60};  // 60000 x 60000
  bytes.replace(16, 8, reinterpret_cast<const char*>(huge), 8);
  const uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(bytes.data() + 12), 17);
  for (int i = 0; i < 4; ++i) bytes[29 + i] = static_cast<char>(crc >> (24 - 8 * i));
  auto path = write("huge.png", bytes);
  Diagnostics d;
  CHECK_FALSE(image::probe(path, d));
  CHECK(only_error(d, path).find("too large") != std::string::npos);
  Diagnostics d2;
  CHECK_FALSE(image::decode(path, d2));
  only_error(d2, path);
}

TEST_CASE("a PNG with a bit depth its colour type does not allow is an error naming the file") {
  // IHDR: width, height, bit depth, colour type, ...; RGB allows only 8 and
  // 16 bits. The CRC is rewritten, so only the depth is wrong.
  for (char depth : {char(4), char(3), char(32)}) {
    const auto good = png_bytes(4, 4, PNG_COLOR_TYPE_RGB, 8);
    std::string ihdr = good.substr(16, 13);
    ihdr[8] = depth;
    const std::string bytes = good.substr(0, 8) + chunk("IHDR", ihdr) + good.substr(8 + 25);
    auto path = write("depth" + std::to_string(int(depth)) + ".png", bytes);
    Diagnostics d;
    CHECK_FALSE(image::decode(path, d));
    only_error(d, path);
  }
}

TEST_CASE("a JPEG with an unsupported precision or corrupt markers is an error naming the file") {
  const std::string good = jpeg_bytes(16, 16, 3, false);
  const size_t sof = good.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  std::string twelve_bit = good;
  twelve_bit[sof + 4] = 12;  // SOF0: length (2 bytes), then sample precision
  std::string bad_marker = good;
  bad_marker[sof + 1] = '\x01';  // no SOF marker left: not a decodable frame
  std::string bad_huffman = good;
  const size_t dht = good.find("\xFF\xC4");
  REQUIRE(dht != std::string::npos);
  bad_huffman.replace(dht + 5, 16, 16, '\xFF');  // code counts that overflow the code space
  for (const auto& [name, bytes] : {std::pair{"precision12.jpg", twelve_bit}, std::pair{"nosof.jpg", bad_marker},
                                    std::pair{"badhuffman.jpg", bad_huffman}}) {
    INFO(name);
    auto path = write(name, bytes);
    Diagnostics d;
    CHECK_FALSE(image::decode(path, d));
    only_error(d, path);
  }
}

namespace {

std::string segment(unsigned char marker, const std::string& payload) {
  const size_t length = payload.size() + 2;
  return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(length >> 8), static_cast<char>(length)} +
         payload;
}

}  // namespace

TEST_CASE("a decoded JPEG keeps only what printing needs: metadata and trailing bytes are dropped") {
  const std::string plain = jpeg_bytes(16, 8, 3, true);
  const std::string icc = segment(0xE2, std::string("ICC_PROFILE\0\x01\x01", 14) + "profile");
  std::string tagged = plain.substr(0, 20) + segment(0xE1, std::string("Exif\0\0", 6) + "GPS 30.3N") +
                       segment(0xFE, "a comment") + icc + segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x/>") +
                       segment(0xE5, "maker") + plain.substr(20) + "bytes after the end";
  auto path = write("tagged.jpg", tagged);
  Diagnostics d;
  auto px = image::decode(path, d);
  REQUIRE(px);
  CHECK_FALSE(d.has_errors());
  // What remains is the file without the metadata, byte for byte.
  CHECK(px->jpeg == plain.substr(0, 20) + icc + plain.substr(20));
}

TEST_CASE("a JPEG's scans are limited, fewer for a bigger picture, before libjpeg reads a scan") {
  const std::string plain = jpeg_bytes(16, 8, 3, true);
  const size_t last = plain.rfind("\xFF\xDA");
  const std::string scan = plain.substr(last, plain.size() - 2 - last);
  std::string many = plain.substr(0, plain.size() - 2);
  for (int i = 0; i < 500; ++i) many += scan;
  Diagnostics d;
  const std::string path = write("scans.jpg", many + "\xFF\xD9");
  CHECK_FALSE(image::probe(path, d));
  CHECK(only_error(d, path).find("invalid JPEG: more than 500 scans") != std::string::npos);

  // The same scans in a frame that claims 8000 × 8000 pixels.
  std::string big = many;
  const size_t sof = big.find("\xFF\xC2");
  REQUIRE(sof != std::string::npos);
  big.replace(sof + 5, 4, "\x1F\x40\x1F\x40");
  Diagnostics e;
  const std::string big_path = write("big-scans.jpg", big);
  CHECK_FALSE(image::probe(big_path, e));
  CHECK(only_error(e, big_path).find("invalid JPEG: more than 67 scans (the most a picture of its size may have)") !=
        std::string::npos);
}

TEST_CASE("a PNG chunk claiming more than the file holds is refused before libpng allocates it") {
  const std::string good = png_bytes(4, 4, PNG_COLOR_TYPE_RGB, 8);
  std::string text = good.substr(0, 33) + std::string("\x7F\xFF\xFF\xFFtEXtabc", 11);
  const std::string path = write("claims.png", text);
  for (bool decode : {false, true}) {
    Diagnostics d;
    const bool read = decode ? image::decode(path, d).has_value() : image::probe(path, d).has_value();
    CHECK_FALSE(read);
    CHECK(only_error(d, path).find("invalid PNG: chunk 'tEXt' at byte 33 claims 2147483647 bytes, but 3 remain") !=
          std::string::npos);
  }
}

// Pictures up to 1 MiB of rows are checked inflated whole, bigger ones
// through a window (png_reader.cpp): both must give the same verdicts.
TEST_CASE("a kept PNG stream is checked the same, small or big: exact rows, checksum, nothing after") {
  struct Size { int width, height; };
  for (const Size s : {Size{20, 20}, Size{1100, 1000}}) {
    CAPTURE(s.width);
    const std::string good = png_bytes(s.width, s.height, PNG_COLOR_TYPE_GRAY, 8);
    const std::string idat = idat_of(good);
    auto kept = [&](const std::string& name, const std::string& stream) {
      auto path = write(name, with_idat(good, stream));
      Diagnostics d;
      auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
      return px && !px->png_idat.empty();
    };
    auto deflated = [](const std::string& raw) {
      uLongf size = compressBound(raw.size());
      std::string z(size, '\0');
      REQUIRE(compress2(reinterpret_cast<Bytef*>(z.data()), &size,
                        reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 6) == Z_OK);
      z.resize(size);
      return z;
    };
    CHECK(kept("size-good.png", idat));
    CHECK(kept("size-rows.png", deflated(std::string(s.height * (1 + s.width), '\0'))));
    CHECK_FALSE(kept("size-trailing.png", idat + std::string(1, '\0')));
    CHECK_FALSE(kept("size-cut.png", idat.substr(0, idat.size() - 9)));
    std::string broken = idat;
    broken[idat.size() / 2] = static_cast<char>(broken[idat.size() / 2] ^ 0x5a);
    CHECK_FALSE(kept("size-broken.png", broken));
    CHECK_FALSE(kept("size-row-more.png", deflated(std::string((s.height + 1) * (1 + s.width), '\0'))));
    CHECK_FALSE(kept("size-row-less.png", deflated(std::string((s.height - 1) * (1 + s.width), '\0'))));
    std::string last_filter(s.height * (1 + s.width), '\0');
    last_filter[(s.height - 1) * (1 + s.width)] = 5;
    CHECK_FALSE(kept("size-filter.png", deflated(last_filter)));
    std::string adler = idat;
    adler.back() = static_cast<char>(adler.back() ^ 0x01);
    CHECK_FALSE(kept("size-adler.png", adler));
  }
}

TEST_CASE("under ReusedRows the checks of kept PNG streams share one mapping, unmapped with the last ReusedRows") {
  using image::detail::kept_row_bytes;
  const int width = 1000, height = 777;
  const size_t rows_bytes = size_t{height} * (width + 1);
  const std::string good = png_bytes(width, height, PNG_COLOR_TYPE_GRAY, 8);
  const std::string idat = idat_of(good);
  auto kept = [&](const std::string& name, const std::string& stream) {
    auto path = write(name, with_idat(good, stream));
    Diagnostics d;
    auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
    return px && !px->png_idat.empty() ? px->png_idat : std::string();
  };
  std::string row_more(size_t{height + 1} * (width + 1), '\0');
  uLongf size = compressBound(row_more.size());
  std::string more(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(more.data()), &size, reinterpret_cast<const Bytef*>(row_more.data()),
                    row_more.size(), 6) == Z_OK);
  more.resize(size);

  const std::string alone = kept("reuse-alone.png", idat);
  CHECK(alone == idat);
  CHECK(kept_row_bytes() == 0);  // its own pages, unmapped after the check
  {
    const image::ReusedRows outer;
    CHECK(kept_row_bytes() == 0);
    CHECK(kept("reuse-1.png", idat) == idat);
    CHECK(kept_row_bytes() == rows_bytes);  // kept
    {
      const image::ReusedRows inner;
      CHECK(kept("reuse-2.png", idat) == idat);
      // A bad stream after a good one: the kept rows of the last picture
      // do not make it pass.
      CHECK(kept("reuse-bad.png", more).empty());
      std::string adler = idat;
      adler.back() = static_cast<char>(adler.back() ^ 0x01);
      CHECK(kept("reuse-adler.png", adler).empty());
      CHECK(kept_row_bytes() == rows_bytes);
    }
    CHECK(kept_row_bytes() == rows_bytes);  // the outer one still keeps it
    // A bigger picture grows the mapping.
    const std::string big = png_bytes(1100, 900, PNG_COLOR_TYPE_GRAY, 8);
    auto path = write("reuse-big.png", big);
    Diagnostics d;
    auto px = image::decode(path, d, {}, image::PngSamples::KeepStream);
    CHECK((px && !px->png_idat.empty()));
    CHECK(kept_row_bytes() == size_t{900} * 1101);
  }
  CHECK(kept_row_bytes() == 0);
}
