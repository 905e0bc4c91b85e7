#include <doctest/doctest.h>

#include "detail/hpdf_objects.h"
#include "detail/write.h"
#include "read_back.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

std::string make_image(const std::string& name, const std::string& convert_args,
                       const std::string& format = "") {
  const std::string path = save(name, "");
  run("convert " + convert_args + " " + format + path);
  return path;
}

layout::Image placed(const std::string& path, double x, double y, double w, double h) {
  layout::Image img;
  img.path = path;
  img.x = x, img.y = y, img.w = w, img.h = h;
  img.clip_x = x, img.clip_y = y, img.clip_w = w, img.clip_h = h;
  return img;
}

}  // namespace

TEST_CASE("images become XObjects: alpha as SMask, JPEG as DCT, each file once") {
  const std::string png = make_image("alpha.png", "-size 8x8 xc:'rgba(255,0,0,0.5)'");
  const std::string jpg = make_image("photo.jpg", "-size 16x16 gradient:red-blue");
  const std::string cmyk = make_image("cmyk.jpg", "-size 16x16 xc:cyan -colorspace CMYK");
  const std::string deep = make_image("deep.png", "-size 8x8 gradient:white-black -depth 16");
  const std::string palette = make_image("palette.png", "-size 8x8 xc:red -type Palette", "PNG8:");
  auto list = letter_page();
  list.pages[0].items.push_back(placed(png, 72, 72, 100, 100));
  list.pages[0].items.push_back(placed(png, 300, 72, 50, 50));
  auto cover = placed(jpg, 72, 300, 200, 200);
  cover.clip_h = 100;  // fit: cover shows the top half
  list.pages[0].items.push_back(cover);
  list.pages[0].items.push_back(placed(cmyk, 300, 300, 50, 50));
  list.pages[0].items.push_back(placed(deep, 400, 300, 50, 50));
  list.pages[0].items.push_back(placed(palette, 400, 400, 50, 50));
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  for (const auto& diag : d.all()) MESSAGE(format(diag));
  REQUIRE(bytes);
  auto pdf = open(*bytes);
  QPDFObjectHandle page = pdf->getAllPages().at(0);
  auto xobjects = page.getKey("/Resources").getKey("/XObject");
  CHECK(xobjects.getKeys().size() == 5);
  int smask = 0, dct = 0, decode = 0;
  for (const auto& key : xobjects.getKeys()) {
    auto dict = xobjects.getKey(key).getDict();
    smask += dict.hasKey("/SMask");
    dct += dict.getKey("/Filter").unparse().find("DCTDecode") != std::string::npos;
    decode += dict.hasKey("/Decode");
    CHECK(dict.getKey("/BitsPerComponent").getIntValue() == 8);
  }
  CHECK(smask == 1);
  CHECK(dct == 2);
  CHECK(decode == 1);  // Adobe CMYK JPEG is inverted
  const std::string ops = page_content(*pdf, 0);
  CHECK(ops.find("W n") != std::string::npos);
  CHECK(run("qpdf --check " + save("images.pdf", *bytes), true).find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("a malformed image is an error naming the file, not a crash") {
  const std::string bad = save("broken.png", "\x89PNG\r\n\x1a\nthis is not really a png");
  auto list = letter_page();
  auto img = placed(bad, 72, 72, 100, 100);
  img.loc = SourceLoc{"content.yaml", 7, 3};
  list.pages[0].items.push_back(img);
  Diagnostics d;
  CHECK_FALSE(pdf::write_pdf(list, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].message.find(bad) != std::string::npos);
  CHECK(d.all()[0].loc.line == 7);
}

TEST_CASE("links, named destinations, outline and page labels") {
  auto list = letter_page();
  list.pages.push_back(list.pages[0]);
  list.pages[0].label = "";
  list.pages[1].label = "1";
  list.pages[1].destinations.push_back({"program", 100});
  layout::Link uri;
  uri.x = 72, uri.y = 72, uri.w = 100, uri.h = 12;
  uri.uri = "https://college.mayo.edu/";
  layout::Link internal = uri;
  internal.uri.clear();
  internal.dest = "program";
  layout::Link dangling = internal;
  dangling.dest = "nowhere";
  list.pages[0].links = {uri, internal, dangling};
  list.outline = {{"Program", 1, 1, 100}, {"Rotations", 2, 1, 200}, {"Apply", 1, 1, 300}};
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  CHECK(d.all().size() == 1);  // the dangling link
  auto pdf = open(*bytes);
  auto root = pdf->getRoot();
  QPDFObjectHandle page = pdf->getAllPages().at(0);
  auto annots = page.getKey("/Annots");
  REQUIRE(annots.getArrayNItems() == 2);
  CHECK(annots.getArrayItem(0).getKey("/A").getKey("/URI").getUTF8Value() == "https://college.mayo.edu/");
  CHECK(annots.getArrayItem(1).getKey("/Dest").getUTF8Value() == "program");
  auto names = root.getKey("/Names").getKey("/Dests").getKey("/Names");
  CHECK(names.getArrayItem(0).getUTF8Value() == "program");
  auto outlines = root.getKey("/Outlines");
  CHECK(outlines.getKey("/Count").getIntValue() == 2);
  auto first = outlines.getKey("/First");
  CHECK(first.getKey("/Title").getUTF8Value() == "Program");
  CHECK(first.getKey("/First").getKey("/Title").getUTF8Value() == "Rotations");
  CHECK(first.getKey("/Next").getKey("/Title").getUTF8Value() == "Apply");
  auto labels = root.getKey("/PageLabels").getKey("/Nums");
  CHECK(labels.getArrayNItems() == 4);
  const std::string path = save("nav.pdf", *bytes);
  CHECK(run("qpdf --check " + path, true).find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(run("pdfinfo " + path).find("Pages:           2") != std::string::npos);
}

TEST_CASE("bad input is reported, not written") {
  Diagnostics d;
  CHECK_FALSE(pdf::write_pdf(layout::DisplayList{}, d));
  CHECK(d.has_errors());
  auto list = letter_page();
  layout::GlyphRun run;
  run.font = 3;
  run.glyphs = {{1, 0, 0, 5}};
  list.pages[0].items.push_back(run);
  Diagnostics d2;
  CHECK_FALSE(pdf::write_pdf(list, d2));
  CHECK(d2.has_errors());
  auto odd = letter_page();
  odd.intent.standard = "PDF/X-1a";
  Diagnostics d3;
  CHECK_FALSE(pdf::write_pdf(odd, d3));
}

namespace {

// A PdfStream's bytes for `list`, written a page at a time into an output
// (as a long build does), each page's content deflated behind from page
// `behind_from` on (never when past the last page), with a layer under
// page 2 once page 4 is written.
std::string streamed(const layout::DisplayList& list, size_t behind_from, bool id_from_source = false) {
  Diagnostics d;
  pdf::PdfStream out(d);
  if (id_from_source) out.id_from_source_hash();
  std::string bytes;
  const auto to = [&bytes](std::string_view piece) {
    bytes += piece;
    return true;
  };
  REQUIRE(out.write_into(to));
  for (size_t p = 0; p < list.pages.size(); ++p) {
    if (p == behind_from) out.deflate_behind();
    REQUIRE(out.page(list, p, list.pages[p].items));
    if (p == 4) REQUIRE(out.under(list, 2, {testpdf::shape("under", "NotoSans-Regular.ttf", 8, 0, 72, 40)}));
  }
  REQUIRE(out.finish(list, {}, to));
  CHECK(d.error_count() == 0);
  return bytes;
}

}  // namespace

TEST_CASE("pages deflated behind the writer give the same bytes, layers and /ID included") {
  layout::DisplayList list = letter_page();
  list.fonts.push_back({testpdf::font_path("NotoSans-Regular.ttf"), 0, "Noto Sans", false, false, {}});
  const layout::Page blank = list.pages[0];
  list.pages.clear();
  for (int p = 0; p < 9; ++p) {
    list.pages.push_back(blank);
    // Page 6 draws nothing: its content stream stays empty either way.
    if (p == 6) continue;
    for (int line = 0; line <= p; ++line)
      list.pages.back().items.push_back(testpdf::shape("Page " + std::to_string(p + 1) + ", line " +
                                                           std::to_string(line + 1) + ": the quick brown fox",
                                                       "NotoSans-Regular.ttf", 10, 0, 72, 72 + 14 * line));
  }
  for (const bool source_hash : {true, false}) {
    CAPTURE(source_hash);
    if (!source_hash) list.source_hash.clear();  // the /ID then hashes the deflated pages
    const std::string plain = streamed(list, SIZE_MAX);
    CHECK(plain.find("%%EOF") != std::string::npos);
    for (const size_t from : {size_t{0}, size_t{3}, size_t{8}}) {
      CAPTURE(from);
      CHECK(streamed(list, from) == plain);
    }
  }
}

TEST_CASE("a stream whose /ID comes from the source hash writes the same bytes, and needs the hash") {
  layout::DisplayList list = letter_page();
  list.fonts.push_back({testpdf::font_path("NotoSans-Regular.ttf"), 0, "Noto Sans", false, false, {}});
  const layout::Page blank = list.pages[0];
  list.pages.clear();
  for (int p = 0; p < 6; ++p) {
    list.pages.push_back(blank);
    list.pages.back().items.push_back(
        testpdf::shape("Page " + std::to_string(p + 1), "NotoSans-Regular.ttf", 10, 0, 72, 72));
  }
  REQUIRE_FALSE(list.source_hash.empty());
  const std::string plain = streamed(list, SIZE_MAX);
  CHECK(streamed(list, SIZE_MAX, true) == plain);
  CHECK(streamed(list, 3, true) == plain);
  // Promised a source hash, the list has none: no /ID is made up.
  list.source_hash.clear();
  Diagnostics d;
  pdf::PdfStream out(d);
  out.id_from_source_hash();
  for (size_t p = 0; p < list.pages.size(); ++p) REQUIRE(out.page(list, p, list.pages[p].items));
  CHECK_FALSE(out.finish(list, {}));
  CHECK(d.has_errors());
  bool named = false;
  for (const auto& diag : d.all()) named = named || format(diag).find("source hash") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a page's content handed over whole is the content appended") {
  pdf::hpdf::Writer w;
  auto page = w.add_page(pdf::Dict{});
  REQUIRE(page);
  std::string first = "0 g\n";
  REQUIRE(w.append_content(*page, std::move(first)));
  REQUIRE(w.append_content(*page, std::string("1 g\n")));
  const std::string kept = "2 g\n";
  REQUIRE(w.append_content(*page, kept));
  auto ops = w.take_content(*page);
  REQUIRE(ops);
  CHECK(*ops == "0 g\n1 g\n2 g\n");
}

TEST_CASE("a page's content taken to be deflated elsewhere must be given back before it is written") {
  pdf::hpdf::Writer w;
  auto page = w.add_page(pdf::Dict{});
  REQUIRE(page);
  REQUIRE(w.append_content(*page, "0 g\n"));
  auto ops = w.take_content(*page);
  REQUIRE(ops);
  CHECK(*ops == "0 g\n");
  CHECK_FALSE(w.append_content(*page, "1 g\n"));  // finished
  pdf::hpdf::Writer second;
  auto other = second.add_page(pdf::Dict{});
  REQUIRE(other);
  REQUIRE(second.append_content(*other, "0 g\n"));
  REQUIRE(second.take_content(*other));
  CHECK_FALSE(second.send(*other));
  CHECK(second.error().find("taken") != std::string::npos);
  pdf::hpdf::Writer third;
  auto last = third.add_page(pdf::Dict{});
  REQUIRE(last);
  REQUIRE(third.append_content(*last, "0 g\n"));
  auto taken = third.take_content(*last);
  REQUIRE(taken);
  std::string scratch;
  const size_t n = pdf::hpdf::Writer::deflate_content(*taken, scratch);
  REQUIRE(n > 0);
  REQUIRE(third.give_content(*last, scratch.substr(0, n)));
  pdf::hpdf::Writer fourth;
  auto same = fourth.add_page(pdf::Dict{});
  REQUIRE(same);
  REQUIRE(fourth.append_content(*same, "0 g\n"));
  REQUIRE(fourth.finish_content(*same));
  CHECK(third.content(*last) == fourth.content(*same));
  CHECK(third.send(*last));
}
