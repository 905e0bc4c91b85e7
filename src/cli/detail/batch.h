// Batch generation: one PDF per data row (or one combined PDF), on N
// threads, with the session (model, layout, fonts) shared by every row.
#pragma once
#include <string>

#include <CLI/CLI.hpp>

#include "pipeline.h"

namespace galley::cli {

struct BatchArgs {
  std::string data;     // rows.csv | rows.yaml | rows.json
  std::string combine;  // one PDF of all rows, instead of one per row
  std::string shard;    // "i/n", 1-based
  int jobs = 0;         // 0: the number of cores
};

void add_batch_options(CLI::App* cmd, BatchArgs& args);

// Builds every row of the shard. Rows that fail are reported with their row
// number; the others are still written. Output names come from
// `output_template` ({{field}}, {{row}}); two rows with the same name are an
// error before anything is written. Returns the process exit code.
int run_batch(const Session& session, const Overrides& overrides, const BatchArgs& args,
              const std::string& output_template, const BuildOptions& opts, Diagnostics& diags);

}  // namespace galley::cli
