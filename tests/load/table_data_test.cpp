#include <doctest/doctest.h>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;
using Kind = model::ColumnWidth::Kind;

namespace {

std::vector<std::string> table_messages(const TempDir& dir, const Diagnostics& d) {
  std::vector<std::string> out;
  for (auto l : lines(d)) {
    if (l.starts_with(dir.path())) l = l.substr(dir.path().size() + 1);
    out.push_back(l);
  }
  return out;
}

std::string flow(const std::string& table) { return "galley: 1\nflows:\n  main:\n    - table: " + table + "\n"; }

}  // namespace

TEST_CASE("a table from data: columns chosen, renamed, aligned and formatted") {
  TempDir dir;
  dir.write("v.csv", "Year,Cases,Rate\n2021,1200,0.91\n2022,1350,0.93\n");
  Diagnostics diags;
  auto doc = load::load_document(
      dir.write("c.yaml", flow("{data: v.csv, widths: [auto, 2fr, 30%], columns: [Rate, {field: Year, title: "
                               "\"*Year*\", align: left}, {field: Cases, format: {type: number, decimals: 1}}]}")),
      diags);
  REQUIRE(doc);
  const model::Block& b = doc->flows[0].blocks[0];
  REQUIRE(b.table_data);
  CHECK(b.table_data->rows.size() == 2);
  REQUIRE(b.data_columns.size() == 3);
  CHECK(b.data_columns[0].field == 2);
  CHECK_FALSE(b.data_columns[0].renamed);
  CHECK(b.data_columns[1].title.value == "*Year*");
  CHECK(b.data_columns[1].renamed);
  CHECK(b.data_columns[1].align == model::ColumnAlign::Left);
  CHECK(b.data_columns[2].format.kind == model::CellFormat::Kind::Number);
  CHECK(b.data_columns[2].format.decimals == 1);
  REQUIRE(b.column_widths.size() == 3);
  CHECK(b.column_widths[0].kind == Kind::Auto);
  CHECK(b.column_widths[1].kind == Kind::Share);
  CHECK(b.column_widths[1].share == 2);
  CHECK(b.column_widths[2].kind == Kind::Fixed);
  CHECK(b.column_widths[2].length.percent);
}

TEST_CASE("a table from data without columns shows every field; widths: auto is one per column") {
  TempDir dir;
  dir.write("v.yaml", "- {Year: 2021, Cases: 1200}\n- {Year: 2022, Note: new}\n");
  Diagnostics diags;
  auto doc = load::load_document(dir.write("c.yaml", flow("{data: v.yaml, widths: auto}")), diags);
  REQUIRE(doc);
  const model::Block& b = doc->flows[0].blocks[0];
  CHECK(b.data_columns.size() == 3);
  CHECK(b.column_widths.size() == 3);
}

TEST_CASE("table data errors: unknown field, rows and data, bad shares and formats, widths count") {
  TempDir dir;
  dir.write("v.csv", "Year,Cases\n2021,1200\n");
  Diagnostics diags;
  CHECK_FALSE(load::load_document(
      dir.write("c.yaml", flow("{data: v.csv, rows: [[a]], widths: [0fr, auto, 1in],\n"
                               "      columns: [Yaer, {field: Cases, format: {type: money}}, {title: X}]}")),
      diags));
  CHECK(table_messages(dir, diags) == std::vector<std::string>{
      "c.yaml:4:34: error: a table takes 'rows' or 'data', not both",
      "c.yaml:4:49: error: 'widths' gives 3 widths for 1 columns",
      "c.yaml:4:50: error: a column's share is a number greater than zero before 'fr', such as 2fr",
      "c.yaml:5:17: error: no field 'Yaer' in " + dir.path() + "/v.csv (did you mean 'Year'?)",
      "c.yaml:5:53: error: unknown format type 'money' (expected one of: text, number, integer, percent, date)",
      "c.yaml:5:62: error: missing required key 'field' in a table column"});
}
