#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4
#endif
#include "detail/booklet_sides.h"
#include "detail/impose.h"

#include <doctest/doctest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace galley;
using galley::print::Imposition;

namespace {

std::string rect(double llx, double lly, double urx, double ury) {
  return "[" + std::to_string(llx) + " " + std::to_string(lly) + " " + std::to_string(urx) + " " +
         std::to_string(ury) + "]";
}

// A reader PDF like pdf/ writes: one page per label, trim w x h with a 9pt
// bleed and a 36pt slug, the label drawn in Helvetica mid-page and a link;
// an outline (to page 1, and through a named destination to page 2) and an
// OutputIntent in the catalog.
std::string reader_pdf(const std::vector<std::string>& labels, double w = 396, double h = 612) {
  QPDF pdf;
  pdf.emptyPDF();
  auto font = pdf.makeIndirectObject(
      QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  QPDFPageDocumentHelper doc(pdf);
  const double off = 45;
  for (const auto& label : labels) {
    auto page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox " + rect(0, 0, w + 2 * off, h + 2 * off) +
                                        " /BleedBox " + rect(off - 9, off - 9, off + w + 9, off + h + 9) +
                                        " /TrimBox " + rect(off, off, off + w, off + h) +
                                        " /Annots [<< /Type /Annot /Subtype /Link /Rect [60 60 120 80]"
                                        " /A << /S /URI /URI (https://example.org/) >> >>] >>");
    auto resources = QPDFObjectHandle::parse("<< /Font << >> >>");
    resources.getKey("/Font").replaceKey("/F1", font);
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents", pdf.newStream("BT /F1 24 Tf " + std::to_string(off + w / 2 - 20) + " " +
                                               std::to_string(off + h / 2) + " Td (" + label + ") Tj ET"));
    doc.addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
  }
  auto root = pdf.getRoot();
  root.replaceKey("/OutputIntents",
                  QPDFObjectHandle::parse("[<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier "
                                          "(Coated offset) >>]"));
  const auto all = pdf.getAllPages();
  auto outline = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines /Count 2 >>"));
  auto item = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (One) >>"));
  item.replaceKey("/Parent", outline);
  item.replaceKey("/Dest", QPDFObjectHandle::parse("[null /Fit]"));
  item.getKey("/Dest").setArrayItem(0, all[0]);
  outline.replaceKey("/First", item);
  outline.replaceKey("/Last", item);
  if (all.size() > 1) {
    // A named destination at the second page's top-left trim corner.
    auto dest = QPDFObjectHandle::parse("[null /XYZ " + std::to_string(off) + " " + std::to_string(off + h) +
                                        " null]");
    dest.setArrayItem(0, all[1]);
    auto names = QPDFObjectHandle::parse("<< /Dests << /Names [(second) null] >> >>");
    names.getKey("/Dests").getKey("/Names").setArrayItem(1, dest);
    root.replaceKey("/Names", names);
    auto two = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (Two) /Dest (second) >>"));
    two.replaceKey("/Parent", outline);
    two.replaceKey("/Prev", item);
    item.replaceKey("/Next", two);
    outline.replaceKey("/Last", two);
  }
  root.replaceKey("/Outlines", outline);
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDeterministicID(true);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

std::shared_ptr<QPDF> open(const std::string& bytes) {
  auto pdf = std::make_shared<QPDF>();
  pdf->processMemoryFile("imposed.pdf", bytes.data(), bytes.size());
  return pdf;
}

std::string save(const std::string& name, const std::string& bytes) {
  const fs::path dir = fs::temp_directory_path() / "galley-print-test";
  fs::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    pclose(p);
  }
  return out;
}

// The labels on sheet side `page` (1-based), left to right.
std::string labels_on(const std::string& path, int page) {
  const std::string text = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) +
                               " " + path + " - 2>&1");
  std::string labels;
  for (size_t at = text.find('P'); at != std::string::npos; at = text.find('P', at + 1)) {
    if (!labels.empty()) labels += ",";
    labels += text.substr(at, text.find_first_of(" \n", at) - at);
  }
  return labels;
}

std::array<double, 4> box(QPDF& pdf, int page, const std::string& key) {
  auto p = pdf.getAllPages()[page];
  const auto r = p.getKey(key).getArrayAsRectangle();
  return {r.llx, r.lly, r.urx, r.ury};
}

std::vector<std::string> numbered(int n) {
  std::vector<std::string> labels;
  for (int i = 1; i <= n; ++i) labels.push_back("P" + std::to_string(i));
  return labels;
}

}  // namespace

