// Batch data: rows of named fields from CSV, YAML or JSON.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace galley::cli {

struct DataRow {
  std::map<std::string, std::string> fields;
  SourceLoc loc;  // where the row starts in the data file
};

// CSV (RFC 4180: a header line, quoted fields with "" escapes, CRLF or LF),
// or YAML/JSON (a sequence of maps of scalars), chosen by the extension.
std::optional<std::vector<DataRow>> read_data(const std::string& path, Diagnostics& diags);

// CSV text parsed as above; `path` is only used for locations.
std::optional<std::vector<DataRow>> parse_csv(const std::string& text, const std::string& path,
                                              Diagnostics& diags);

}  // namespace galley::cli
