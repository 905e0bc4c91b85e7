// The sample brochure, built by the real binary and read back.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "harness.h"

using namespace e2e;

namespace {

// Facts are compared with white space and hyphens removed, so a fact still
// matches when the line breaker hyphenated or broke it across lines.
std::string squash(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '-' || c == '\n') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    // Typographic apostrophes and dashes count as their plain forms.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x99) { out += '\''; i += 2; continue; }
      if (d == 0x90 || d == 0x93 || d == 0x94) { i += 2; continue; }
    }
    out += static_cast<char>(c);
  }
  return out;
}

const std::string& sample_pdf() {
  static const std::string pdf = [] {
    std::string out = temp_dir() + "/brochure.pdf";
    Run r = e2e::galley("build content/mayo-ir-residency.yaml -o " + quote(out));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return out;
  }();
  return pdf;
}

}  // namespace

TEST_CASE("the sample brochure holds every fact of the program page") {
  std::string text = squash(pdf_text(sample_pdf()));
  const char* facts[] = {
      "Interventional Radiology Integrated Residency",
      "Jacksonville, Florida",
      "five-year",
      "academic radiology or private practice",
      "High-volume, quality, hands-on clinical and procedural experience",
      "Solid academic instruction",
      "Multiple clinical research training options",
      "Gradually increasing independence and responsibility",
      "U.S. News, 2023-2024",
      "favorable faculty ratio",
      "education over service",
      "destination medical center",
      "interventional oncology",
      "complex IVC filter retrieval",
      "portal hypertension",
      "seven board-certified interventional radiologists",
      "six interventional suites",
      "longitudinal care",
      "miniaturization",
      "CT and MR angiography",
      "one-year preliminary surgical internship",
      "tumor boards",
      "Accreditation Council for Graduate Medical Education (ACGME)",
      "Interventional Radiology/Diagnostic Radiology (IR/DR)",
      "American Board of Radiology (ABR)",
      "Program history",
      "American Board of Medical Specialties",
      "September 2014",
      "vascular and interventional radiology (VIR)",
      "2016",
      "one trainee",
      "Choosing Mayo Clinic",
      "Campus and community",
      "Stipend and benefits",
  };
  for (const char* fact : facts) {
    INFO(fact);
    CHECK(text.find(squash(fact)) != std::string::npos);
  }
}

// squash() above would also match text extracted with invented spaces, so
// the letter-spaced lines (kicker, running header) are compared with their
// spaces, and no line may read as letters spaced apart ("G R A D U AT E").
TEST_CASE("the sample brochure's letter-spaced lines extract as their words") {
  const std::string text = pdf_text(sample_pdf());
  CHECK(text.find("GRADUATE MEDICAL EDUCATION IN RADIOLOGY AT MAYO CLINIC") != std::string::npos);
  CHECK(text.find("MAYO CLINIC \u00b7 JACKSONVILLE, FLORIDA") != std::string::npos);
  std::string spaced;  // the first three one-letter words in a row
  int in_row = 0;
  for (size_t at = 0; at < text.size() && spaced.empty();) {
    const size_t end = std::min(text.find(' ', at), text.size());
    const bool one_letter = end - at == 1 && std::isalpha(static_cast<unsigned char>(text[at]));
    in_row = one_letter ? in_row + 1 : 0;
    if (in_row == 3) spaced = text.substr(at - 4, 5);
    at = end + 1;
  }
  CHECK(spaced == "");
}

TEST_CASE("the sample brochure is a multi-page, fonts-embedded, boxed print file") {
  const std::string& pdf = sample_pdf();
  CHECK(pdf_pages(pdf) >= 3);

  Run fonts = sh("pdffonts " + quote(pdf));
  REQUIRE(fonts.exit_code == 0);
  int faces = 0;
  size_t pos = fonts.out.find("\n---");
  pos = fonts.out.find('\n', pos + 1);
  while (pos != std::string::npos && pos + 1 < fonts.out.size()) {
    size_t end = fonts.out.find('\n', pos + 1);
    std::string line = fonts.out.substr(pos + 1, end - pos - 1);
    if (!line.empty()) {
      ++faces;
      INFO(line);
      CHECK(line.find(" yes yes ") != std::string::npos);  // emb, sub
    }
    pos = end;
  }
  CHECK(faces >= 3);

  Run boxes = sh("pdfinfo -box -f 1 -l 999 " + quote(pdf));
  REQUIRE(boxes.exit_code == 0);
  int pages = pdf_pages(pdf);
  size_t trims = 0, bleeds = 0;
  for (size_t p = boxes.out.find("TrimBox:"); p != std::string::npos; p = boxes.out.find("TrimBox:", p + 1)) ++trims;
  for (size_t p = boxes.out.find("BleedBox:"); p != std::string::npos; p = boxes.out.find("BleedBox:", p + 1)) ++bleeds;
  CHECK(trims == static_cast<size_t>(pages));
  CHECK(bleeds == static_cast<size_t>(pages));
  // Letter trim 612x792 with a 0.125in (9pt) bleed: the bleed box is 630x810.
  CHECK(boxes.out.find("TrimBox:") != std::string::npos);

  Run check = sh("qpdf --check " + quote(pdf));
  INFO(check.out);
  CHECK(check.exit_code == 0);
}

TEST_CASE("identical input gives byte-identical PDFs") {
  std::string dir = temp_dir();
  Run a = e2e::galley("build content/mayo-ir-residency.yaml -o " + quote(dir + "/a.pdf"));
  Run b = e2e::galley("build content/mayo-ir-residency.yaml -o " + quote(dir + "/b.pdf"));
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(read_file(dir + "/a.pdf") == read_file(dir + "/b.pdf"));
}

TEST_CASE("the tri-fold has two sheets and the handout one personalised page") {
  std::string dir = temp_dir();
  Run tri = e2e::galley("build content/mayo-ir-residency.yaml --layout layouts/trifold-letter.yaml -o " + quote(dir + "/t.pdf"));
  INFO(tri.err);
  REQUIRE(tri.exit_code == 0);
  CHECK(pdf_pages(dir + "/t.pdf") == 2);

  Run hand = e2e::galley("build content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml --set 'recipient=Dr. Ada Quinn' -o " +
                    quote(dir + "/h.pdf"));
  INFO(hand.err);
  REQUIRE(hand.exit_code == 0);
  CHECK(pdf_pages(dir + "/h.pdf") == 1);
  CHECK(pdf_text(dir + "/h.pdf").find("Dr. Ada Quinn") != std::string::npos);
}