TEST_CASE("booklet sides: saddle-stitch order, blanks before the back cover") {
  using Sides = std::vector<std::array<int, 2>>;
  CHECK(print::booklet_sides(8) == Sides{{7, 0}, {1, 6}, {5, 2}, {3, 4}});
  CHECK(print::booklet_sides(6) == Sides{{5, 0}, {1, -1}, {-1, 2}, {3, 4}});
  CHECK(print::booklet_sides(1) == Sides{{-1, 0}, {-1, -1}});
  CHECK(print::booklet_sides(0).empty());
}

TEST_CASE("booklet: 8 pages on 2 sheets in the order 8,1 / 2,7 / 6,3 / 4,5") {
  Diagnostics d;
  const auto out = print::impose(reader_pdf(numbered(8)), Imposition::Booklet, d);
  REQUIRE_MESSAGE(out.has_value(), (d.all().empty() ? "" : format(d.all()[0])));
  const std::string path = save("booklet8.pdf", *out);
  CHECK(labels_on(path, 1) == "P8,P1");
  CHECK(labels_on(path, 2) == "P2,P7");
  CHECK(labels_on(path, 3) == "P6,P3");
  CHECK(labels_on(path, 4) == "P4,P5");

  auto pdf = open(*out);
  REQUIRE(pdf->getAllPages().size() == 4);
  // Sheet: two 396pt pages side by side, 9pt bleed, 24pt slug each side.
  const auto media = box(*pdf, 0, "/MediaBox");
  CHECK(media[2] - media[0] == doctest::Approx(2 * 396 + 2 * 33));
  CHECK(media[3] - media[1] == doctest::Approx(612 + 2 * 33));
  const auto trim = box(*pdf, 0, "/TrimBox");
  CHECK(trim[0] == doctest::Approx(33));
  CHECK(trim[2] - trim[0] == doctest::Approx(792));
  const auto bleed = box(*pdf, 0, "/BleedBox");
  CHECK(bleed[0] == doctest::Approx(24));
  CHECK(bleed[3] == doctest::Approx(33 + 612 + 9));

  // Each page is clipped at the spine and keeps its 9pt bleed outside.
  auto sheet = QPDFPageObjectHelper(pdf->getAllPages()[0]);
  auto data = sheet.getObjectHandle().getKey("/Contents").getStreamData();
  const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK(content.find("q 24 24 405 630 re W n 1 0 0 1 -12 -12 cm /Fx0 Do Q") != std::string::npos);
  CHECK(content.find("q 429 24 405 630 re W n 1 0 0 1 384 -12 cm /Fx1 Do Q") != std::string::npos);

  CHECK(pdf->getRoot().getKey("/OutputIntents").isArray());
  CHECK(pdf->getTrailer().getKey("/ID").isArray());
  // The outline follows its pages onto the sheets: P1 is on the first side,
  // P2 at the left of the second, its top-left trim corner moved from
  // (45, 657) to the sheet's (33, 645). Named destinations are gone.
  CHECK_FALSE(pdf->getRoot().hasKey("/Names"));
  const auto sheets = pdf->getAllPages();
  auto one = pdf->getRoot().getKey("/Outlines").getKey("/First");
  REQUIRE(one.getKey("/Dest").isArray());
  CHECK(one.getKey("/Dest").getArrayItem(0).getObjGen() == sheets[0].getObjGen());
  CHECK(one.getKey("/Dest").getArrayItem(1).unparse() == "/Fit");
  auto two = one.getKey("/Next");
  CHECK(two.getKey("/Title").getUTF8Value() == "Two");
  auto dest = two.getKey("/Dest");
  REQUIRE(dest.isArray());
  CHECK(dest.getArrayItem(0).getObjGen() == sheets[1].getObjGen());
  CHECK(dest.getArrayItem(2).getNumericValue() == doctest::Approx(33));
  CHECK(dest.getArrayItem(3).getNumericValue() == doctest::Approx(645));
  CHECK(dest.getArrayItem(4).isNull());
  for (auto sheet : sheets) CHECK_FALSE(sheet.hasKey("/Annots"));
  CHECK(run("qpdf --check " + path + " >/dev/null 2>&1; echo $?") == "0\n");
}

TEST_CASE("booklet: 6 pages pad to 8 with blanks before the back cover") {
  Diagnostics d;
  const auto out = print::impose(reader_pdf(numbered(6)), Imposition::Booklet, d);
  REQUIRE(out);
  const std::string path = save("booklet6.pdf", *out);
  CHECK(open(*out)->getAllPages().size() == 4);
  CHECK(labels_on(path, 1) == "P6,P1");
  CHECK(labels_on(path, 2) == "P2");
  CHECK(labels_on(path, 3) == "P3");
  CHECK(labels_on(path, 4) == "P4,P5");
}

