// Data files: rows of named fields from CSV (RFC 4180: a header line,
// quoted fields with "" escapes, CRLF or LF, an optional byte order mark)
// or YAML/JSON (a list of maps of scalars), chosen by the extension, into
// a model::DataTable. The one reader for table and chart `data:` and the
// batch command's `--data`. Errors are located at the row or field.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "model/data_table.h"

namespace galley::load {

// What one data file may hold (docs/limits.md).
struct DataLimits {
  std::uintmax_t max_bytes = 16u << 20;
  size_t max_rows = 100'000;
  size_t max_fields = 1'000;
  size_t max_field_bytes = 64u << 10;
};
// `data:` of a table or chart: set on pages, so rows and cells are bounded.
inline constexpr DataLimits kBlockData{};
// `--data`: one PDF per row, each row's fields are variables.
inline constexpr DataLimits kBatchData{256u << 20, std::numeric_limits<size_t>::max(), 10'000,
                                       std::numeric_limits<size_t>::max()};

// Reads `path` (a regular file within limits.max_bytes). Confining it to a
// root folder is the caller's (Reader::existing_file, check_inside_root).
// `shown`, when given, names the file in messages and DataTable::source
// (a descriptor's relative path rather than the resolved absolute one).
std::optional<model::DataTable> read_data_table(const std::string& path, Diagnostics& diags,
                                                const DataLimits& limits = kBlockData,
                                                const std::string& shown = {});

// CSV text as above; `path` names it in locations and DataTable::source.
std::optional<model::DataTable> parse_csv(std::string_view text, const std::string& path, Diagnostics& diags,
                                          const DataLimits& limits = kBlockData);

}  // namespace galley::load
