#include "detail/preflight.h"
#include "detail/safe_zone.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace galley;
using namespace galley::layout;

namespace {

const std::string kFont = std::string(GALLEY_SOURCE_DIR) + "/fonts/NotoSans-Regular.ttf";

Color cmyk(double c, double m, double y, double k) {
  Color col;
  col.space = Color::Space::Cmyk;
  col.v = {c, m, y, k};
  return col;
}

Color rgb(double r, double g, double b, SourceLoc loc = {}) {
  Color col;
  col.space = Color::Space::Rgb;
  col.v = {r, g, b, 0};
  col.loc = loc;
  return col;
}

// One US Letter page with 9pt bleed, PDF/X-4, no items yet.
DisplayList letter(bool pdfx = true, const std::string& font = kFont) {
  DisplayList list;
  list.fonts.push_back({font, 0, "Noto Sans", false, false, {}});
  Page page;
  page.trim = {0, 0, 612, 792};
  page.bleed = {-9, -9, 630, 810};
  page.media = {-45, -45, 702, 882};
  list.pages.push_back(page);
  if (pdfx) list.intent.standard = "PDF/X-4";
  return list;
}

// "Program history" set at 10pt with 6pt advances, baseline at (x, y).
GlyphRun text_at(double x, double y, SourceLoc loc = {"content/x.yaml", 12, 3}) {
  GlyphRun run;
  run.size = 10;
  run.color = cmyk(0, 0, 0, 1);
  run.x = x;
  run.y = y;
  const std::string text = "Program history";
  for (size_t i = 0; i < text.size(); ++i) {
    run.glyphs.push_back({40 + static_cast<uint32_t>(i), 6.0f * static_cast<float>(i), 0, 6});
    run.add_cluster(static_cast<uint32_t>(i), 1, text.substr(i, 1));
  }
  run.loc = loc;
  return run;
}

Image image(int px_w, int px_h, double x, double y, double w, double h,
            SourceLoc loc = {"content/x.yaml", 40, 5}) {
  Image im;
  im.path = "content/images/campus.png";
  im.pixel_width = px_w;
  im.pixel_height = px_h;
  im.x = im.clip_x = x;
  im.y = im.clip_y = y;
  im.w = im.clip_w = w;
  im.h = im.clip_h = h;
  im.loc = loc;
  return im;
}

// A run of one-glyph clusters at (72, y); a cluster's glyph is .notdef
// (gid 0) when its text is in `missing`.
GlyphRun run_of(const std::vector<std::string>& clusters, const std::vector<std::string>& missing, double y,
                SourceLoc loc) {
  GlyphRun run;
  run.size = 10;
  run.color = cmyk(0, 0, 0, 1);
  run.x = 72;
  run.y = y;
  for (const std::string& c : clusters) {
    const bool notdef = std::find(missing.begin(), missing.end(), c) != missing.end();
    run.glyphs.push_back({notdef ? 0u : 40u + static_cast<uint32_t>(run.glyphs.size()), 6.0f * static_cast<float>(run.glyphs.size()), 0, 6});
    run.add_cluster(static_cast<uint32_t>(run.glyphs.size() - 1), 1, c);
  }
  run.loc = loc;
  return run;
}

std::string all_messages(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += format(x) + "\n";
  return s;
}

// A copy of NotoSans with OS/2 fsType set to `fs_type`, in a temp dir.
std::string font_with_fs_type(uint16_t fs_type) {
  std::ifstream in(kFont, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(bytes.size() > 12);
  const auto u16 = [&](size_t at) { return (uint8_t(bytes[at]) << 8) | uint8_t(bytes[at + 1]); };
  const auto u32 = [&](size_t at) { return (uint32_t(u16(at)) << 16) | uint32_t(u16(at + 2)); };
  const int tables = u16(4);
  size_t os2 = 0;
  for (int i = 0; i < tables; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    if (bytes.compare(rec, 4, "OS/2") == 0) os2 = u32(rec + 8);
  }
  REQUIRE(os2 != 0);
  bytes[os2 + 8] = static_cast<char>(fs_type >> 8);
  bytes[os2 + 9] = static_cast<char>(fs_type & 0xFF);
  const fs::path dir = fs::temp_directory_path() / "galley-print-test";
  fs::create_directories(dir);
  const fs::path out = dir / ("NotoSans-fstype-" + std::to_string(fs_type) + ".ttf");
  std::ofstream(out, std::ios::binary) << bytes;
  return out.string();
}

}  // namespace

TEST_CASE("a clean display list gives no diagnostics") {
  DisplayList list = letter();
  list.pages[0].items.push_back(text_at(72, 100));
  list.pages[0].items.push_back(image(900, 600, 72, 200, 216, 144));  // 300 dpi
  Rect bg;
  bg.x = -9, bg.y = -9, bg.w = 630, bg.h = 200;
  bg.fill = cmyk(0.1, 0, 0, 0);
  list.pages[0].items.push_back(bg);
  list.pages[0].items.push_back(image(3000, 3000, -9, 500, 630, 310));  // full bleed
  Diagnostics d;
  print::preflight(list, d);
  CHECK_MESSAGE(d.all().empty(), all_messages(d));
}

TEST_CASE("image resolution: 72 dpi and 200 dpi are found, with page, element and source") {
  DisplayList list = letter();
  list.pages.push_back(list.pages[0]);
  list.pages[1].items.push_back(image(288, 216, 72, 72, 288, 216));  // 4in wide at 288px
  list.pages[1].items.push_back(image(800, 600, 72, 400, 288, 216, {"content/x.yaml", 50, 7}));
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 2);
  CHECK(format(d.all()[0]) ==
        "content/x.yaml:40:5: warning: page 2: image 'campus.png' is 72 dpi (under 150 dpi: it will print "
        "visibly pixelated)");
  CHECK(format(d.all()[1]) == "content/x.yaml:50:7: warning: page 2: image 'campus.png' is 200 dpi (under 300 dpi)");
  CHECK_FALSE(d.has_errors());
  d.promote_warnings();  // --strict
  CHECK(d.error_count() == 2);
}

