#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include <unistd.h>

#include "detail/content.h"
#include "detail/font_objects.h"
#include "detail/font_program.h"
#include "detail/metadata.h"
#include "detail/navigation.h"
#include "detail/text_ops.h"
#include "detail/tounicode.h"
#include "detail/unicode.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::pdf;

TEST_CASE("numbers print stably") {
  CHECK(num(1) == "1");
  CHECK(num(0.5) == "0.5");
  CHECK(num(-0.00001) == "0");
  CHECK(num(12.345678) == "12.3457");
  CHECK(num(1.0 / 0.0) == "0");
  // Rounded as the exact binary value is, like printf's %.4f: true ties go
  // to even, values written as ties are usually just above or below one.
  CHECK(num(0.03125) == "0.0312");
  CHECK(num(0.09375) == "0.0938");
  CHECK(num(-0.03125) == "-0.0312");
  CHECK(num(0.00005) == "0.0001");
  CHECK(num(612.00005) == "612");
  CHECK(num(-0.00004) == "0");
  CHECK(num(-3.25) == "-3.25");
  CHECK(num(2e7) == "10000000");
  std::string appended = "x ";
  append_num(appended, 0.5);
  CHECK(appended == "x 0.5");
}

TEST_CASE("numbers are printf's %.4f without trailing zeros") {
  // Spread over the magnitudes a page writes, and the clamp's edge.
  uint64_t state = 0x9E3779B97F4A7C15ull;
  const auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  for (int i = 0; i < 200000; ++i) {
    const double magnitude = std::pow(10.0, static_cast<double>(next() % 12) - 4);
    double v = static_cast<double>(next() % 2000001) / 1000000.0 * magnitude - magnitude;
    if (i % 7 == 0) v = std::round(v * 10000) / 10000;  // exact multiples of the last digit
    if (i % 11 == 0) v = (std::floor(v * 10000) + 0.5) / 10000;  // near a tie
    const double clamped = std::clamp(v, -1e7, 1e7);
    char want[64];
    std::snprintf(want, sizeof want, "%.4f", clamped);
    std::string w = want;
    while (w.back() == '0') w.pop_back();
    if (w.back() == '.') w.pop_back();
    if (w == "-0") w = "0";
    INFO(v);
    REQUIRE(num(v) == w);
  }
}

TEST_CASE("hundredths print as write_num prints the value they stand for") {
  const auto both = [](long long h) {
    char a[kNumChars], b[kNumChars];
    const std::string got(a, write_hundredths(a, h));
    const std::string want(b, write_num(b, static_cast<double>(h) / 100.0));
    INFO(h);
    REQUIRE(got == want);
  };
  for (long long h = -100000; h <= 100000; ++h) both(h);
  for (long long h : {999999999ll, -999999999ll, 1000000000ll, -1000000000ll, 123456789ll, -100000000ll})
    both(h);
  uint64_t state = 0x2545F4914F6CDD1Dull;
  for (int i = 0; i < 200000; ++i) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    const long long h = static_cast<long long>(state % 2000000001ull) - 1000000000ll;
    both(h);
  }
  char buf[kNumChars];
  CHECK(std::string(buf, write_hundredths(buf, -150)) == "-1.5");
  CHECK(std::string(buf, write_hundredths(buf, -5)) == "-0.05");
  CHECK(std::string(buf, write_hundredths(buf, 0)) == "0");
}

TEST_CASE("TJ adjustments are written to hundredths, either sign") {
  const auto ops_for = [](double second_x) {
    layout::GlyphRun run;
    run.size = 8;  // the first glyph's 500/1000 em is 4pt; a hundredth of 1/1000 em 0.00008pt
    run.glyphs = {{1, 0, 0, 4}, {2, static_cast<float>(second_x), 0, 4}};
    for (const char* text : {"a", "b"}) run.add_cluster(static_cast<uint32_t>(run.clusters.size()), 1, text);
    GlyphTextMap map;
    map.learn(run);
    RunFont font{"F1", [](uint32_t) { return 500; }, &map};
    std::string ops;
    append_glyph_run_ops(ops, run, Coords{0, 100}, font, "");
    return ops;
  };
  CHECK(ops_for(4.0001).find("[<0001> -0.01 <0002>] TJ") != std::string::npos);
  CHECK(ops_for(3.9999).find("[<0001> 0.01 <0002>] TJ") != std::string::npos);
  CHECK(ops_for(4.00018).find("[<0001> -0.02 <0002>] TJ") != std::string::npos);
  CHECK(ops_for(3.6).find("[<0001> 50 <0002>] TJ") != std::string::npos);
  CHECK(ops_for(4.8).find("[<0001> -100 <0002>] TJ") != std::string::npos);
  CHECK(ops_for(4.000001).find("[<00010002>] TJ") != std::string::npos);
}

