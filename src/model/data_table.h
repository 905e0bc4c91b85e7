// model::DataTable: rows of named fields read from a CSV, YAML or JSON data
// file (load/data_rows.h), as raw text. Read by tables, charts and the
// batch command; formatting a cell is the reader's business.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::model {

struct DataTable {
  // A cell's 1-based line and character column in `source`.
  struct Position {
    int line = 0, col = 0;
  };

  std::string source;                          // the data file, as named
  std::vector<std::string> fields;             // CSV header order; YAML/JSON first-seen order
  std::vector<std::vector<std::string>> rows;  // rows[r][f]: "" where a row lacks the field
  std::vector<SourceLoc> row_locations;        // where each row starts
  // Row-major, rows.size() × fields.size(); {0, 0} where a row lacks the field.
  std::vector<Position> cell_positions;

  std::optional<size_t> field_index(const std::string& name) const {
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i] == name) return i;
    return std::nullopt;
  }
  // Whether row `r` gives field `f` at all (YAML/JSON rows may leave it out).
  bool has(size_t r, size_t f) const { return cell_positions[r * fields.size() + f].line > 0; }
  // Where cell (r, f) is; the row's start where the row lacks the field.
  SourceLoc cell_location(size_t r, size_t f) const {
    const Position p = cell_positions[r * fields.size() + f];
    if (p.line == 0) return row_locations[r];
    return {source, p.line, p.col};
  }
};

}  // namespace galley::model
