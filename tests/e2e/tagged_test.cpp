// Tagged PDF, PDF/UA-1 and PDF/A-2 end to end: the structure tree as
// poppler reads it, the in-repo Matterhorn checker (scripts/matterhorn.py)
// on the samples, imposed files and files broken on purpose, and the
// located errors PDF/UA-1 turns missing alt text into.
#include <doctest/doctest.h>

#include <regex>

#include "e2e/harness.h"

using namespace e2e;

namespace {

const std::string kRoot = GALLEY_SOURCE_DIR;

// A content + layout pair with every kind of element, declaring `standard`.
std::string tagged_pair(const std::string& standard, const std::string& image_keys,
                        const std::string& meta = "title: Tagged test, language: en-US") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir);
  std::string layout = read_file(dir + "/layout.yaml");
  layout.replace(layout.find("  body:"), 0,
                 "  h1: {font: Noto Serif, size: 14pt, leading: 17pt}\n"
                 "  h2: {font: Noto Serif, size: 12pt, leading: 15pt}\n");
  write_file(dir + "/layout.yaml", layout + "output: {standard: " + standard +
                                       ", intent: {profile: " + kRoot + "/color/galley-cmyk.icc}}\n");
  write_file(dir + "/content.yaml",
             "galley: 1\n"
             "layout: layout.yaml\n"
             "meta: {" + meta + ", date: 2026-11-01}\n"
             "flows:\n"
             "  main:\n"
             "    - heading: Tagged heading\n"
             "    - paragraph: \"A paragraph with [a link](https://example.org/) in it.\"\n"
             "    - heading: Second level\n"
             "      level: 2\n"
             "    - list: [first item, second item]\n"
             "    - table:\n"
             "        columns: [Key, Value]\n"
             "        rows: [[a, b], [c, d]]\n"
             "    - image:\n"
             "        src: " + kRoot + "/content/images/care-team.png\n" + image_keys +
             "        width: 50%\n");
  return dir;
}

std::string matterhorn(const std::string& args) {
  Run r = sh("python3 scripts/matterhorn.py " + args + " 2>&1");
  return std::to_string(r.exit_code) + "\n" + r.out + r.err;
}

}  // namespace