TEST_CASE("colours are written in their own space") {
  model::Color c;
  c.space = model::Color::Space::Cmyk;
  c.v = {1, 0.5, 0, 0.25};
  CHECK(color_op(c, false) == "1 0.5 0 0.25 k\n");
  CHECK(color_op(c, true) == "1 0.5 0 0.25 K\n");
  c.space = model::Color::Space::Rgb;
  CHECK(color_op(c, false) == "1 0.5 0 rg\n");
  CHECK(color_op(model::Color::gray(0.3), true) == "0.3 G\n");
  c.space = model::Color::Space::Spot;
  c.tint = 0.4;
  CHECK(color_op(c, false, "CS2") == "/CS2 cs 0.4 scn\n");
  c.space = model::Color::Space::Gray;
  c.v[0] = 7;  // out of range values are clamped, not written
  CHECK(color_op(c, false) == "1 g\n");
}

TEST_CASE("rectangles flip to PDF space; rounded ones use curves") {
  const Coords at{-10, 110};  // media x -10, bottom edge at y 110
  CHECK(rect_path(at, 0, 0, 50, 20, 0) == "10 90 50 20 re\n");
  const std::string rounded = rect_path(at, 0, 0, 50, 20, 5);
  CHECK(rounded.find(" c\n") != std::string::npos);
  CHECK(rounded.rfind("h\n") == rounded.size() - 2);
}

TEST_CASE("ToUnicode: bfchar for ligatures, bfrange for consecutive glyphs") {
  std::map<uint32_t, std::string> m = {{36, "A"}, {37, "B"}, {38, "C"}, {500, "fi"}, {501, "\xC3\xA9"}};
  const std::string cmap = tounicode_cmap(m);
  CHECK(cmap.find("<0024> <0026> <0041>") != std::string::npos);
  CHECK(cmap.find("<01F4> <00660069>") != std::string::npos);
  CHECK(cmap.find("<01F5> <00E9>") != std::string::npos);
  CHECK(cmap.find("begincodespacerange\n<0000> <FFFF>") != std::string::npos);
}

TEST_CASE("clusters that do not round-trip get ActualText spans") {
  layout::GlyphRun run;
  run.size = 10;
  run.glyphs = {{10, 0, 0, 5}, {11, 5, 0, 5}, {12, 10, 0, 5}};
  run.add_cluster(0, 1, "a");
  run.add_cluster(1, 2, "xyz");  // two glyphs for three letters
  GlyphTextMap map;
  map.learn(run);
  CHECK(map.round_trips(run, run.clusters[0]));
  CHECK_FALSE(map.round_trips(run, run.clusters[1]));
  RunFont font{"F1", [](uint32_t) { return 500; }, &map};
  std::string ops;
  append_glyph_run_ops(ops, run, Coords{0, 100}, font, "0 g\n");
  CHECK(ops.find("/Span << /ActualText (xyz) >> BDC\n[<000B000C>] TJ\nEMC") != std::string::npos);
  CHECK(ops.find("[<000A>] TJ") != std::string::npos);
}

TEST_CASE("glyph texts: first use wins; clusters round-trip through several glyphs and large ids") {
  layout::GlyphRun run;
  run.size = 10;
  run.glyphs = {{70000, 0, 0, 5}, {7, 5, 0, 5}, {8, 10, 0, 5}, {7, 15, 0, 5}};
  for (uint32_t i = 0; i < 4; ++i) run.add_cluster(i, 1, std::string(1, "xfiF"[i]));
  GlyphTextMap map;
  map.learn(run);
  CHECK(map.entries().at(7) == "f");  // not "F": learnt first
  CHECK(map.entries().at(70000) == "x");
  CHECK(map.round_trips(run, run.clusters[0]));
  CHECK_FALSE(map.round_trips(run, run.clusters[3]));
  for (const auto& [text, trips] : {std::pair{"fi", true}, std::pair{"f", false}, std::pair{"fix", false}}) {
    run.add_cluster(1, 2, text);
    CHECK(map.round_trips(run, run.clusters.back()) == trips);
  }
}

