// What the CLI prints besides the PDF: diagnostics and `--stats`.
#pragma once
#include <cstdio>

#include "pipeline.h"
#include "diag/diagnostic.h"

namespace galley::cli {

// `text` with control characters shown as \xNN, so a message quoting input
// is neither cut at a NUL nor able to drive the terminal.
std::string printable(const std::string& text);

// Prints every diagnostic to `out`, one `file:line:col: severity: message` a
// line, printable().
void print_diagnostics(const Diagnostics& diags, std::FILE* out);

// The --stats table: line quality figures and stage timings.
void print_stats(const linebreak::Stats& stats, int missing_glyphs, const Timings& t, int pages,
                 std::FILE* out);

}  // namespace galley::cli