TEST_CASE("a cover-cropped image counts its placed scale, not the crop") {
  DisplayList list = letter();
  Image im = image(1200, 1200, 72, 72, 576, 576);  // 150 dpi over 8in
  im.clip_x = 144;
  im.clip_w = 288;  // only 4in of it shows
  list.pages[0].items.push_back(im);
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message.find("150 dpi (under 300 dpi)") != std::string::npos);
}

TEST_CASE("RGB in a PDF/X job is an error, once per place the colour is written") {
  DisplayList list = letter();
  Rect r;
  r.x = 72, r.y = 72, r.w = 100, r.h = 100;
  r.fill = rgb(1, 0, 0, {"layouts/l.yaml", 9, 12});
  r.loc = {"layouts/l.yaml", 30, 5};
  list.pages[0].items.push_back(r);
  list.pages[0].items.push_back(r);
  GlyphRun run = text_at(72, 300);
  run.color = rgb(0, 0, 1);
  list.pages[0].items.push_back(run);
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 2);
  CHECK(format(d.all()[0]) ==
        "layouts/l.yaml:30:5: error: page 1: box fill is RGB (1 0 0) in a PDF/X job; give it as CMYK where the "
        "colour is written, layouts/l.yaml:9 (and 1 more uses)");
  CHECK(d.all()[1].message.find("text 'Program history' is RGB (0 0 1)") != std::string::npos);

  DisplayList office = list;
  office.intent.standard.clear();
  Diagnostics none;
  print::preflight(office, none);
  CHECK(none.all().empty());
}

TEST_CASE("an RGB image in a PDF/X job is a warning") {
  const fs::path dir = fs::temp_directory_path() / "galley-print-test";
  fs::create_directories(dir);
  const std::string png = (dir / "red.png").string();
  REQUIRE(std::system(("convert -size 30x30 xc:red PNG24:" + png).c_str()) == 0);
  DisplayList list = letter();
  Image im = image(3000, 3000, 72, 72, 72, 72);
  im.path = png;
  list.pages[0].items.push_back(im);
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].severity == Severity::Warning);
  CHECK(d.all()[0].message.find("image 'red.png' is RGB in a PDF/X job") != std::string::npos);
}

