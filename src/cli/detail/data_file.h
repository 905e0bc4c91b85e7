// Batch data: the rows of a `--data` file (load/data_rows.h) as variables.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::cli {

struct DataRow {
  std::map<std::string, std::string> fields;  // only the fields the row gives
  SourceLoc loc;  // where the row starts in the data file
};

// CSV, YAML or JSON rows, chosen by the extension, within the batch limits.
std::optional<std::vector<DataRow>> read_data(const std::string& path, Diagnostics& diags);

}  // namespace galley::cli
