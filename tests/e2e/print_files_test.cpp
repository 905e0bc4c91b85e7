// The three sample PDFs and the imposed press files, built by the real
// binary and read back with libqpdf and poppler-utils as a print shop's
// preflight and a reader would.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace e2e;

namespace {

struct Built {
  std::string reader, imposed;
};

// Each sample built once, with its imposition where it has one.
const Built& sample(const std::string& which) {
  static std::map<std::string, Built> built;
  auto found = built.find(which);
  if (found != built.end()) return found->second;
  const std::string dir = temp_dir();
  Built b{dir + "/" + which + ".pdf", dir + "/" + which + "-imposed.pdf"};
  std::string args = "build content/mayo-ir-residency.yaml -o " + quote(b.reader);
  if (which == "brochure") args += " --impose booklet";
  if (which == "trifold") args += " --layout layouts/trifold-letter.yaml --impose trifold";
  if (which == "handout") args += " --layout layouts/handout-a4.yaml --set 'recipient=Dr. Jane Doe'";
  Run r = e2e::galley(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return built.emplace(which, b).first->second;
}

using Box = std::array<double, 4>;  // llx lly urx ury

// pdfinfo -box: page number → box name → box.
std::map<int, std::map<std::string, Box>> boxes(const std::string& pdf) {
  std::map<int, std::map<std::string, Box>> out;
  std::istringstream in(sh("pdfinfo -box -f 1 -l 9999 " + quote(pdf)).out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string page_word, name;
    int page = 0;
    Box b{};
    if (!(words >> page_word >> page >> name >> b[0] >> b[1] >> b[2] >> b[3]) || page_word != "Page") continue;
    out[page][name.substr(0, name.size() - 1)] = b;
  }
  return out;
}

// Every font line of pdffonts says emb yes, sub yes; returns how many.
int embedded_subset_fonts(const std::string& pdf) {
  std::istringstream in(sh("pdffonts " + quote(pdf)).out);
  std::string line;
  int fonts = 0;
  bool table = false;
  while (std::getline(in, line)) {
    if (line.starts_with("---")) {
      table = true;
      continue;
    }
    if (!table || line.empty()) continue;
    INFO(pdf << ": " << line);
    CHECK(line.find(" yes yes ") != std::string::npos);
    ++fonts;
  }
  return fonts;
}

bool qpdf_clean(const std::string& pdf) {
  Run r = sh("qpdf --check " + quote(pdf));
  INFO(r.out << r.err);
  return r.exit_code == 0 && r.out.find("No syntax or stream encoding errors") != std::string::npos;
}

// Letters and digits only: pdftotext's spacing of tracked or cropped text
// differs between a page and the same page placed on a sheet.
std::string letters(const std::string& text) {
  std::string out;
  for (unsigned char c : text)
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(c);
  return out;
}

// The text inside a region of a page, pdftotext coordinates (points from the
// top-left corner of the crop box).
std::string text_in(const std::string& pdf, int page, double x, double y, double w, double h) {
  const auto n = [](double v) { return std::to_string(static_cast<int>(v)); };
  return letters(sh("pdftotext -enc UTF-8 -f " + n(page) + " -l " + n(page) + " -x " + n(x) + " -y " + n(y) +
                    " -W " + n(w) + " -H " + n(h) + " " + quote(pdf) + " -")
                     .out);
}

std::shared_ptr<QPDF> open_pdf(const std::string& path) {
  auto pdf = std::make_shared<QPDF>();
  pdf->processFile(path.c_str());
  return pdf;
}

std::string stream_text(QPDFObjectHandle stream) {
  auto data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// What PDF/X-4 asks of the file as a whole (docs/pdfx.md), read with libqpdf.
void check_pdfx(const std::string& path) {
  INFO(path);
  auto pdf = open_pdf(path);
  CHECK(pdf->getPDFVersion() == "1.6");
  auto root = pdf->getRoot();
  auto intents = root.getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  auto intent = intents.getArrayItem(0);
  CHECK(intent.getKey("/S").isNameAndEquals("/GTS_PDFX"));
  REQUIRE(intent.getKey("/DestOutputProfile").isStream());
  CHECK(intent.getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 4);
  REQUIRE(root.getKey("/Metadata").isStream());
  const std::string xmp = stream_text(root.getKey("/Metadata"));
  CHECK(xmp.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != std::string::npos);
  CHECK(xmp.find("<pdf:Trapped>False</pdf:Trapped>") != std::string::npos);
  auto info = pdf->getTrailer().getKey("/Info");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-4");
  CHECK(info.getKey("/Trapped").isNameAndEquals("/False"));
  CHECK(info.getKey("/CreationDate").isString());
  auto id = pdf->getTrailer().getKey("/ID");
  REQUIRE(id.isArray());
  REQUIRE(id.getArrayNItems() == 2);
  CHECK(id.getArrayItem(0).getStringValue().size() == 16);
  CHECK_FALSE(pdf->getTrailer().hasKey("/Encrypt"));
  CHECK(sh("pdfinfo " + quote(path)).out.find("PDF subtype:    PDF/X-4") != std::string::npos);
}

// TrimBox inside BleedBox inside MediaBox on every page, the bleed `bleed`
// points on every side.
void check_boxes(const std::string& path, int pages, double bleed) {
  INFO(path);
  const auto all = boxes(path);
  REQUIRE(all.size() == static_cast<size_t>(pages));
  for (const auto& [page, b] : all) {
    INFO("page " << page);
    REQUIRE(b.count("TrimBox"));
    REQUIRE(b.count("BleedBox"));
    const Box& trim = b.at("TrimBox");
    const Box& bl = b.at("BleedBox");
    const Box& media = b.at("MediaBox");
    CHECK(trim[0] - bl[0] == doctest::Approx(bleed));
    CHECK(trim[1] - bl[1] == doctest::Approx(bleed));
    CHECK(bl[2] - trim[2] == doctest::Approx(bleed));
    CHECK(bl[3] - trim[3] == doctest::Approx(bleed));
    CHECK(media[0] <= bl[0]);
    CHECK(media[1] <= bl[1]);
    CHECK(media[2] >= bl[2]);
    CHECK(media[3] >= bl[3]);
  }
}

}  // namespace

TEST_CASE("all three samples pass qpdf --check with every font embedded and subset") {
  for (const char* which : {"brochure", "trifold", "handout"}) {
    const Built& b = sample(which);
    CHECK_MESSAGE(qpdf_clean(b.reader), which);
    CHECK_MESSAGE(embedded_subset_fonts(b.reader) >= 3, which);
  }
}

TEST_CASE("brochure and tri-fold are PDF/X-4 with a 0.125in bleed on every page; the handout is plain") {
  check_pdfx(sample("brochure").reader);
  check_pdfx(sample("trifold").reader);
  check_boxes(sample("brochure").reader, pdf_pages(sample("brochure").reader), 9);
  check_boxes(sample("trifold").reader, 2, 9);

  const std::string& handout = sample("handout").reader;
  CHECK(sh("pdfinfo " + quote(handout)).out.find("PDF subtype") == std::string::npos);
  // Its output intent is PDF/A's (it declares PDF/A-2u), not PDF/X's.
  auto intents = open_pdf(handout)->getRoot().getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  CHECK(intents.getArrayItem(0).getKey("/S").getName() == "/GTS_PDFA1");
  const auto hb = boxes(handout);
  REQUIRE(hb.size() == 1);
  CHECK(hb.at(1).at("TrimBox") == hb.at(1).at("MediaBox"));  // office paper: no bleed, no slug
  CHECK(hb.at(1).at("TrimBox")[2] == doctest::Approx(595.28));
}

TEST_CASE("the sample brochure, its pictures left aside, is under 300 KB") {
  const std::string& path = sample("brochure").reader;
  auto pdf = open_pdf(path);
  size_t images = 0;
  for (auto obj : pdf->getAllObjects())
    if (obj.isStream() && obj.getDict().getKey("/Subtype").isNameAndEquals("/Image"))
      images += static_cast<size_t>(obj.getDict().getKey("/Length").getIntValue());
  const size_t total = read_file(path).size();
  REQUIRE(images > 0);
  MESSAGE("brochure: " << total << " bytes, " << images << " of them pictures");
  CHECK(total - images < 300 * 1024);
}

TEST_CASE("the brochure's pictures and QR code carry their alt text") {
  Run qdf = sh("qpdf --qdf --object-streams=disable " + quote(sample("brochure").reader) + " -");
  REQUIRE(qdf.exit_code == 0);
  for (const char* alt :
       {"/Alt (A Mayo Clinic resident checking the heartbeat of a teenage patient \\(placeholder picture\\))",
        "/Alt (The Mayo Clinic campus in Jacksonville, Florida \\(placeholder picture\\))",
        "/Alt (A consultant, a nurse and residents discussing a case in a hallway at Mayo Clinic \\(placeholder "
        "picture\\))",
        "/Alt (QR code: https://college.mayo.edu/)"}) {
    CHECK_MESSAGE(qdf.out.find(alt) != std::string::npos, alt);
  }
}

TEST_CASE("booklet imposition: saddle-stitch spreads that keep PDF/X-4, boxes and the outline") {
  const Built& b = sample("brochure");
  const int pages = pdf_pages(b.reader);
  // Four reader pages make one sheet: 4|1 outside, 2|3 inside.
  REQUIRE_MESSAGE(pages == 4, "the sample brochure changed length; update the expected spreads");
  const std::vector<std::array<int, 2>> spreads{{4, 1}, {2, 3}};
  CHECK(pdf_pages(b.imposed) == 2);
  CHECK(qpdf_clean(b.imposed));
  check_pdfx(b.imposed);
  CHECK(embedded_subset_fonts(b.imposed) >= 3);

  // Reader: letter trim at 45pt (36pt slug + 9pt bleed) from the media
  // corner. Sheet: two trims side by side at 33pt (24pt slug + 9pt bleed).
  const auto sheet_boxes = boxes(b.imposed);
  for (int side = 1; side <= 2; ++side) {
    const auto& sb = sheet_boxes.at(side);
    CHECK(sb.at("TrimBox") == Box{33, 33, 33 + 2 * 612, 33 + 792});
    CHECK(sb.at("BleedBox") == Box{24, 24, 42 + 2 * 612, 42 + 792});
    for (int slot = 0; slot < 2; ++slot) {
      const int reader_page = spreads[side - 1][slot];
      const std::string want = text_in(b.reader, reader_page, 45, 45, 612, 792);
      INFO("sheet side " << side << ", slot " << slot << ", reader page " << reader_page);
      REQUIRE(want.size() > 100);
      CHECK(text_in(b.imposed, side, 33 + slot * 612, 33, 612, 792) == want);
    }
  }

  auto imposed = open_pdf(b.imposed);
  auto reader = open_pdf(b.reader);
  // The same document: /ID's permanent half and the XMP are the reader's.
  CHECK(imposed->getTrailer().getKey("/ID").getArrayItem(0).getStringValue() ==
        reader->getTrailer().getKey("/ID").getArrayItem(0).getStringValue());
  // The outline moved onto the sheets; links and page labels went.
  auto root = imposed->getRoot();
  CHECK_FALSE(root.hasKey("/PageLabels"));
  CHECK_FALSE(root.hasKey("/Names"));
  const auto sheets = imposed->getAllPages();
  for (auto sheet : sheets) CHECK_FALSE(sheet.hasKey("/Annots"));
  auto first = root.getKey("/Outlines").getKey("/First");
  REQUIRE(first.isDictionary());
  CHECK(first.getKey("/Title").getUTF8Value() == "Program overview");
  // Reader page 2 is the left half of the inside (second) side.
  auto dest = first.getKey("/Dest");
  REQUIRE(dest.isArray());
  CHECK(dest.getArrayItem(0).getObjGen() == sheets[1].getObjGen());
  auto reader_dest = reader->getRoot().getKey("/Outlines").getKey("/First").getKey("/Dest");
  CHECK(dest.getArrayItem(3).getNumericValue() ==
        doctest::Approx(reader_dest.getArrayItem(3).getNumericValue() - 12));
}

TEST_CASE("tri-fold imposition keeps both sides in order, PDF/X-4 and the boxes") {
  const Built& t = sample("trifold");
  CHECK(pdf_pages(t.imposed) == 2);
  CHECK(qpdf_clean(t.imposed));
  check_pdfx(t.imposed);
  check_boxes(t.imposed, 2, 9);
  for (int side = 1; side <= 2; ++side) {
    INFO("side " << side);
    const std::string want = text_in(t.reader, side, 45, 45, 792, 612);
    REQUIRE(want.size() > 100);
    CHECK(text_in(t.imposed, side, 45, 45, 792, 612) == want);
  }
}

TEST_CASE("imposed files are reproducible") {
  const std::string dir = temp_dir();
  for (const char* name : {"a", "b"}) {
    Run r = e2e::galley("build content/mayo-ir-residency.yaml --impose booklet -o " + quote(dir + "/" + name + ".pdf"));
    REQUIRE(r.exit_code == 0);
  }
  CHECK(read_file(dir + "/a-imposed.pdf") == read_file(dir + "/b-imposed.pdf"));
}