TEST_CASE("a one-glyph cluster round-trips only through its own glyph's learnt text") {
  layout::GlyphRun run;
  run.size = 10;
  run.glyphs = {{20, 0, 0, 5}, {9, 5, 0, 5}, {60000, 10, 0, 5}, {20, 15, 0, 5}};
  run.add_cluster(0, 1, "q");
  GlyphTextMap map;
  map.learn(run);
  run.add_cluster(1, 1, "r");      // a gid below the learnt one, never learnt
  run.add_cluster(2, 1, "s");      // a gid past every learnt one
  run.add_cluster(3, 1, "qq");     // the learnt glyph, a longer text
  run.add_cluster(4, 1, "q");      // past the run's glyphs
  CHECK(map.round_trips(run, run.clusters[0]));
  for (size_t c = 1; c < run.clusters.size(); ++c) CHECK_FALSE(map.round_trips(run, run.clusters[c]));
  run.rtl = true;  // right to left: compared in visual order, the same for one letter
  CHECK(map.round_trips(run, run.clusters[0]));
}

TEST_CASE("TJ adjustments follow the glyph positions against /W widths") {
  layout::GlyphRun run;
  run.size = 10;
  // Width 500/1000 em at 10pt = 5pt; the second glyph sits 1pt further (kern -100).
  run.glyphs = {{1, 0, 0, 6}, {2, 6, 0, 5}, {3, 11, -2, 5}};
  for (const char* text : {"a", "b", "c"}) run.add_cluster(static_cast<uint32_t>(run.clusters.size()), 1, text);
  GlyphTextMap map;
  map.learn(run);
  RunFont font{"F1", [](uint32_t) { return 500; }, &map};
  std::string ops;
  append_glyph_run_ops(ops, run, Coords{0, 100}, font, "");
  CHECK(ops.find("[<0001> -100 <0002>] TJ\n2 Ts\n[<0003>] TJ") != std::string::npos);
}

TEST_CASE("font program: widths are the rounded advances; subsets keep glyph ids") {
  Diagnostics d;
  auto font = FontProgram::load(testpdf::font_path("NotoSerif-Regular.ttf"), 0, d, {});
  REQUIRE(font);
  CHECK(font->metrics().postscript_name == "NotoSerif-Regular");
  CHECK((font->metrics().flags & 64) == 0);  // not italic
  CHECK(font->metrics().cap_height > 600);
  auto run = testpdf::shape("A", "NotoSerif-Regular.ttf", 10, 0, 0, 0);
  const uint32_t gid = run.glyphs[0].gid;
  CHECK(font->width(gid) == doctest::Approx(run.glyphs[0].advance * 100).epsilon(0.01));
  auto subset = font->subset({gid});
  REQUIRE(subset);
  CHECK(subset->size() < 20000);
  auto w = DocumentFonts::widths(*font, {gid, gid + 1, 900});
  REQUIRE(w.items.size() == 4);
  CHECK(std::get<int64_t>(w.items[0].v) == gid);
  CHECK(std::get<Array>(w.items[1].v).items.size() == 2);
  CHECK(subset_tag("NotoSerif", {1, 2}) == subset_tag("NotoSerif", {1, 2}));
  CHECK(subset_tag("NotoSerif", {1, 2}) != subset_tag("NotoSerif", {1, 3}));
  auto italic = FontProgram::load(testpdf::font_path("NotoSerif-Italic.ttf"), 0, d, {});
  REQUIRE(italic);
  CHECK((italic->metrics().flags & 64) == 64);
  CHECK(italic->metrics().italic_angle < 0);
  Diagnostics bad;
  CHECK_FALSE(FontProgram::load("/nonexistent.ttf", 0, bad, {}));
  CHECK(bad.has_errors());
}

