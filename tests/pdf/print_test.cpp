#include <doctest/doctest.h>

#include <cstdlib>

#include "detail/write.h"
#include "read_back.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

model::Color cmyk(double c, double m, double y, double k) {
  model::Color col;
  col.space = model::Color::Space::Cmyk;
  col.v = {c, m, y, k};
  return col;
}

model::Color spot(const std::string& name) {
  model::Color col = cmyk(0, 0.5, 1, 0);
  col.space = model::Color::Space::Spot;
  col.spot_name = name;
  col.tint = 0.8;
  return col;
}

layout::DisplayList brochure() {
  auto list = letter_page();
  list.fonts.push_back(layout::FontRef{font_path("NotoSans-Regular.ttf"), 0, "Noto Sans", false, false, {}});
  auto& page = list.pages[0];
  layout::Rect bg;
  bg.x = -9, bg.y = -9, bg.w = 630, bg.h = 200;
  bg.fill = cmyk(1, 0.6, 0, 0.1);
  page.items.push_back(bg);
  layout::Rect box;
  box.x = 72, box.y = 300, box.w = 200, box.h = 100, box.radius = 12;
  box.fill = spot("PANTONE 151 C");
  box.stroke = model::Color::gray(0.2);
  box.stroke_width = 1;
  page.items.push_back(box);
  auto text = shape("Interventional Radiology", "NotoSans-Regular.ttf", 16, 0, 72, 250);
  text.color = cmyk(0, 0, 0, 1);
  page.items.push_back(text);
  list.crop_marks = true;
  list.registration_marks = true;
  list.intent.standard = "PDF/X-4";
  list.meta.title = "Interventional Radiology Residency";
  list.meta.author = "Mayo Clinic";
  list.meta.date = "2026-11-01";
  return list;
}

std::string write(const layout::DisplayList& list, Diagnostics& d) {
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  return *bytes;
}

}  // namespace

