#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "load/data_rows.h"

using namespace galley;
using namespace galley::load;

namespace {

std::string first(const Diagnostics& d) { return d.all().empty() ? "" : format(d.all()[0]); }

std::string scratch(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("galley-data-rows-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace

TEST_CASE("CSV: header, quoted fields with commas, doubled quotes and newlines, CRLF") {
  Diagnostics diags;
  auto t = parse_csv("slug,recipient\r\na,\"Doe, Jane\"\r\nb,\"say \"\"hi\"\"\nthere\"\n\nc,plain", "r.csv", diags);
  REQUIRE(t);
  CHECK(t->fields == std::vector<std::string>{"slug", "recipient"});
  REQUIRE(t->rows.size() == 3);
  CHECK(t->rows[0][1] == "Doe, Jane");
  CHECK(t->row_locations[0].line == 2);
  CHECK(t->rows[1][1] == "say \"hi\"\nthere");
  CHECK(t->rows[2][0] == "c");
  CHECK(t->row_locations[2].line == 6);
  CHECK(format(Diagnostic{Severity::Error, t->cell_location(2, 1), "x"}) == "r.csv:6:3: error: x");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("CSV: cell columns count characters, not bytes") {
  Diagnostics diags;
  auto t = parse_csv("name,n\nJosé,1\n", "r.csv", diags);
  REQUIRE(t);
  CHECK(t->cell_location(0, 1).col == 6);
}

TEST_CASE("CSV: a row with the wrong number of fields is an error at its line") {
  Diagnostics diags;
  CHECK_FALSE(parse_csv("a,b\n1,2\n3\n", "r.csv", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(first(diags) == "r.csv:3:1: error: row 2 has 1 fields; the header has 2");
}

TEST_CASE("CSV: an unterminated quote and a repeated field name are errors") {
  Diagnostics d1;
  CHECK_FALSE(parse_csv("a\n\"open\n", "r.csv", d1));
  CHECK(first(d1) == "r.csv:2:1: error: unterminated quoted field");
  Diagnostics d2;
  CHECK_FALSE(parse_csv("a,b,a\n1,2,3\n", "r.csv", d2));
  CHECK(first(d2) == "r.csv:1:5: error: field 'a' named twice");
}

TEST_CASE("CSV: quotes in the wrong place are errors, not silently kept") {
  Diagnostics d1;
  CHECK_FALSE(parse_csv("a,b\n1,5\" screen\n", "r.csv", d1));
  CHECK(first(d1) == "r.csv:2:4: error: a quote inside an unquoted field; quote the whole field and write the quote as \"\"");
  Diagnostics d2;
  CHECK_FALSE(parse_csv("a,b\n1,\"x\"y\n", "r.csv", d2));
  CHECK(first(d2) == "r.csv:2:6: error: text after a closing quote; a quote inside a quoted field is written \"\"");
}

TEST_CASE("CSV: an empty file has no header") {
  Diagnostics diags;
  CHECK_FALSE(parse_csv("", "r.csv", diags));
  CHECK(first(diags) == "r.csv: error: no header line: the first line names the fields");
}

TEST_CASE("CSV: a byte order mark is not part of the first field's name") {
  Diagnostics diags;
  auto t = parse_csv("\xEF\xBB\xBFslug,name\na,b\n", "r.csv", diags);
  REQUIRE(t);
  CHECK(t->field_index("slug") == 0u);
  Diagnostics twice;
  CHECK_FALSE(parse_csv("\xEF\xBB\xBFslug,slug\na,b\n", "r.csv", twice));
  CHECK(first(twice) == "r.csv:1:6: error: field 'slug' named twice");
}

TEST_CASE("CSV: bad bytes are errors at their line and character column") {
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"slug,name\n\xC3\xA9t\xC3\xA9,Fran\xE7ois\n", "r.csv:2:9: error: invalid UTF-8 (byte 0xE7); data files must be saved as UTF-8"},
           {std::string("slug\na\0b\n", 9), "r.csv:2:2: error: control character U+0000 is not allowed in a data file"},
           {"slug\n\"a\x1B\"\n", "r.csv:2:3: error: control character U+001B is not allowed in a data file"}}) {
    Diagnostics diags;
    CHECK_FALSE(parse_csv(text, "r.csv", diags));
    CHECK(first(diags) == message);
  }
  Diagnostics ok;
  CHECK(parse_csv("slug,note\na,\"tab\there\r\nand a line\"\n", "r.csv", ok));
}

TEST_CASE("CSV: budgets on rows, fields and field bytes") {
  DataLimits small{1 << 20, 2, 3, 8};
  Diagnostics rows;
  CHECK_FALSE(parse_csv("a\n1\n2\n3\n", "r.csv", rows, small));
  CHECK(first(rows) == "r.csv:4:1: error: more than 2 rows");
  Diagnostics fields;
  CHECK_FALSE(parse_csv("a,b,c,d\n1,2,3,4\n", "r.csv", fields, small));
  CHECK(first(fields) == "r.csv:1:1: error: more than 3 fields");
  Diagnostics bytes;
  CHECK_FALSE(parse_csv("a,b\n1,\"123456789\"\n", "r.csv", bytes, small));
  CHECK(first(bytes) == "r.csv:2:3: error: a field longer than 8 bytes");
  Diagnostics ok;
  CHECK(parse_csv("a,b,c\n1,12345678,3\n2,2,2\n", "r.csv", ok, small));
}

TEST_CASE("YAML and JSON rows: fields in first-seen order, a missing field is empty and absent") {
  Diagnostics diags;
  auto t = read_data_table(scratch("rows.yaml", "- {Year: 2021, Cases: 1200}\n- Year: 2022\n  Note: new\n"), diags);
  REQUIRE(t);
  CHECK(t->fields == std::vector<std::string>{"Year", "Cases", "Note"});
  CHECK(t->rows[1] == std::vector<std::string>{"2022", "", "new"});
  CHECK_FALSE(t->has(1, 1));
  CHECK(t->has(1, 2));
  CHECK(t->cell_location(1, 2).line == 3);
  CHECK(t->cell_location(1, 2).col == 9);
  auto j = read_data_table(scratch("rows.json", "[{\"Year\": 2021, \"Rate\": \"0.91\"}]"), diags);
  REQUIRE(j);
  CHECK(j->rows[0][1] == "0.91");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("YAML rows: a field given twice in a row is an error at the second key") {
  Diagnostics diags;
  const std::string path = scratch("twice.yaml", "- {a: 1, b: 2, a: 3}\n");
  CHECK_FALSE(read_data_table(path, diags));
  CHECK(first(diags) == path + ":1:16: error: row 1: field 'a' given twice");
}

TEST_CASE("data files: size budget and extension") {
  Diagnostics big;
  DataLimits tiny{10, 100, 100, 100};
  const std::string path = scratch("big.csv", "a\n" + std::string(20, 'x') + "\n");
  CHECK_FALSE(read_data_table(path, big, tiny));
  CHECK(first(big) == path + ": error: data file larger than 10 bytes");
  Diagnostics ext;
  const std::string txt = scratch("rows.txt", "a\n1\n");
  CHECK_FALSE(read_data_table(txt, ext));
  CHECK(first(ext) == txt + ": error: data files are .csv, .yaml, .yml or .json");
}