TEST_CASE("tagged: the brochure's structure in the content file's order, without furniture") {
  const std::string dir = temp_dir();
  const std::string pdf = dir + "/brochure.pdf";
  REQUIRE(e2e::galley("build content/mayo-ir-residency.yaml -o " + quote(pdf)).exit_code == 0);
  CHECK(sh("pdfinfo " + quote(pdf)).out.find("Tagged:          yes") != std::string::npos);
  const std::string tree = sh("pdfinfo -struct-text " + quote(pdf) + " 2>/dev/null").out;
  for (const char* role : {"Document", "H1", "H2", "P", "L (block)", "LI", "Lbl", "LBody", "Table",
                           "TH", "TD", "Figure", "Caption", "Div"})
    CHECK_MESSAGE(tree.find(role) != std::string::npos, role);
  // Headings in the content file's order, across pages and frames.
  std::vector<std::string> headings;
  const std::regex heading(R"(  H[12] \(block\)\n\s+"([^"]*)\")");
  for (std::sregex_iterator it(tree.begin(), tree.end(), heading), end; it != end; ++it)
    headings.push_back((*it)[1]);
  const std::vector<std::string> want{"Interventional Radiology", "Program overview", "The program offers",
                                      "The interventional radiology", "Care centered on the patient",
                                      "The preliminary surgical", "Accreditation and certification",
                                      "Program history", "Choosing Mayo Clinic", "Campus and community",
                                      "Stipend and benefits", "At a glance", "Learn more and apply"};
  REQUIRE(headings.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) CHECK(headings[i].rfind(want[i], 0) == 0);
  // Running heads and page numbers are artifacts.
  CHECK(tree.find("MAYO CLINIC · JACKSONVILLE") == std::string::npos);
  CHECK(tree.find("Residency · 2") == std::string::npos);
  CHECK(std::regex_search(tree, std::regex(R"(TH:\n\s+/Scope /Row\n\s+"Program")")));
  CHECK(tree.find("/Alt") == std::string::npos);  // poppler shows the Figure's box, not its alt
}

TEST_CASE("tagged: the Matterhorn checker passes the samples and imposed files") {
  const std::string dir = temp_dir();
  const std::vector<std::pair<std::string, std::string>> builds{
      {"brochure", "--impose booklet"},
      {"trifold", "--layout layouts/trifold-letter.yaml --impose trifold"},
      {"handout", "--layout layouts/handout-a4.yaml"}};
  std::string files;
  for (const auto& [name, args] : builds) {
    Run r = e2e::galley("build content/mayo-ir-residency.yaml " + args + " -o " + quote(dir + "/" + name + ".pdf"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    files += " " + quote(dir + "/" + name + ".pdf");
  }
  files += " " + quote(dir + "/brochure-imposed.pdf") + " " + quote(dir + "/trifold-imposed.pdf");
  CHECK(matterhorn(files) == "0\n");
  // The imposed sheet is not tagged and says so.
  const std::string info = sh("pdfinfo " + quote(dir + "/brochure-imposed.pdf")).out;
  CHECK(info.find("Tagged:          no") != std::string::npos);
  CHECK(read_file(dir + "/brochure-imposed.pdf").find("pdfuaid") == std::string::npos);
}

TEST_CASE("tagged: the Matterhorn checker notices each condition broken in a passing file") {
  const std::string dir = tagged_pair("[PDF/X-4, PDF/UA-1]", "        alt: People in a hallway\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/t.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(matterhorn(quote(dir + "/t.pdf")) == "0\n");
  const std::string self = matterhorn("--selftest " + quote(dir + "/t.pdf"));
  CHECK_MESSAGE(self.rfind("0\n", 0) == 0, self);
  for (const char* cp : {"01-005", "01-007", "02-001", "06-002", "07-001", "09-004", "11-006", "13-004",
                         "14-003", "15-003", "28-011"})
    CHECK_MESSAGE(self.find(std::string(cp) + " broken and found") != std::string::npos, cp);
}

TEST_CASE("PDF/UA-1: an image without alt text is a located error; decorative, an artifact") {
  const std::string bad = tagged_pair("[PDF/X-4, PDF/UA-1]", "");
  Run r = e2e::galley("build " + quote(bad + "/content.yaml") + " -o " + quote(bad + "/t.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(std::regex_search(r.err, std::regex(R"(content\.yaml:\d+:\d+: error: PDF/UA-1: image without 'alt:')")));

  const std::string ok = tagged_pair("[PDF/X-4, PDF/UA-1]", "        decorative: true\n");
  r = e2e::galley("build " + quote(ok + "/content.yaml") + " -o " + quote(ok + "/t.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string tree = sh("pdfinfo -struct-text " + quote(ok + "/t.pdf") + " 2>/dev/null").out;
  CHECK(tree.find("Figure") == std::string::npos);
  // The link's words are in its Link element, between the words around it.
  CHECK_MESSAGE(std::regex_search(tree, std::regex(R"(paragraph with "\n\s+Link \(inline\)\n\s+"a link"\n\s+Object \d+ 0\n\s+" in it\.")")), tree);
  CHECK(matterhorn(quote(ok + "/t.pdf")) == "0\n");
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(ok + "/t.pdf") + " -").out;
  CHECK(qdf.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(std::regex_search(qdf, std::regex(R"(/Artifact BMC\nq\n[^\n]*re\nW n\n[^\n]* cm\n/\w+ Do)")));
}

TEST_CASE("PDF/UA-1: a missing title and a table without headers are located errors") {
  const std::string dir = tagged_pair("[PDF/UA-1]", "        alt: People\n", "language: en-US");
  std::string content = read_file(dir + "/content.yaml");
  const std::string header = "        columns: [Key, Value]\n";
  content.replace(content.find(header), header.size(), "");
  write_file(dir + "/content.yaml", content);
  Run r = e2e::galley("check " + quote(dir + "/content.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(std::regex_search(r.err, std::regex(R"(content\.yaml:3:\d+: error: PDF/UA-1 needs a document title)")));
  CHECK(std::regex_search(r.err, std::regex(R"(content\.yaml:\d+:\d+: error: PDF/UA-1: table without headers)")));
}

TEST_CASE("PDF/A-2u with PDF/X-4 and PDF/UA-1: identification, one profile for both intents") {
  const std::string dir = tagged_pair("[PDF/X-4, PDF/UA-1, PDF/A-2u]", "        alt: People\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/t.pdf"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string qdf = sh("qpdf --qdf --object-streams=disable " + quote(dir + "/t.pdf") + " -").out;
  CHECK(qdf.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(qdf.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos);
  CHECK(qdf.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") != std::string::npos);
  CHECK(qdf.find("/S /GTS_PDFA1") != std::string::npos);
  CHECK(qdf.find("/S /GTS_PDFX") != std::string::npos);
  std::vector<std::string> profiles;
  const std::regex profile(R"(/DestOutputProfile (\d+ 0 R))");
  for (std::sregex_iterator it(qdf.begin(), qdf.end(), profile), end; it != end; ++it) profiles.push_back((*it)[1]);
  REQUIRE(profiles.size() == 2);
  CHECK(profiles[0] == profiles[1]);
  // A second build gives the same bytes.
  REQUIRE(e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/u.pdf")).exit_code == 0);
  CHECK(read_file(dir + "/t.pdf") == read_file(dir + "/u.pdf"));

  const std::string both = tagged_pair("[PDF/A-2b, PDF/A-2u]", "        alt: People\n");
  r = e2e::galley("check " + quote(both + "/content.yaml"));
  CHECK(r.exit_code == 1);
  CHECK(std::regex_search(r.err, std::regex(R"(layout\.yaml:\d+:\d+: error: more than one PDF/A standard)")));
}

TEST_CASE("a content file without meta: is where a missing title is reported, not a line without a place") {
  const std::string dir = temp_dir();
  write_minimal_pair(dir);
  std::string content = read_file(dir + "/content.yaml");
  const std::string meta = "meta: {title: Test, date: 2026-11-01}\n";
  content.replace(content.find(meta), meta.size(), "");
  write_file(dir + "/content.yaml", content);
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " -o " + quote(dir + "/out.pdf"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(dir + "/content.yaml: warning: a tagged PDF should have a title") != std::string::npos);
  CHECK(r.err.find("galley: warning") == std::string::npos);
}
