// `chart:` blocks as loaded: options, fields checked against the data
// file, and the budgets.
#include <doctest/doctest.h>

#include "load_fixture.h"

using namespace galley;
using namespace galley::testing;

namespace {

std::optional<model::Document> load_chart_doc(TempDir& dir, const std::string& chart, Diagnostics& d) {
  const std::string path = dir.write("c.yaml", "galley: 1\nflows:\n  main:\n    - chart: " + chart + "\n");
  return load::load_document(path, d);
}

}  // namespace

TEST_CASE("a chart keeps its data and the fields it plots") {
  TempDir dir;
  dir.write("v.csv", "Year,Cases,Deaths\n2019,412,12\n2020,398,9\n");
  Diagnostics d;
  auto doc = load_chart_doc(dir, "{type: bar, data: v.csv, x: Year, y: [Deaths, Cases], stacked: true, "
                                 "horizontal: true, colors: [a, b], x-label: '', width: 50%, aspect: 2}", d);
  INFO(lines(d));
  REQUIRE(doc);
  const model::Block& b = doc->flows[0].blocks[0];
  REQUIRE(b.kind == model::BlockKind::Chart);
  REQUIRE(b.chart);
  const model::Chart& c = *b.chart;
  REQUIRE(c.data);
  CHECK(c.data->rows.size() == 2);
  CHECK(c.x_field == 0);
  CHECK(c.y_fields == std::vector<size_t>{2, 1});
  CHECK(c.stacked);
  CHECK(c.horizontal);
  CHECK(c.colors == std::vector<std::string>{"a", "b"});
  CHECK(c.x_label_set);
  CHECK(c.x_label.value.empty());
  CHECK(c.width->percent);
  CHECK(c.aspect == 2);
}

TEST_CASE("a chart's mistakes are reported at their keys") {
  TempDir dir;
  dir.write("v.csv", "Year,Cases\n2019,412\n");
  Diagnostics d;
  load_chart_doc(dir, "{type: line, data: v.csv, x: Year, y: Casse, donut: true, stacked: true}", d);
  Diagnostics pie;
  load_chart_doc(dir, "{type: pie, data: v.csv, x: Year, y: Cases, labels: true}", pie);
  CHECK(lines(pie) == std::vector<std::string>{dir.path("c.yaml") + ":4:66: error: 'labels' is for bar and line charts only"});
  CHECK(lines(d) == std::vector<std::string>{
                        dir.path("c.yaml") + ":4:52: error: unknown field 'Casse' in " + dir.path("v.csv") +
                            " (did you mean 'Cases'?); its fields are Year, Cases",
                        dir.path("c.yaml") + ":4:66: error: 'donut' is for pie charts only",
                        dir.path("c.yaml") + ":4:81: error: 'stacked' is for bar charts only",
                    });
}

TEST_CASE("a line chart of 100,000 rows is refused at its data, before any value is read") {
  TempDir dir;
  std::string csv = "Day,Cases\n";
  for (int i = 0; i < 100'000; ++i) csv += std::to_string(i) + ",1\n";
  dir.write("big.csv", csv);
  Diagnostics d;
  auto doc = load_chart_doc(dir, "{type: line, data: big.csv, x: Day, y: Cases}", d);
  CHECK_FALSE(doc);
  CHECK(lines(d) == std::vector<std::string>{
                        dir.path("c.yaml") + ":4:33: error: a line chart draws at most 10,000 points per series; " +
                            dir.path("big.csv") + " has 100,000 rows",
                    });
}

TEST_CASE("a chart's format: as a table column's; a date format is refused") {
  TempDir dir;
  dir.write("v.csv", "Year,Share\n2019,0.25\n2020,0.4\n");
  Diagnostics d;
  auto doc = load_chart_doc(dir, "{data: v.csv, x: Year, y: Share, format: {type: percent, decimals: 1}}", d);
  INFO(lines(d));
  REQUIRE(doc);
  const model::Chart& c = *doc->flows[0].blocks[0].chart;
  CHECK(c.format.kind == model::CellFormat::Kind::Percent);
  CHECK(c.format.decimals == 1);
  Diagnostics bad;
  CHECK_FALSE(load_chart_doc(dir, "{data: v.csv, x: Year, y: Share, format: {type: date, colour: red}}", bad));
  std::string all;
  for (const auto& l : lines(bad)) all += l + "\n";
  CHECK(all.find("unknown key 'colour' in a chart's 'format'") != std::string::npos);
  CHECK(all.find("a chart's values are numbers: its 'format' is number, integer or percent") != std::string::npos);
}