TEST_CASE("page boxes: media with slug, bleed, trim, in PDF coordinates") {
  Diagnostics d;
  const std::string bytes = write(brochure(), d);
  const std::string path = save("boxes.pdf", bytes);
  std::string info;
  for (char c : run("pdfinfo -box " + path))
    if (c != ' ' || (!info.empty() && info.back() != ' ')) info.push_back(c);
  CHECK(info.find("MediaBox: 0.00 0.00 702.00 882.00") != std::string::npos);
  CHECK(info.find("CropBox: 0.00 0.00 702.00 882.00") != std::string::npos);
  CHECK(info.find("BleedBox: 36.00 36.00 666.00 846.00") != std::string::npos);
  CHECK(info.find("TrimBox: 45.00 45.00 657.00 837.00") != std::string::npos);
  CHECK(info.find("PDF version: 1.6") != std::string::npos);
  CHECK(info.find("PDF subtype: PDF/X-4") != std::string::npos);
  CHECK(run("qpdf --check " + path, true).find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("CMYK stays CMYK, spot colours are Separations, marks use /All") {
  Diagnostics d;
  auto pdf = open(write(brochure(), d));
  const std::string ops = page_content(*pdf, 0);
  CHECK(ops.find("1 0.6 0 0.1 k") != std::string::npos);
  CHECK(ops.find("0 0 0 1 k") != std::string::npos);
  CHECK(ops.find(" rg") == std::string::npos);
  CHECK(ops.find(" RG") == std::string::npos);
  CHECK(ops.find("0.2 G") != std::string::npos);
  CHECK(ops.find(" cs 0.8 scn") != std::string::npos);
  CHECK(ops.find("0.25 w") != std::string::npos);
  QPDFObjectHandle page0 = pdf->getAllPages().at(0);
  auto spaces = page0.getKey("/Resources").getKey("/ColorSpace");
  bool pantone = false, all = false;
  for (auto& key : spaces.getKeys()) {
    auto cs = spaces.getKey(key);
    if (!cs.isArray()) continue;
    if (cs.getArrayItem(0).getName() != "/Separation") continue;
    CHECK(cs.getArrayItem(2).getName() == "/DeviceCMYK");
    CHECK(cs.getArrayItem(3).getKey("/FunctionType").getIntValue() == 2);
    pantone = pantone || cs.getArrayItem(1).getName() == "/PANTONE#20151#20C" ||
              cs.getArrayItem(1).getName() == "/PANTONE 151 C";
    all = all || cs.getArrayItem(1).getName() == "/All";
  }
  CHECK(pantone);
  CHECK(all);
  // Crop marks lie outside the bleed box (36..666 x 36..846).
  CHECK(ops.find("45 33 m 45 15 l S") != std::string::npos);
}

TEST_CASE("PDF/X-4: output intent, XMP, info, /ID, no encryption") {
  Diagnostics d;
  auto pdf = open(write(brochure(), d));
  auto root = pdf->getRoot();
  auto intents = root.getKey("/OutputIntents");
  REQUIRE(intents.getArrayNItems() == 1);
  auto oi = intents.getArrayItem(0);
  CHECK(oi.getKey("/S").getName() == "/GTS_PDFX");
  CHECK(oi.getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 4);
  auto icc = oi.getKey("/DestOutputProfile").getStreamData(qpdf_dl_generalized);
  const std::string profile(reinterpret_cast<const char*>(icc->getBuffer()), icc->getSize());
  CHECK(profile.substr(16, 4) == "CMYK");
  CHECK(profile.substr(12, 4) == "prtr");
  auto xmp = root.getKey("/Metadata").getStreamData(qpdf_dl_generalized);
  const std::string x(reinterpret_cast<const char*>(xmp->getBuffer()), xmp->getSize());
  CHECK(x.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  CHECK(x.find("<xmp:CreateDate>2026-11-01T00:00:00Z</xmp:CreateDate>") != std::string::npos);
  CHECK(x.find("Interventional Radiology Residency") != std::string::npos);
  // RGB content is defined through an ICC-based sRGB /DefaultRGB on every page.
  QPDFObjectHandle page0 = pdf->getAllPages().at(0);
  auto default_rgb = page0.getKey("/Resources").getKey("/ColorSpace").getKey("/DefaultRGB");
  REQUIRE(default_rgb.isArray());
  CHECK(default_rgb.getArrayItem(0).getName() == "/ICCBased");
  CHECK(default_rgb.getArrayItem(1).getDict().getKey("/N").getIntValue() == 3);
  auto trailer = pdf->getTrailer();
  CHECK(trailer.getKey("/ID").getArrayNItems() == 2);
  CHECK(trailer.getKey("/ID").getArrayItem(0).getStringValue() ==
        trailer.getKey("/ID").getArrayItem(1).getStringValue());
  CHECK_FALSE(trailer.hasKey("/Encrypt"));
  auto info = trailer.getKey("/Info");
  CHECK(info.getKey("/Trapped").getName() == "/False");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-4");
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20261101000000Z");
  CHECK(info.getKey("/Author").getUTF8Value() == "Mayo Clinic");
  const std::string path = save("x4.pdf", write(brochure(), d));
  CHECK(run("pdffonts " + path).find("yes yes yes") != std::string::npos);
}

TEST_CASE("identical display lists give identical bytes; the hash sets /ID") {
  Diagnostics d;
  const std::string a = write(brochure(), d), b = write(brochure(), d);
  CHECK(a == b);
  auto other = brochure();
  other.source_hash = "something else";
  const std::string c = write(other, d);
  CHECK(a != c);
  CHECK(open(a)->getTrailer().getKey("/ID").getArrayItem(0).getStringValue() !=
        open(c)->getTrailer().getKey("/ID").getArrayItem(0).getStringValue());
}

TEST_CASE("no dates without meta.date; SOURCE_DATE_EPOCH supplies them") {
  auto list = brochure();
  list.meta.date.clear();
  list.intent.standard.clear();
  unsetenv("SOURCE_DATE_EPOCH");
  Diagnostics d;
  CHECK_FALSE(open(write(list, d))->getTrailer().getKey("/Info").hasKey("/CreationDate"));
  setenv("SOURCE_DATE_EPOCH", "1767225600", 1);  // 2026-01-01T00:00:00Z
  auto pdf = open(write(list, d));
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(pdf->getTrailer().getKey("/Info").getKey("/ModDate").getUTF8Value() == "D:20260101000000Z");
  CHECK_FALSE(pdf->getRoot().hasKey("/OutputIntents"));
}

TEST_CASE("a missing output profile is an error naming it") {
  auto list = brochure();
  list.intent.icc_profile = "/nonexistent/press.icc";
  Diagnostics d;
  CHECK_FALSE(pdf::write_pdf(list, d));
  REQUIRE(d.has_errors());
  bool named = false;
  for (const auto& diag : d.all()) named = named || diag.message.find("/nonexistent/press.icc") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a committed profile, when present, is accepted as the output intent") {
  const std::string icc = std::string(GALLEY_SOURCE_DIR) + "/color/galley-cmyk.icc";
  auto list = brochure();
  list.intent.icc_profile = icc;
  list.intent.condition = "galley generic CMYK";
  Diagnostics d;
  auto bytes = pdf::write_pdf(list, d);
  REQUIRE(bytes);
  CHECK_FALSE(d.has_errors());
}