namespace {

// A copy of fonts/<face> in the temporary folder: a face no other test has
// subset, since faces are kept by file identity.
std::string fresh_font_copy(const char* face) {
  std::string copy = (std::filesystem::temp_directory_path() / "galley-subset-XXXXXX").string();
  const int fd = mkstemp(copy.data());
  REQUIRE(fd >= 0);
  ::close(fd);
  std::filesystem::copy_file(testpdf::font_path(face), copy, std::filesystem::copy_options::overwrite_existing);
  return copy;
}

std::set<uint32_t> shaped_glyphs(const char* text, const char* face) {
  std::set<uint32_t> gids;
  for (const auto& g : testpdf::shape(text, face, 10, 0, 0, 0).glyphs) gids.insert(g.gid);
  return gids;
}

}  // namespace

// From its second glyph set on, a face is subset from hb-subset's
// preprocessed copy of it without the tables subsets drop (a batch's rows),
// and a thread asking while another preprocesses subsets from the face as
// it is: the bytes must be the plain subset's in every case. Devanagari and
// Arabic have the largest GSUB and GPOS of the faces.
TEST_CASE("font program: subsets from the preprocessed face, and during preprocessing, are the plain subset's bytes") {
  struct Case {
    const char* face;
    const char* a;
    const char* b;
  };
  for (const Case& c : {Case{"NotoSans-Italic.ttf", "Quiet wharf 0123", "Jumpy fox 4567"},
                        Case{"NotoSansDevanagari-Regular.ttf", "क्षत्रिय", "नमस्ते दुनिया"},
                        Case{"NotoSansArabic-Bold.ttf", "مرحبا", "السلام عليكم"}}) {
    CAPTURE(c.face);
    const std::string one = fresh_font_copy(c.face), two = fresh_font_copy(c.face);
    Diagnostics d;
    auto font = FontProgram::load(one, 0, d, {});
    auto other = FontProgram::load(two, 0, d, {});
    REQUIRE(font);
    REQUIRE(other);
    const auto a = shaped_glyphs(c.a, c.face), b = shaped_glyphs(c.b, c.face);
    const auto plain_a = font->subset(a);
    const auto plain_b = other->subset(b);  // the other copy's first subset: plain
    REQUIRE(plain_a);
    REQUIRE(plain_b);
    std::optional<std::string> first_b, second_b;
    {
      std::jthread left([&] { first_b = font->subset(b); });
      std::jthread right([&] { second_b = font->subset(b); });
    }
    const auto again_a = font->subset(a);
    CHECK(first_b == plain_b);
    CHECK(second_b == plain_b);
    CHECK(again_a == plain_a);
    CHECK(*plain_a != *plain_b);
    std::filesystem::remove(one);
    std::filesystem::remove(two);
  }
}

TEST_CASE("document fonts give each drawn glyph its program's /W width, and any other glyph too") {
  layout::DisplayList list = testpdf::letter_page();
  list.fonts.push_back({testpdf::font_path("NotoSerif-Regular.ttf"), 0, "Noto Serif", false, false, {}});
  list.pages[0].items.push_back(testpdf::shape("Wave", "NotoSerif-Regular.ttf", 10, 0, 72, 72));
  Diagnostics d;
  DocumentFonts fonts;
  REQUIRE(fonts.prepare(list, d));
  auto program = FontProgram::load(list.fonts[0].path, 0, d, {});
  REQUIRE(program);
  const RunFont rf = fonts.run_font(0, "F1");
  REQUIRE(rf.width);
  const auto& drawn = std::get<layout::GlyphRun>(list.pages[0].items.back()).glyphs;
  for (const auto& g : drawn) CHECK(rf.width(g.gid) == program->width(g.gid));
  const uint32_t other = testpdf::shape("Q", "NotoSerif-Regular.ttf", 10, 0, 0, 0).glyphs.at(0).gid;
  CHECK(program->width(other) > 0);
  CHECK(rf.width(other) == program->width(other));
  CHECK(rf.width(0x12345) == 0);
}

TEST_CASE("page labels: numeric runs collapse, words become prefixes") {
  Dict d = page_labels({"", "1", "2", "3", "Back"});
  auto& nums = std::get<Array>(d.entries.at(0).second.v).items;
  REQUIRE(nums.size() == 6);
  CHECK(std::get<int64_t>(nums[2].v) == 1);
  CHECK(std::get<int64_t>(nums[4].v) == 4);
  CHECK(page_labels({"", ""}).entries.empty());
}

