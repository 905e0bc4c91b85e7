#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "detail/data_file.h"

using namespace galley;
using namespace galley::cli;

TEST_CASE("CSV: header, quoted fields with commas, doubled quotes and newlines, CRLF") {
  Diagnostics diags;
  auto rows = parse_csv("slug,recipient\r\na,\"Doe, Jane\"\r\nb,\"say \"\"hi\"\"\nthere\"\n\nc,plain", "r.csv", diags);
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[0].fields.at("recipient") == "Doe, Jane");
  CHECK((*rows)[0].loc.line == 2);
  CHECK((*rows)[1].fields.at("recipient") == "say \"hi\"\nthere");
  CHECK((*rows)[2].fields.at("slug") == "c");
  CHECK((*rows)[2].loc.line == 6);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("CSV: a row with the wrong number of fields is an error at its line") {
  Diagnostics diags;
  auto rows = parse_csv("a,b\n1,2\n3\n", "r.csv", diags);
  CHECK_FALSE(rows);
  REQUIRE(diags.all().size() == 1);
  CHECK(format(diags.all()[0]) == "r.csv:3:1: error: row 2 has 1 fields; the header has 2");
}

TEST_CASE("CSV: an unterminated quote and a repeated field name are errors") {
  Diagnostics d1;
  CHECK_FALSE(parse_csv("a\n\"open\n", "r.csv", d1));
  CHECK(format(d1.all().at(0)) == "r.csv:2:1: error: unterminated quoted field");
  Diagnostics d2;
  CHECK_FALSE(parse_csv("a,b,a\n1,2,3\n", "r.csv", d2));
  CHECK(format(d2.all().at(0)) == "r.csv:1:5: error: field 'a' named twice");
}

TEST_CASE("an empty CSV has no header") {
  Diagnostics diags;
  CHECK_FALSE(parse_csv("", "r.csv", diags));
  CHECK(diags.has_errors());
}

TEST_CASE("YAML data files get the loader's guards: deep nesting is an error, not a crash") {
  std::string path = (std::filesystem::temp_directory_path() / "galley-deep-rows.yaml").string();
  {
    std::ofstream out(path);
    out << std::string(100000, '[') << std::string(100000, ']') << "\n";
  }
  Diagnostics diags;
  CHECK_FALSE(read_data(path, diags));
  CHECK(diags.has_errors());
  std::filesystem::remove(path);
}

TEST_CASE("YAML data rows are maps of scalars, located by line and column") {
  std::string path = (std::filesystem::temp_directory_path() / "galley-rows.yaml").string();
  {
    std::ofstream out(path);
    out << "- {slug: a, recipient: Ann}\n- slug: b\n  recipient: [x]\n";
  }
  Diagnostics diags;
  CHECK_FALSE(read_data(path, diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format(diags.all()[0]) == path + ":3:14: error: row 2: field 'recipient' must be a single value");
  std::filesystem::remove(path);
}

TEST_CASE("CSV: a byte order mark is not part of the first field's name") {
  Diagnostics diags;
  auto rows = parse_csv("\xEF\xBB\xBFslug,name\na,b\n", "r.csv", diags);
  REQUIRE(rows);
  CHECK((*rows)[0].fields.count("slug") == 1);
  Diagnostics twice;
  CHECK_FALSE(parse_csv("\xEF\xBB\xBFslug,slug\na,b\n", "r.csv", twice));
  CHECK(format(twice.all().at(0)) == "r.csv:1:6: error: field 'slug' named twice");
}

TEST_CASE("CSV: bad bytes are errors at their line and character column") {
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"slug,name\n\xC3\xA9t\xC3\xA9,Fran\xE7ois\n", "r.csv:2:9: error: invalid UTF-8 (byte 0xE7); data files must be saved as UTF-8"},
           {std::string("slug\na\0b\n", 9), "r.csv:2:2: error: control character U+0000 is not allowed in a data file"},
           {"slug\n\"a\x1B\"\n", "r.csv:2:3: error: control character U+001B is not allowed in a data file"}}) {
    Diagnostics diags;
    CHECK_FALSE(parse_csv(text, "r.csv", diags));
    CHECK(format(diags.all().at(0)) == message);
  }
  Diagnostics ok;
  CHECK(parse_csv("slug,note\na,\"tab\there\r\nand a line\"\n", "r.csv", ok));
}
