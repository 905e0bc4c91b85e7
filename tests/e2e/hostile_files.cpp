#include "hostile_files.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "harness.h"
#include "image/make_images.h"

namespace e2e {
namespace fs = std::filesystem;
using galley::testimg::jpeg_bytes;
using galley::testimg::png_bytes;

namespace {

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

uint32_t read_be32(const std::string& s, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + at);
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

std::string ihdr(uint32_t width, uint32_t height, int bit_depth, int color_type) {
  return png_chunk("IHDR", be32(width) + be32(height) + static_cast<char>(bit_depth) +
                               static_cast<char>(color_type) + std::string(3, '\0'));
}

std::string zlib(const std::string& raw) {
  uLongf size = compressBound(raw.size());
  std::string out(size, '\0');
  if (compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
               raw.size()) != Z_OK)
    throw std::runtime_error("zlib failed");
  out.resize(size);
  return out;
}

// An 8-bit gray PNG of `rows` rows of `width`, each with filter byte `filter`.
std::string gray_png(uint32_t width, uint32_t height, uint32_t rows, char filter) {
  std::string raw;
  for (uint32_t y = 0; y < rows; ++y) raw += filter + std::string(width, static_cast<char>(y * 7));
  return kPngSignature + ihdr(width, height, 8, 0) + png_chunk("IDAT", zlib(raw)) + png_chunk("IEND", "");
}

// Byte offset of the first segment with `marker` in a JPEG.
size_t find_segment(const std::string& jpeg, unsigned char marker) {
  for (size_t pos = 2; pos + 4 <= jpeg.size();) {
    const auto m = static_cast<unsigned char>(jpeg[pos + 1]);
    if (m == marker) return pos;
    pos += 2 + ((static_cast<unsigned char>(jpeg[pos + 2]) << 8) | static_cast<unsigned char>(jpeg[pos + 3]));
  }
  throw std::runtime_error("marker not found");
}

// The file with `segment` inserted after SOI and the JFIF segment.
std::string with_segment(const std::string& jpeg, const std::string& segment) {
  const size_t app0 = find_segment(jpeg, 0xE0);
  const size_t after = app0 + 2 + ((static_cast<unsigned char>(jpeg[app0 + 2]) << 8) |
                                   static_cast<unsigned char>(jpeg[app0 + 3]));
  return jpeg.substr(0, after) + segment + jpeg.substr(after);
}

// The last scan (SOS to EOI) of a progressive JPEG repeated `n` more times.
std::string with_scans(const std::string& jpeg, int n) {
  const size_t last = jpeg.rfind("\xFF\xDA");
  const std::string scan = jpeg.substr(last, jpeg.size() - 2 - last);
  std::string out = jpeg.substr(0, jpeg.size() - 2);
  for (int i = 0; i < n; ++i) out += scan;
  return out + "\xFF\xD9";
}

// The font's sfnt table record for `tag` (face 0 of a plain sfnt).
size_t table_record(const std::string& font, const std::string& tag) {
  const size_t tables = (static_cast<unsigned char>(font[4]) << 8) | static_cast<unsigned char>(font[5]);
  for (size_t i = 0; i < tables; ++i)
    if (font.compare(12 + 16 * i, 4, tag) == 0) return 12 + 16 * i;
  throw std::runtime_error("no table " + tag);
}

// A one-page PDF with a correct cross-reference table, from its objects'
// bodies (object 1 the catalog, 2 the page tree, 3 the page, 4 content,
// then `more`, numbered from 5).
std::string minimal_pdf(const std::string& resources = "<< >>", const std::vector<std::string>& more = {}) {
  const std::string content = "0 0 1 rg 10 10 80 80 re f\n";
  const std::vector<std::string> bodies = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /Resources " + resources + " >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream"};
  std::vector<std::string> all = bodies;
  all.insert(all.end(), more.begin(), more.end());
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < all.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + all[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(all.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(all.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

std::string png_chunk(const std::string& type, const std::string& data) {
  const std::string body = type + data;
  return be32(static_cast<uint32_t>(data.size())) + body +
         be32(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}

std::string jpeg_segment(unsigned char marker, const std::string& payload) {
  const size_t length = payload.size() + 2;
  return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(length >> 8), static_cast<char>(length)} +
         payload;
}

void write_hostile_files(const std::string& dir) {
  const std::string source = GALLEY_SOURCE_DIR;
  for (const auto& e : fs::directory_iterator(source + "/tests/hostile/build"))
    if (e.path().extension() == ".yaml") fs::copy_file(e.path(), dir + "/" + e.path().filename().string());
  fs::create_directories(dir + "/images");
  fs::create_directories(dir + "/fonts");
  fs::create_directories(dir + "/profiles");
  auto image = [&](const std::string& name, const std::string& bytes) { write_file(dir + "/images/" + name, bytes); };

  // PNG: declared lengths against what the file holds.
  image("png-text-2gb.png", kPngSignature + ihdr(1, 1, 8, 0) + be32(0x7FFFFFFF) + "tEXtabc");
  image("png-chunk-4gb.png", kPngSignature + ihdr(1, 1, 8, 0) + be32(0xFFFFFFFF) + "zTXtabcdefgh");
  std::string good = png_bytes(16, 16, 0, 8);
  std::string idat_overrun = good;
  const size_t idat = idat_overrun.find("IDAT") - 4;
  idat_overrun.replace(idat, 4, be32(100000));
  image("png-idat-overrun.png", idat_overrun);
  std::string ihdr_overrun = good;
  ihdr_overrun.replace(8, 4, be32(5000));
  image("png-ihdr-overrun.png", ihdr_overrun);
  image("png-iccp-overrun.png", kPngSignature + ihdr(1, 1, 8, 0) + be32(1 << 24) + "iCCPprofile");
  image("png-truncated-idat.png", good.substr(0, good.find("IEND") - 20));
  // PNG: image data that only a decoder meets.
  image("png-short-idat.png", gray_png(16, 16, 8, 0));
  image("png-bad-filter.png", gray_png(16, 16, 16, 9));
  const std::string no_data = png_chunk("IDAT", zlib(std::string(1, '\0'))) + png_chunk("IEND", "");
  image("png-too-many-pixels.png", kPngSignature + ihdr(10000, 10000, 8, 2) + no_data);
  // Headers of 8000×8000 RGB pictures, 183 MiB each decoded: the document
  // budget is read from the headers, so no data is needed to go over it.
  for (char c = 'a'; c <= 'f'; ++c)
    image(std::string("png-8000-") + c + ".png", kPngSignature + ihdr(8000, 8000, 16, 2) + no_data);

  // JPEG.
  const std::string progressive = jpeg_bytes(64, 64, 3, true);
  image("jpeg-truncated-progressive.jpg", progressive.substr(0, progressive.size() * 3 / 5));
  image("jpeg-scans.jpg", with_scans(progressive, 600));
  const std::string baseline = jpeg_bytes(32, 32, 3, false);
  image("jpeg-app1-overrun.jpg", with_segment(baseline, std::string("\xFF\xE1\xFE\xFF", 4) + "Exif"));
  image("jpeg-short-length.jpg", with_segment(baseline, std::string("\xFF\xFE\x00\x01", 4)));
  std::string sos_overrun = baseline;
  sos_overrun.replace(find_segment(baseline, 0xDA) + 2, 2, "\xFF\xF0");
  image("jpeg-sos-overrun.jpg", sos_overrun);

  // Vector graphics (image/vector.h).
  image("svg-malformed.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><g><rect/></svg>");
  image("svg-huge.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='100000in' height='1in'/>");
  std::string nested = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>";
  for (int i = 0; i < 10000; ++i) nested += "<g>";
  nested += "<rect width='5' height='5'/>";
  for (int i = 0; i < 10000; ++i) nested += "</g>";
  image("svg-nested.svg", nested + "</svg>");
  std::string uses = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><defs><rect id='l0' width='1' height='1'/>";
  for (int i = 1; i <= 10; ++i) {
    uses += "<g id='l" + std::to_string(i) + "'>";
    for (int k = 0; k < 10; ++k) uses += "<use href='#l" + std::to_string(i - 1) + "'/>";
    uses += "</g>";
  }
  image("svg-use-bomb.svg", uses + "</defs><use href='#l10'/></svg>");
  const std::string pdf = minimal_pdf();
  image("pdf-one-page.pdf", pdf);
  image("pdf-truncated.pdf", pdf.substr(0, pdf.size() / 2));
  image("pdf-jpx-image.pdf", minimal_pdf("<< /XObject << /Im0 5 0 R >> >>",
                                         {"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
                                          " /BitsPerComponent 8 /Filter /JPXDecode /Length 4 >>\nstream\nabcd\nendstream"}));
  std::string entries;
  for (int i = 0; i < 4096; ++i) entries += "/P" + std::to_string(i) + " 0 ";
  image("pdf-big-dictionary.pdf", minimal_pdf("<< /Properties << " + entries + ">> >>"));
  image("pdf-long-name.pdf", minimal_pdf("<< /Properties << /P0 /" + std::string(128, 'N') + " >> >>"));
  // fuzz_vector's first finding, reduced: the empty name failed to copy and
  // the dictionary holding it stayed allocated.
  image("pdf-empty-name.pdf", minimal_pdf("<< /Pattern / /Properties << /P0 7 >> >>"));
  image("pdf-huge-number.pdf", minimal_pdf("<< /Properties << /P0 [1 2 4294967296] >> >>"));
  image("pdf-deep-resources.pdf", minimal_pdf("<< /Properties << /P0 " + std::string(200, '[') + std::string(200, ']') + " >> >>"));
  write_file(dir + "/images/plain.pdf", pdf);
  Run encrypt = sh("qpdf --encrypt '' owner 256 -- " + quote(dir + "/images/plain.pdf") + " " +
                   quote(dir + "/images/pdf-encrypted.pdf"));
  if (encrypt.exit_code != 0) throw std::runtime_error("qpdf --encrypt failed: " + encrypt.err);

  // Fonts, from the project's Noto Serif.
  const std::string noto = read_file(source + "/fonts/NotoSerif-Regular.ttf");
  write_file(dir + "/fonts/NotoSerif-Regular.ttf", noto);
  std::string slanted = noto;
  slanted.replace(read_be32(noto, table_record(noto, "post") + 8) + 4, 4, be32(0x80000000));
  write_file(dir + "/fonts/italic-angle.ttf", slanted);
  write_file(dir + "/fonts/truncated.ttf", noto.substr(0, noto.size() * 2 / 5));
  write_file(dir + "/fonts/not-a-font.ttf", "SIL Open Font License\n");
  std::string directory = noto;
  directory.replace(4, 2, "\xFF\xFF");
  write_file(dir + "/fonts/table-directory.ttf", directory);

  write_file(dir + "/profiles/not-icc.icc", "this is not a colour profile\n");
  std::string rgb_profile(200, '\0');
  rgb_profile.replace(12, 4, "mntr");
  rgb_profile.replace(16, 4, "RGB ");
  rgb_profile.replace(36, 4, "acsp");
  write_file(dir + "/profiles/rgb.icc", rgb_profile);
}

Measured run_measured(const std::string& cwd, const std::vector<std::string>& args) {
  const std::string err_path = temp_dir() + "/stderr";
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = open("/dev/null", O_WRONLY);
    if (err < 0 || null < 0) _exit(127);
    dup2(null, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    static std::string binary = GALLEY_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  Measured m;
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return m;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.err = read_file(err_path);
  m.seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  m.max_rss_mb = usage.ru_maxrss / 1024;
  return m;
}

}  // namespace e2e
