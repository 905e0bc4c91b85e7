// Batch generation from a data file.
#include <doctest/doctest.h>

#include <filesystem>
#include <utility>
#include <vector>

#include "harness.h"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

const char* kHandout = "content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml";

std::string write_rows(const std::string& dir, int n) {
  std::string csv = "slug,recipient\n";
  for (int i = 1; i <= n; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "applicant-%03d,\"Applicant %03d, MD\"\n", i, i);
    csv += name;
  }
  write_file(dir + "/rows.csv", csv);
  return dir + "/rows.csv";
}

}  // namespace

TEST_CASE("batch output equals one-by-one builds, whatever the number of jobs") {
  std::string dir = temp_dir();
  std::string rows = write_rows(dir, 4);
  fs::create_directories(dir + "/j1");
  fs::create_directories(dir + "/j2");
  Run j1 = e2e::galley(std::string("build ") + kHandout + " --data " + quote(rows) + " --jobs 1 -o " + quote(dir + "/j1/{{slug}}.pdf"));
  INFO(j1.err);
  REQUIRE(j1.exit_code == 0);
  Run j2 = e2e::galley(std::string("build ") + kHandout + " --data " + quote(rows) + " --jobs 2 -o " + quote(dir + "/j2/{{slug}}.pdf"));
  REQUIRE(j2.exit_code == 0);
  for (int i = 1; i <= 4; ++i) {
    char slug[32];
    std::snprintf(slug, sizeof slug, "applicant-%03d.pdf", i);
    std::string a = read_file(dir + "/j1/" + slug);
    REQUIRE(a.rfind("%PDF-", 0) == 0);
    CHECK(a == read_file(dir + "/j2/" + slug));
    if (i == 3) {
      Run one = e2e::galley(std::string("build ") + kHandout + " --set 'recipient=Applicant 003, MD' -o " + quote(dir + "/one.pdf"));
      REQUIRE(one.exit_code == 0);
      CHECK(read_file(dir + "/one.pdf") == a);
      CHECK(pdf_text(dir + "/j1/" + slug).find("Applicant 003, MD") != std::string::npos);
    }
  }
}