TEST_CASE("safe zone: text 2pt from the trim is found, text well inside is not") {
  DisplayList list = letter();
  list.pages[0].items.push_back(text_at(2, 400));
  list.pages[0].items.push_back(text_at(300, 400));
  list.pages[0].items.push_back(text_at(300, 790));  // descenders past the trim
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 2);
  CHECK(format(d.all()[0]) ==
        "content/x.yaml:12:3: warning: page 1: text 'Program history' is 2pt from the trim edge (inside the "
        "0.125in safe zone)");
  CHECK(d.all()[1].message.find("past the trim edge and will be cut off") != std::string::npos);
}

TEST_CASE("safe zone: trailing spaces do not count, images reaching into the bleed are intentional") {
  DisplayList list = letter();
  GlyphRun run = text_at(500, 400);  // ink ends at 500 + 90 = 590, 22pt from the edge
  for (int i = 0; i < 5; ++i) {
    run.glyphs.push_back({3, 90.0f + 6.0f * static_cast<float>(i), 0, 6});
    run.add_cluster(static_cast<uint32_t>(run.glyphs.size() - 1), 1, " ");
  }
  list.pages[0].items.push_back(run);
  list.pages[0].items.push_back(image(3000, 3000, -9, 100, 200, 200));  // into the bleed
  list.pages[0].items.push_back(image(3000, 3000, 4, 400, 200, 200, {"content/x.yaml", 60, 1}));
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 1);
  CHECK(format(d.all()[0]) ==
        "content/x.yaml:60:1: warning: page 1: image 'campus.png' is 4pt from the trim edge (inside the 0.125in "
        "safe zone)");
}

TEST_CASE("safe zone: clusters of wide and zero-width spaces do not count; a letter among them does") {
  // No-break, thin, narrow no-break and zero-width spaces, alone and mixed
  // with ASCII white space, trail the text into the safe zone.
  const std::vector<std::string> blanks = {"\u00a0", "\u2009", "\u202f", "\u200b", "\t\u00a0 ", "\u00a0\u2009"};
  for (const bool letter_among : {false, true}) {
    DisplayList list = letter();
    GlyphRun run = text_at(500, 400);  // ink ends at 590, 22pt from the edge
    std::vector<std::string> trailing = blanks;
    if (letter_among) trailing.push_back("\u00a0x");
    for (const std::string& t : trailing) {
      run.glyphs.push_back({3, 6.0f * static_cast<float>(run.glyphs.size()), 0, 6});
      run.add_cluster(static_cast<uint32_t>(run.glyphs.size() - 1), 1, t);
    }
    list.pages[0].items.push_back(run);
    Diagnostics d;
    print::preflight(list, d);
    INFO(all_messages(d));
    CHECK(d.all().size() == (letter_among ? 1u : 0u));
  }
}

TEST_CASE("fonts whose licence forbids embedding are errors") {
  for (uint16_t fs_type : {uint16_t{0x0002}, uint16_t{0x0200}}) {
    DisplayList list = letter(true, font_with_fs_type(fs_type));
    list.pages[0].items.push_back(text_at(72, 100));
    list.pages[0].items.push_back(text_at(72, 200));
    Diagnostics d;
    print::preflight(list, d);
    REQUIRE(d.all().size() == 1);  // once per font, at its first use
    CHECK(d.has_errors());
    CHECK(d.all()[0].message.find("page 1: font 'Noto Sans'") != std::string::npos);
    CHECK(d.all()[0].message.find("fsType") != std::string::npos);
  }
  for (uint16_t fs_type : {uint16_t{0x0000}, uint16_t{0x0004}, uint16_t{0x0008}, uint16_t{0x0006}}) {
    DisplayList list = letter(true, font_with_fs_type(fs_type));
    list.pages[0].items.push_back(text_at(72, 100));
    Diagnostics d;
    print::preflight(list, d);
    CHECK_MESSAGE(d.all().empty(), all_messages(d));
  }
}

