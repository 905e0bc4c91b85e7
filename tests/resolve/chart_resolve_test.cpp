#include <doctest/doctest.h>

#include "resolve/chart.h"

using namespace galley;

namespace {

model::Chart chart_of(model::ChartType type, std::vector<std::string> fields,
                      std::vector<std::vector<std::string>> rows, std::vector<size_t> y) {
  auto t = std::make_shared<model::DataTable>();
  t->source = "d.csv";
  t->fields = std::move(fields);
  t->rows = std::move(rows);
  for (size_t r = 0; r < t->rows.size(); ++r) {
    t->row_locations.push_back({"d.csv", static_cast<int>(r + 2), 1});
    for (size_t f = 0; f < t->fields.size(); ++f)
      t->cell_positions.push_back({static_cast<int>(r + 2), static_cast<int>(1 + 5 * f)});
  }
  model::Chart c;
  c.type = type;
  c.data = t;
  c.y_fields = y;
  c.y_locs.assign(y.size(), {"c.yaml", 5, 9});
  return c;
}

model::Color cmyk(double c, double m, double y, double k, int line) {
  model::Color out;
  out.space = model::Color::Space::Cmyk;
  out.v = {c, m, y, k};
  out.loc = {"l.yaml", line, 3};
  return out;
}

}  // namespace

TEST_CASE("chart colours: the layout's in written order, then lighter rounds; spot and CMYK kept") {
  model::Layout layout;
  layout.colors["zz-first"] = cmyk(1, 0.5, 0, 0, 10);
  layout.colors["aa-second"] = cmyk(0, 0.5, 1, 0, 11);
  layout.colors["paper"] = cmyk(0, 0, 0, 0.02, 12);  // nearly paper: left out
  Diagnostics d;
  auto c = chart_of(model::ChartType::Bar, {"Y", "A", "B", "C"}, {{"2020", "1", "2", "3"}}, {1, 2, 3});
  auto r = resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(r->colors.size() == 3);
  CHECK(r->colors[0].v == std::array<double, 4>{1, 0.5, 0, 0});
  CHECK(r->colors[1].v == std::array<double, 4>{0, 0.5, 1, 0});
  CHECK(r->colors[2].space == model::Color::Space::Cmyk);
  CHECK(r->colors[2].v[0] == doctest::Approx(0.65));
  CHECK(r->series[2].values == std::vector<double>{3});

  layout.colors["chart-1"] = cmyk(0.1, 0.2, 0.3, 0.4, 13);
  layout.colors["chart-1"].space = model::Color::Space::Spot;
  layout.colors["chart-1"].spot_name = "PANTONE X";
  r = resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  CHECK(r->colors[0].spot_name == "PANTONE X");
  CHECK(r->colors[1].spot_name == "PANTONE X");
  CHECK(r->colors[1].tint == doctest::Approx(0.65));
}

TEST_CASE("chart summary: what the chart shows, for its alt text") {
  model::Layout layout;
  Diagnostics d;
  auto c = chart_of(model::ChartType::Bar, {"Year", "Cases"},
                    {{"2019", "412"}, {"2020", "1398.5"}, {"2024", "655"}}, {1});
  auto r = resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  CHECK(resolve::chart_summary(*r) == "Bar chart of Cases by Year, 2019\u20132024: 412 to 1,398.5.");
  c = chart_of(model::ChartType::Pie, {"Kind", "Share"}, {{"A", "1"}, {"B", "3"}}, {1});
  c.hole = 0.5;
  r = resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  CHECK(resolve::chart_summary(*r) == "Donut chart of Share: A 1 (25 %), B 3 (75 %).");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("chart values: the first bad cell of each field is an error at the cell") {
  model::Layout layout;
  Diagnostics d;
  auto c = chart_of(model::ChartType::Bar, {"Year", "A", "B"},
                    {{"2019", "1", ""}, {"2020", "x", "1e400"}, {"2021", "y", "3"}}, {1, 2});
  resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  std::vector<std::string> got;
  for (const auto& x : d.all()) got.push_back(format(x));
  CHECK(got == std::vector<std::string>{
                   "d.csv:3:6: error: field 'A' of row 2 is 'x', not a number",
                   "d.csv:2:11: error: field 'B' of row 1 is empty; a chart needs a number there",
               });
}

TEST_CASE("chart labels: at most 60 characters of a cell or field name") {
  model::Layout layout;
  Diagnostics d;
  const std::string long_name = std::string(59, 'x') + "\u00e9\u00e9\u00e9";
  auto c = chart_of(model::ChartType::Bar, {"Year", long_name}, {{std::string(70000, 'y'), "1"}}, {1});
  auto r = resolve::resolve_chart(c, layout, resolve::ParaStyle{}, d);
  CHECK(r->categories[0] == std::string(60, 'y') + "\u2026");
  CHECK(r->series[0].name == std::string(59, 'x') + "\u00e9\u2026");
}

TEST_CASE("chart labels follow the chart's format: percent, fixed decimals, no grouping") {
  resolve::Chart c;
  c.text.language = "en-US";
  CHECK(resolve::chart_value(c, 1234.5, -1) == "1,234.5");
  CHECK(resolve::chart_value(c, 0.2, 1) == "0.2");
  c.format.kind = model::CellFormat::Kind::Percent;
  CHECK(resolve::chart_value(c, 0.25, -1) == "25%");
  CHECK(resolve::chart_value(c, 0.2, 1) == "20%");  // a tick of step 0.1: no decimals left once ×100
  c.format.decimals = 1;
  CHECK(resolve::chart_value(c, 0.25, -1) == "25.0%");
  c.format = {};
  c.format.kind = model::CellFormat::Kind::Number;
  c.format.decimals = 2;
  c.format.grouping = false;
  CHECK(resolve::chart_value(c, 1234.5, -1) == "1234.50");
}