TEST_CASE("imposition is reproducible") {
  const std::string in = reader_pdf(numbered(4));
  Diagnostics d;
  const auto a = print::impose(in, Imposition::Booklet, d);
  const auto b = print::impose(in, Imposition::Booklet, d);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
}

TEST_CASE("booklet refuses mixed page sizes and broken input without crashing") {
  QPDF mixed;
  {
    Diagnostics d;
    const std::string a = reader_pdf({"P1", "P2"});
    const std::string b = reader_pdf({"P3"}, 612, 792);
    // Two documents of different sizes joined: page 3 is larger.
    auto pa = open(a);
    auto pb = open(b);
    QPDFPageDocumentHelper(*pa).addPage(QPDFPageObjectHelper(pa->copyForeignObject(pb->getAllPages()[0])), false);
    QPDFWriter w(*pa);
    w.setOutputMemory();
    w.write();
    auto buf = w.getBufferSharedPointer();
    const std::string joined(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    CHECK_FALSE(print::impose(joined, Imposition::Booklet, d));
    REQUIRE(d.has_errors());
    CHECK(d.all()[0].message.find("page 3 is 612x792pt, page 1 is 396x612pt") != std::string::npos);
  }
  Diagnostics d;
  CHECK_FALSE(print::impose("not a pdf at all", Imposition::Booklet, d));
  CHECK(d.has_errors());
  CHECK(format(d.all()[0]).rfind("--impose booklet: error: cannot impose the PDF", 0) == 0);
}

TEST_CASE("trifold: both sides kept in order with crop and dashed fold marks at the roll folds") {
  Diagnostics d;
  const auto out = print::impose(reader_pdf({"Poutside", "Pinside"}, 792, 612), Imposition::Trifold, d);
  REQUIRE(out);
  CHECK(d.all().empty());
  const std::string path = save("trifold.pdf", *out);
  CHECK(labels_on(path, 1) == "Poutside");
  CHECK(labels_on(path, 2) == "Pinside");
  CHECK(run("qpdf --check " + path + " >/dev/null 2>&1; echo $?") == "0\n");

  auto pdf = open(*out);
  REQUIRE(pdf->getAllPages().size() == 2);
  CHECK(box(*pdf, 0, "/TrimBox")[0] == doctest::Approx(45));
  const auto content = [&](int i) {
    auto page = QPDFPageObjectHelper(pdf->getAllPages()[i]);
    auto buf = page.getObjectHandle().getKey("/Contents").isArray()
                   ? page.getObjectHandle().getKey("/Contents").getArrayItem(2).getStreamData()
                   : page.getObjectHandle().getKey("/Contents").getStreamData();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  };
  // Outside folds at 3.625in and 7.3125in from the trim's left (45pt).
  const std::string outside = content(0), inside = content(1);
  CHECK(outside.find("[3 2] 0 d") != std::string::npos);
  CHECK(outside.find("306 ") != std::string::npos);    // 45 + 261
  CHECK(outside.find("571.5 ") != std::string::npos);  // 45 + 526.5
  // Inside mirrored: 3.6875in and 7.375in.
  CHECK(inside.find("310.5 ") != std::string::npos);
  CHECK(inside.find("576 ") != std::string::npos);
  auto first = pdf->getAllPages()[0];
  CHECK(first.getKey("/Resources").getKey("/ColorSpace").hasKey("/GxAll"));
  CHECK(first.getKey("/Resources").getKey("/Font").hasKey("/F1"));
}

TEST_CASE("trifold: fold positions can be given; bad ones and page counts are errors") {
  print::ImposeOptions folds;
  folds.folds = {264, 528};
  Diagnostics d;
  const auto out = print::impose(reader_pdf({"Pa", "Pb"}, 792, 612), Imposition::Trifold, folds, d);
  REQUIRE(out);
  Diagnostics bad;
  folds.folds = {528, 264};
  CHECK_FALSE(print::impose(reader_pdf({"Pa", "Pb"}, 792, 612), Imposition::Trifold, folds, bad));
  CHECK(bad.has_errors());
  Diagnostics three;
  CHECK_FALSE(print::impose(reader_pdf(numbered(3), 792, 612), Imposition::Trifold, three));
  REQUIRE(three.has_errors());
  CHECK(three.all()[0].message.find("needs 2 pages") != std::string::npos);
}
