#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "detail/write.h"
#include "read_back.h"
#include "shape_helper.h"
#include "text/text.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

layout::DisplayList with_fonts() {
  auto list = letter_page();
  for (const char* f : {"NotoSerif-Regular.ttf", "NotoSansArabic-Regular.ttf",
                        "NotoSansDevanagari-Regular.ttf"})
    list.fonts.push_back(layout::FontRef{font_path(f), 0, f, false, false, {}});
  return list;
}

std::string write_or_fail(const layout::DisplayList& list, const std::string& name) {
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  for (const auto& diag : d.all()) MESSAGE(format(diag));
  REQUIRE(bytes);
  return save(name, *bytes);
}

std::string squash(std::string s) {
  std::string out;
  for (char c : s)
    if (c != '\n' && c != '\f') out.push_back(c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("ligatures extract as their source text") {
  auto list = with_fonts();
  auto lig = shape("office affluent fjord", "NotoSerif-Regular.ttf", 12, 0, 72, 100);
  // NotoSerif forms ligatures here: fewer glyphs than characters.
  CHECK(lig.glyphs.size() < std::string("office affluent fjord").size());
  list.pages[0].items.push_back(lig);
  auto path = write_or_fail(list, "ligatures.pdf");
  CHECK(squash(run("pdftotext -enc UTF-8 " + path + " -")) == "office affluent fjord");
}

TEST_CASE("a word hyphenated at a line end extracts whole") {
  auto list = with_fonts();
  auto first = shape("large pa", "NotoSerif-Regular.ttf", 12, 0, 72, 100);
  // The inserted hyphen, as the line breaker adds it: a glyph whose cluster
  // has no text, so the source text stays "patient".
  const auto hyphen = shape("-", "NotoSerif-Regular.ttf", 12, 0, 0, 0).glyphs.at(0);
  const auto& last = first.glyphs.back();
  first.glyphs.push_back({hyphen.gid, last.x + last.advance, 0, hyphen.advance});
  first.add_cluster(static_cast<uint32_t>(first.glyphs.size() - 1), 1, "");
  list.pages[0].items.push_back(first);
  list.pages[0].items.push_back(shape("tient care", "NotoSerif-Regular.ttf", 12, 0, 72, 114));
  auto path = write_or_fail(list, "hyphenated.pdf");
  // Not squashed: the line break itself must disappear.
  CHECK(run("pdftotext -enc UTF-8 " + path + " -").find("large patient care") != std::string::npos);
}

TEST_CASE("Arabic and Devanagari extract in logical order") {
  auto list = with_fonts();
  const std::string arabic = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85";  // مرحبا بالعالم
  const std::string hindi = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80 \xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\xAF";  // हिंदी क्षत्रिय
  auto a = shape(arabic, "NotoSansArabic-Regular.ttf", 14, 1, 72, 100);
  CHECK(a.rtl);
  auto h = shape(hindi, "NotoSansDevanagari-Regular.ttf", 14, 2, 72, 200);
  list.pages[0].items.push_back(a);
  list.pages[0].items.push_back(h);
  auto path = write_or_fail(list, "complex.pdf");
  const std::string text = run("pdftotext -enc UTF-8 " + path + " -");
  CHECK(text.find(arabic) != std::string::npos);
  CHECK(text.find(hindi) != std::string::npos);
  // Rendered once and looked at: joined Arabic, Devanagari conjuncts.
  run("pdftoppm -r 100 -png -singlefile " + path + " " + path);
}

TEST_CASE("an Arabic lam-alef ligature extracts in logical order") {
  auto list = with_fonts();
  const std::string word = "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB4\xD8\xB9\xD8\xA9";  // الأشعة
  auto a = shape(word, "NotoSansArabic-Regular.ttf", 14, 1, 72, 100);
  REQUIRE(a.rtl);
  // lam + alef-with-hamza are one glyph: the cluster holds two letters.
  const bool ligature = std::any_of(a.clusters.begin(), a.clusters.end(), [&a](const layout::Cluster& c) {
    return c.glyph_count == 1 && a.text_of(c) == "\xD9\x84\xD8\xA3";
  });
  CHECK(ligature);
  list.pages[0].items.push_back(a);
  // Marks over letters (shadda, kasra): clusters of several glyphs, drawn
  // mark first in a right-to-left run.
  const std::string marked = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x8E\xD9\x91\xD9\x87\xD9\x90";  // اللَّهِ
  list.pages[0].items.push_back(shape(marked, "NotoSansArabic-Regular.ttf", 14, 1, 72, 140));
  auto path = write_or_fail(list, "lam-alef.pdf");
  // pdftotext wraps right-to-left text in U+202B ... U+202C.
  const std::string text = run("pdftotext -enc UTF-8 " + path + " -");
  CHECK(text.find(word) != std::string::npos);
  CHECK(text.find(marked) != std::string::npos);
  // -raw keeps drawing order but still reverses right-to-left words; it
  // does not put marks back on their letters.
  CHECK(run("pdftotext -raw -enc UTF-8 " + path + " -").find(word) != std::string::npos);
}

TEST_CASE("fonts are embedded subsets, one object per face") {
  auto list = with_fonts();
  list.pages[0].items.push_back(shape("Hello", "NotoSerif-Regular.ttf", 12, 0, 72, 100));
  list.pages[0].items.push_back(shape("world", "NotoSerif-Regular.ttf", 12, 0, 72, 120));
  list.pages.push_back(list.pages[0]);
  auto path = write_or_fail(list, "fonts.pdf");
  const std::string fonts = run("pdffonts " + path);
  // One line per font object: one face used → exactly one font.
  CHECK(fonts.find("NotoSerif") != std::string::npos);
  CHECK(fonts.find("CID TrueType") != std::string::npos);
  CHECK(fonts.find("Identity-H") != std::string::npos);
  CHECK(fonts.find("yes yes yes") != std::string::npos);  // emb sub uni
  size_t lines = 0;
  for (char c : fonts) lines += c == '\n';
  CHECK(lines == 3);  // header, rule, one font
  const std::string page2 = run("pdftotext -enc UTF-8 -f 2 -l 2 " + path + " -");
  CHECK(page2.find("Hello") != std::string::npos);
  CHECK(page2.find("world") != std::string::npos);
}

TEST_CASE("faces subset two at a time each keep their own glyphs, in the bytes the memo gives again") {
  auto list = letter_page();
  const char* faces[] = {"NotoSerif-Bold.ttf", "NotoSans-Italic.ttf", "NotoSerif-Italic.ttf", "NotoMono-Regular.ttf"};
  const char* texts[] = {"Bold serif words", "Italic sans words", "Slanted serif line", "Monospaced 0123"};
  for (int i = 0; i < 4; ++i) {
    list.fonts.push_back(layout::FontRef{font_path(faces[i]), 0, faces[i], false, false, {}});
    list.pages[0].items.push_back(shape(texts[i], faces[i], 12, i, 72, 100 + 20.0 * i));
  }
  // The first write makes every face's objects (the memo keeps them at
  // their first sighting), the second and third take them from the memo.
  const auto write = [&list] {
    Diagnostics d;
    auto bytes = pdf::write_pdf(list, d);
    REQUIRE(bytes);
    return *bytes;
  };
  const std::string bytes = write();
  CHECK(write() == bytes);
  CHECK(write() == bytes);
  const std::string first = save("two-threads.pdf", bytes);
  const std::string fonts = run("pdffonts " + first);
  size_t at = 0;
  for (const char* name : {"NotoSerif-Bold", "NotoSans-Italic", "NotoSerif-Italic", "NotoMono"}) {
    const size_t found = fonts.find(name, at);
    CHECK_MESSAGE(found != std::string::npos, name << " in order in\n" << fonts);
    if (found != std::string::npos) at = found;
  }
  const std::string text = run("pdftotext -raw -enc UTF-8 " + first + " -");
  for (const char* t : texts) CHECK_MESSAGE(text.find(t) != std::string::npos, t << " in\n" << text);
}

namespace {

// How many pages of `blob`'s bytes are mapped into this process
// (/proc/self/pagemap's present bit); -1 when that cannot be read.
long resident_pages(hb_blob_t* blob) {
  unsigned size = 0;
  const auto start = reinterpret_cast<uintptr_t>(hb_blob_get_data(blob, &size));
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const int fd = ::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  long present = 0;
  for (uintptr_t p = start / page; p * page < start + size; ++p) {
    uint64_t entry = 0;
    if (::pread(fd, &entry, sizeof entry, static_cast<off_t>(p * sizeof entry)) != sizeof entry) {
      present = -1;
      break;
    }
    present += (entry >> 63) & 1;
  }
  ::close(fd);
  return present;
}

}  // namespace

TEST_CASE("a face subset for the first time gives back the pages of its file") {
  // A copy: this test is the first in the process to map and subset it, as
  // a cold build is.
  const auto dir = std::filesystem::temp_directory_path() / "galley-font-release-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "NotoSerif-Italic.ttf").string();
  std::filesystem::copy_file(font_path("NotoSerif-Italic.ttf"), path,
                             std::filesystem::copy_options::overwrite_existing);
  hb_blob_t* file = text::font_file(path);  // the mapping shaping and the PDF read
  REQUIRE(file != nullptr);
  unsigned size = 0;
  const char* bytes = hb_blob_get_data(file, &size);
  unsigned sum = 0;
  for (unsigned at = 0; at < size; at += 4096) sum += static_cast<unsigned char>(bytes[at]);
  CHECK(sum > 0);
  const long before = resident_pages(file);
  if (before < 0) {
    MESSAGE("no /proc/self/pagemap here: not checked");
  } else {
    CHECK(before > 100);  // read whole, as shaping and checks read parts of it

    auto list = letter_page();
    list.fonts.push_back(layout::FontRef{path, 0, "Noto Serif Italic", false, true, {}});
    list.pages[0].items.push_back(shape("Released once embedded", "NotoSerif-Italic.ttf", 12, 0, 72, 100));
    Diagnostics d;
    auto pdf_bytes = pdf::write_pdf(list, d);
    REQUIRE(pdf_bytes);
    CHECK(resident_pages(file) == 0);
    CHECK(squash(run("pdftotext -enc UTF-8 " + save("released.pdf", *pdf_bytes) + " -")) ==
          "Released once embedded");
  }
  hb_blob_destroy(file);
  std::filesystem::remove_all(dir);
}

TEST_CASE("non-breaking spaces survive extraction") {
  auto list = with_fonts();
  list.pages[0].items.push_back(shape("Mayo Clinic, Jacksonville,\xC2\xA0" "Florida", "NotoSerif-Regular.ttf", 12, 0, 72, 100));
  auto path = write_or_fail(list, "nbsp.pdf");
  const std::string text = squash(run("pdftotext -enc UTF-8 " + path + " -"));
  CHECK((text == "Mayo Clinic, Jacksonville,\xC2\xA0" "Florida" || text == "Mayo Clinic, Jacksonville, Florida"));
}

TEST_CASE("a brochure with four faces stays small") {
  auto list = letter_page();
  const char* faces[] = {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                         "NotoSans-Bold.ttf"};
  const std::string text =
      "The five-year Interventional Radiology Integrated Residency at Mayo Clinic in "
      "Jacksonville, Florida: ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 (),.;:!?-'\"";
  for (int i = 0; i < 4; ++i) {
    list.fonts.push_back(layout::FontRef{font_path(faces[i]), 0, faces[i], false, false, {}});
    for (int line = 0; line < 40; ++line)
      list.pages[0].items.push_back(shape(text, faces[i], 9, i, 36, 36 + line * 18.0 + i * 4));
  }
  list.pages.push_back(list.pages[0]);
  list.intent.standard = "PDF/X-4";
  list.meta.title = "Size";
  list.meta.date = "2026-11-01";
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  CHECK(bytes->size() < 300 * 1024);
  MESSAGE("four-face PDF/X-4 brochure: " << bytes->size() << " bytes");
}

TEST_CASE("letter-spaced text extracts without invented spaces") {
  // The brochure's kicker: bold sans capitals, 0.12em tracking, kerned
  // (AT, AY), so the gaps between letters differ.
  const std::string kicker = "GRADUATE MEDICAL EDUCATION IN RADIOLOGY AT MAYO CLINIC";
  auto list = letter_page();
  list.fonts.push_back(layout::FontRef{font_path("NotoSans-Bold.ttf"), 0, "Noto Sans", true, false, {}});
  auto caps = shape(kicker, "NotoSans-Bold.ttf", 9, 0, 72, 100);
  for (size_t i = 0; i < caps.glyphs.size(); ++i) caps.glyphs[i].x += 1.08 * i;
  list.pages[0].items.push_back(caps);
  auto path = write_or_fail(list, "tracking.pdf");
  CHECK(squash(run("pdftotext -enc UTF-8 " + path + " -")) == kicker);
  CHECK(squash(run("pdftotext -raw -enc UTF-8 " + path + " -")) == kicker);
  CHECK(squash(run("pdftotext -layout -enc UTF-8 " + path + " -")).find(kicker) != std::string::npos);
  auto pdf = open(*pdf::write_pdf(list, *std::make_unique<Diagnostics>()));
  const std::string content = page_content(*pdf, 0);
  CHECK(content.find("1.08 Tc") != std::string::npos);
  // A span per word, the spaces between them left to the space glyphs.
  CHECK(content.find("/Span << /ActualText (GRADUATE) >> BDC") != std::string::npos);
  CHECK(content.find("/Span << /ActualText (CLINIC) >> BDC") != std::string::npos);
  CHECK(content.find("ActualText (GRADUATE ") == std::string::npos);
}
