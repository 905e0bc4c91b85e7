#include "detail/data_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/data_rows.h"
#include "load/load.h"

namespace galley::cli {

std::optional<std::vector<DataRow>> read_data(const std::string& path, Diagnostics& diags) {
  auto table = load::read_data_table(path, diags, load::kBatchData);
  if (!table) return std::nullopt;
  std::vector<DataRow> rows(table->rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    rows[r].loc = table->row_locations[r];
    for (size_t f = 0; f < table->fields.size(); ++f)
      if (table->has(r, f)) rows[r].fields.emplace(table->fields[f], std::move(table->rows[r][f]));
  }
  return rows;
}

}  // namespace galley::cli
