// model::Chart: a `chart:` block as loaded: its options and its data file's
// rows, the fields it plots known to be there. resolve/ reads the values
// (reporting a cell that is not a number at the cell) and the colours.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_format.h"

#include "model/data_table.h"
#include "model/values.h"

namespace galley::model {

enum class ChartType { Bar, Line, Pie };

struct ChartSeries {
  std::string name;            // the data field, as the legend shows it
  std::vector<double> values;  // one per category (resolve/ reads them)
  SourceLoc loc;               // where `y:` names it
};

struct Chart {
  ChartType type = ChartType::Bar;
  std::shared_ptr<const DataTable> data;  // null when it could not be read
  size_t x_field = 0;                     // the categories' field in `data`
  std::vector<size_t> y_fields;           // the values' fields (a pie has one)
  std::vector<SourceLoc> y_locs;          // where `y:` names each
  bool stacked = false;                  // bar: series on top of each other
  bool horizontal = false;               // bar: bars run left to right
  double hole = 0;                       // pie: donut hole, a fraction of the radius
  std::optional<bool> legend;            // unset: shown when it tells something
  bool labels = false;                   // bar, line: each value printed at its bar or point
  std::vector<std::string> colors;       // swatch names of the layout's `colors:`
  std::vector<SourceLoc> color_locs;
  Text x_label, y_label;                 // axis titles; unset: the field names
  bool x_label_set = false, y_label_set = false;
  std::optional<Length> width, height;
  double aspect = 0;                     // width / height; 0: the type's default
  CellFormat format;                     // values and ticks; Text: the language's plain numbers
  std::string alt;                       // empty: a summary of the data
  Text caption;
  SourceLoc loc;
};

}  // namespace galley::model