TEST_CASE("an unreadable font is an error") {
  DisplayList broken = letter(true, "/nonexistent/font.ttf");
  broken.pages[0].items.push_back(text_at(72, 100));
  Diagnostics e;
  print::preflight(broken, e);
  CHECK(e.has_errors());
}

TEST_CASE("missing glyphs: page, element and source, once per element and page") {
  const SourceLoc para{"content/x.yaml", 30, 7}, footer{"layouts/l.yaml", 9, 21};
  DisplayList list = letter();
  list.pages.push_back(list.pages[0]);
  // A paragraph's two lines on page 1 and its last on page 2, a footer on page 1.
  list.pages[0].items.push_back(run_of({"O", "n", " ", "中"}, {"中"}, 100, para));
  list.pages[0].items.push_back(run_of({"中", "\u2603", "!"}, {"中", "\u2603"}, 114, para));
  list.pages[0].items.push_back(run_of({"p", ".", " ", "\u2603"}, {"\u2603"}, 700, footer));
  list.pages[1].items.push_back(run_of({"e\u0301", "中"}, {"e\u0301"}, 100, para));
  list.pages[1].items.push_back(run_of({"ok"}, {}, 114, para));
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 3);
  CHECK(format(d.all()[0]) ==
        "content/x.yaml:30:7: warning: page 1: text 'On 中' has no glyph for U+4E2D '中' and U+2603 '\u2603' in "
        "Noto Sans or any fallback font; it prints as a box (.notdef)");
  CHECK(format(d.all()[1]) ==
        "layouts/l.yaml:9:21: warning: page 1: text 'p. \u2603' has no glyph for U+2603 '\u2603' in Noto Sans or any "
        "fallback font; it prints as a box (.notdef)");
  CHECK(format(d.all()[2]) ==
        "content/x.yaml:30:7: warning: page 2: text 'e\u0301中' has no glyph for U+0065 U+0301 'e\u0301' in Noto Sans "
        "or any fallback font; it prints as a box (.notdef)");
  d.promote_warnings();  // --strict
  CHECK(d.error_count() == 3);
}

TEST_CASE("missing glyphs: ten characters are listed, the rest counted") {
  const std::vector<std::string> han{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万"};
  DisplayList list = letter();
  list.pages[0].items.push_back(run_of(han, han, 100, {"content/x.yaml", 3, 5}));
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].message.find("U+4E5D '九', U+5341 '十' and 3 more in Noto Sans") != std::string::npos);
}

TEST_CASE("safe zone: a QR code is held to it, quiet zone included; plain boxes are not") {
  // A 72pt QR code: a white quiet-zone box and two dark modules, as layout draws it.
  const auto qr = [](double x, double y, SourceLoc loc) {
    std::vector<Item> items;
    items.push_back(Figure{"QR code: https://example.org/apply", 3, loc});
    Rect quiet;
    quiet.x = x, quiet.y = y, quiet.w = quiet.h = 72;
    quiet.fill = cmyk(0, 0, 0, 0);
    items.push_back(quiet);
    for (double at : {8.0, 56.0}) {
      Rect module;
      module.x = x + at, module.y = y + at, module.w = module.h = 8;
      module.fill = cmyk(0, 0, 0, 1);
      items.push_back(module);
    }
    return items;
  };
  DisplayList list = letter();
  auto& items = list.pages[0].items;
  for (const Item& it : qr(300, 400, {"content/x.yaml", 80, 7})) items.push_back(it);
  // The quiet zone ends 4pt from the right edge; the modules stay 12pt away.
  for (const Item& it : qr(536, 100, {"content/x.yaml", 90, 7})) items.push_back(it);
  Rect box;  // a callout-like box 2pt from the left edge: decoration, not checked
  box.x = 2, box.y = 600, box.w = 200, box.h = 50;
  box.fill = cmyk(0.1, 0, 0, 0);
  items.push_back(box);
  Diagnostics d;
  print::preflight(list, d);
  REQUIRE(d.all().size() == 1);
  CHECK(format(d.all()[0]) ==
        "content/x.yaml:90:7: warning: page 1: figure 'QR code: https://example.org/a…' is 4pt from the trim edge "
        "(inside the 0.125in safe zone)");
}