TEST_CASE("shards cover every row exactly once") {
  std::string dir = temp_dir();
  std::string rows = write_rows(dir, 7);
  for (int s = 1; s <= 3; ++s) {
    Run r = e2e::galley(std::string("build ") + kHandout + " --data " + quote(rows) + " --shard " + std::to_string(s) + "/3 -o " +
                   quote(dir + "/{{slug}}.shard" + std::to_string(s)));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  for (int i = 1; i <= 7; ++i) {
    int found = 0;
    for (int s = 1; s <= 3; ++s) {
      char name[64];
      std::snprintf(name, sizeof name, "/applicant-%03d.shard%d", i, s);
      if (fs::exists(dir + name)) ++found;
    }
    CHECK(found == 1);
  }
  CHECK(e2e::galley(std::string("build ") + kHandout + " --data " + quote(rows) + " --shard 4/3").exit_code == 2);
}

TEST_CASE("a bad row is reported with its number; the other rows are written") {
  std::string dir = temp_dir();
  write_minimal_pair(dir, "    - paragraph: \"Your mentor: {{mentor}}\"\n");
  write_file(dir + "/rows.yaml",
             "- {slug: a, mentor: Ann}\n"
             "- {slug: b}\n"
             "- {slug: c, mentor: Cy}\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " --data " + quote(dir + "/rows.yaml") + " -o " +
                 quote(dir + "/{{slug}}.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("rows.yaml:2:3: error: row 2: ") != std::string::npos);
  CHECK(r.err.find("mentor") != std::string::npos);
  CHECK(r.err.find("1 of 3 rows failed") != std::string::npos);
  CHECK(r.err.find("note:") == std::string::npos);  // the page count is not repeated per row
  CHECK(fs::exists(dir + "/a.pdf"));
  CHECK_FALSE(fs::exists(dir + "/b.pdf"));
  CHECK(fs::exists(dir + "/c.pdf"));
}

TEST_CASE("two rows writing the same file are refused before anything is written") {
  std::string dir = temp_dir();
  write_file(dir + "/rows.csv", "slug,recipient\nsame,A\nother,B\nsame,C\n");
  Run r = e2e::galley(std::string("build ") + kHandout + " --data " + quote(dir + "/rows.csv") + " -o " + quote(dir + "/{{slug}}.pdf"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("rows 1 and 3") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/same.pdf"));
  CHECK_FALSE(fs::exists(dir + "/other.pdf"));
}

TEST_CASE("rows whose text needs other glyphs get their own font subsets, as one-by-one builds do") {
  std::string dir = temp_dir();
  // Row 2 shares row 1's glyphs; rows 3 and 4 need letters no other row has.
  write_file(dir + "/rows.csv",
             "slug,recipient\n"
             "one,Ann Lee\n"
             "two,Lee Ann\n"
             "three,\"Zoë Quixby-Ångström, PhD\"\n"
             "four,Wu Jv\n");
  fs::create_directories(dir + "/out");
  Run batch = e2e::galley(std::string("build ") + kHandout + " --data " + quote(dir + "/rows.csv") + " --jobs 1 -o " +
                     quote(dir + "/out/{{slug}}.pdf"));
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  const char* rows[][2] = {{"one", "Ann Lee"}, {"two", "Lee Ann"}, {"three", "Zoë Quixby-Ångström, PhD"}, {"four", "Wu Jv"}};
  for (const auto& [slug, name] : rows) {
    Run one = e2e::galley(std::string("build ") + kHandout + " --set " + quote(std::string("recipient=") + name) + " -o " +
                     quote(dir + "/" + slug + ".pdf"));
    REQUIRE(one.exit_code == 0);
    CHECK(read_file(dir + "/" + slug + ".pdf") == read_file(dir + "/out/" + slug + ".pdf"));
  }
}

TEST_CASE("a broken image is reported for every row, the same way") {
  std::string dir = temp_dir();
  write_file(dir + "/bad.png", std::string("\x89PNG\r\n\x1a\n", 8) + "cut short");
  write_minimal_pair(dir, "    - image: {src: bad.png}\n");
  write_file(dir + "/rows.csv", "slug,recipient\na,Ann\nb,Bo\n");
  Run r = e2e::galley("build " + quote(dir + "/content.yaml") + " --data " + quote(dir + "/rows.csv") + " --jobs 2 -o " +
                 quote(dir + "/{{slug}}.pdf"));
  CHECK(r.exit_code == 1);
  for (const char* row : {"row 1: ", "row 2: "}) {
    auto at = r.err.find(row);
    REQUIRE(at != std::string::npos);
    CHECK(r.err.find("bad.png", at) != std::string::npos);
  }
  CHECK(r.err.find("2 of 2 rows failed") != std::string::npos);
}

TEST_CASE("rows whose variables reach the flow's blocks equal one-by-one builds: the fixed blocks are reused") {
  // Rows alternate between values that break the paragraphs differently,
  // move the blocks after them to other columns and pages, and change the
  // id of the fixed heading "Rome": whatever the first row kept of the
  // fixed blocks must not reach the others' bytes.
  const std::string dir = temp_dir();
  write_variable_flows(dir);
  const std::vector<std::pair<std::string, std::string>> values = {
      {"Al", "Rome"},
      {"Maximiliana Wolfeschlegelsteinhausen-Bergerdorff of the Extraordinarily Long Name", "Paris"},
      {"Al", "Paris"},
      {"Bo", "Rome"}};
  std::string csv = "slug,name,place\n";
  for (size_t i = 0; i < values.size(); ++i)
    csv += "r" + std::to_string(i) + ",\"" + values[i].first + "\"," + values[i].second + "\n";
  write_file(dir + "/rows.csv", csv);
  for (const char* jobs : {"1", "2"}) {
    fs::create_directories(dir + "/j" + jobs);
    Run batch = e2e::galley("build " + quote(dir + "/content.yaml") + " --data " + quote(dir + "/rows.csv") + " --jobs " +
                       jobs + " -o " + quote(dir + "/j" + jobs + "/{{slug}}.pdf"));
    INFO(batch.err);
    REQUIRE(batch.exit_code == 0);
  }
  for (size_t i = 0; i < values.size(); ++i) {
    Run one = e2e::galley("build " + quote(dir + "/content.yaml") + " --set " + quote("name=" + values[i].first) +
                     " --set place=" + values[i].second + " -o " + quote(dir + "/one.pdf"));
    REQUIRE(one.exit_code == 0);
    const std::string cold = read_file(dir + "/one.pdf");
    CAPTURE(i);
    CHECK((read_file(dir + "/j1/r" + std::to_string(i) + ".pdf") == cold));
    CHECK((read_file(dir + "/j2/r" + std::to_string(i) + ".pdf") == cold));
  }
}