TEST_CASE("dates: meta.date, then SOURCE_DATE_EPOCH, never the clock") {
  Diagnostics d;
  layout::Metadata meta;
  CHECK_FALSE(document_date(meta, nullptr, d));
  CHECK(document_date(meta, "0", d)->pdf == "D:19700101000000Z");
  meta.date = "2026-11-01T09:30";
  CHECK(document_date(meta, "0", d)->xmp == "2026-11-01T09:30:00Z");
  meta.date = "soon";
  CHECK(document_date(meta, nullptr, d) == std::nullopt);
  CHECK(d.all().size() == 1);
  CHECK(uuid_of(document_id("abc")).size() == 5 + 36);
}

TEST_CASE("UTF-16BE conversion handles astral and malformed input") {
  CHECK(utf16be("A") == std::string("\x00\x41", 2));
  CHECK(utf16be("\xF0\x9F\x98\x80") == std::string("\xD8\x3D\xDE\x00", 4));
  CHECK(utf16be("\xFF") == "\xFF\xFD");
}

TEST_CASE("a run's operators are the same with the fonts' width table as through the width function alone") {
  // Runs of every kind the painter meets: kerned and adjusted, letter-
  // spaced (Tc), raised glyphs, expanded (Tz), adjustments out of the
  // integer range, and glyphs the table has not learnt or lies beyond.
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  const auto next = [&seed] {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    return seed;
  };
  const auto width_of = [](uint32_t gid) { return static_cast<int>((gid * 2654435761u) % 900) + 50; };
  std::vector<int> table(200, -1);
  for (uint32_t gid = 0; gid < table.size(); ++gid)
    if (gid % 7 != 3) table[gid] = width_of(gid);
  size_t adjusted = 0, tracked = 0, compared = 0;
  for (int n = 0; n < 3000; ++n) {
    layout::GlyphRun run;
    run.size = 6 + static_cast<double>(next() % 200) / 10;
    run.hscale = next() % 4 == 0 ? 1 + static_cast<double>(next() % 40) / 1000 : 1;
    run.x = static_cast<double>(next() % 5000) / 10;
    run.y = static_cast<double>(next() % 7000) / 10;
    const size_t count = 1 + next() % 40;
    const bool spaced = next() % 5 == 0;
    double x = 0;
    for (size_t i = 0; i < count; ++i) {
      const uint32_t gid = static_cast<uint32_t>(next() % 260);  // some beyond the table
      const float y = next() % 9 == 0 ? static_cast<float>(next() % 30) / 10 - 1.5f : 0.f;
      run.glyphs.push_back({gid, static_cast<float>(x), y, 0});
      double advance = width_of(gid) * run.size / 1000 * run.hscale;
      if (spaced) advance += 0.8 * run.hscale;
      const uint64_t jitter = next() % 12;
      if (jitter == 0) advance += static_cast<double>(next() % 2000) / 1000 - 1;  // a kern
      if (jitter == 1) advance += 1e-6;                                          // float noise
      if (jitter == 2 && n % 50 == 0) advance += 1e11;                           // beyond 1e9 hundredths
      x += advance;
      run.add_cluster(static_cast<uint32_t>(i), 1, std::string(1, static_cast<char>('a' + gid % 26)));
    }
    GlyphTextMap map;
    map.learn(run);
    RunFont plain{"F1", width_of, &map};
    RunFont tabled = plain;
    tabled.known_widths = &table;
    std::string a, b;
    append_glyph_run_ops(a, run, Coords{0, 792}, plain, "0 g\n");
    append_glyph_run_ops(b, run, Coords{0, 792}, tabled, "0 g\n");
    REQUIRE(a == b);
    ++compared;
    adjusted += a.find("] TJ") != std::string::npos && a.find("> ") != std::string::npos ? 1 : 0;
    tracked += a.find(" Tc\n") != std::string::npos ? 1 : 0;
  }
  CHECK(compared == 3000);
  CHECK(adjusted > 300);  // the comparison covered adjustments and tracking
  CHECK(tracked > 100);
}