namespace {

// run_bounds() as it was before its mask moved off the heap: the
// reference the rewrite is held to.
std::optional<print::detail::Bounds> reference_run_bounds(const GlyphRun& run, const print::FontFacts& font) {
  const auto blank_text = [](std::string view) {
    for (const char* wide : {"\u00a0", "\u2009", "\u202f", "\u200b"})
      for (auto at = view.find(wide); at != std::string::npos; at = view.find(wide)) view.erase(at, std::strlen(wide));
    return view.find_first_not_of(" \t\n\r") == std::string::npos;
  };
  std::vector<bool> space(run.glyphs.size(), false);
  for (const auto& c : run.clusters) {
    if (!blank_text(std::string(run.text_of(c)))) continue;
    for (uint32_t g = c.glyph_begin; g < c.glyph_begin + c.glyph_count && g < space.size(); ++g) space[g] = true;
  }
  std::optional<print::detail::Bounds> b;
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    if (space[i]) continue;
    const auto& g = run.glyphs[i];
    const double x0 = run.x + g.x, x1 = x0 + std::max(static_cast<double>(g.advance), 0.0);
    const double y0 = run.y + g.y - font.ascender * run.size, y1 = run.y + g.y + font.descender * run.size;
    if (!b) {
      b = print::detail::Bounds{x0, y0, x1, y1};
      continue;
    }
    b->x0 = std::min(b->x0, x0), b->y0 = std::min(b->y0, y0);
    b->x1 = std::max(b->x1, x1), b->y1 = std::max(b->y1, y1);
  }
  return b;
}

}  // namespace

TEST_CASE("safe zone: a run's ink bounds are the reference's over random runs") {
  uint64_t seed = 88172645463325252ull;
  const auto next = [&seed] {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    return seed;
  };
  const char* pieces[] = {"a", "W", " ", "\t", "\u00a0", "\u2009", "\u200b", "x\u00a0", "", "\u00e9", "  "};
  print::FontFacts font;
  font.ascender = 0.9;
  font.descender = 0.25;
  size_t empty = 0, found = 0;
  for (int n = 0; n < 20000; ++n) {
    GlyphRun run;
    run.size = 4 + static_cast<double>(next() % 300) / 10;
    run.x = static_cast<double>(next() % 6000) / 10 - 30;
    run.y = static_cast<double>(next() % 8000) / 10 - 30;
    const size_t glyphs = next() % 12;
    for (size_t i = 0; i < glyphs; ++i)
      run.glyphs.push_back({static_cast<uint32_t>(next() % 50), static_cast<float>(next() % 4000) / 10 - 20,
                            static_cast<float>(next() % 60) / 10 - 3, static_cast<float>(next() % 300) / 10 - 5});
    // Clusters as they come and as they should not: several glyphs, none,
    // overlapping, and past the run's end.
    const size_t clusters = next() % 10;
    for (size_t c = 0; c < clusters; ++c)
      run.add_cluster(static_cast<uint32_t>(next() % 14), static_cast<uint32_t>(next() % 4),
                      pieces[next() % std::size(pieces)]);
    const auto want = reference_run_bounds(run, font);
    const auto got = print::detail::run_bounds(run, font);
    REQUIRE(want.has_value() == got.has_value());
    if (!want) {
      ++empty;
      continue;
    }
    ++found;
    CHECK(got->x0 == want->x0);
    CHECK(got->y0 == want->y0);
    CHECK(got->x1 == want->x1);
    CHECK(got->y1 == want->y1);
  }
  CHECK(empty > 1000);
  CHECK(found > 10000);
}
