// What the CLI prints besides the PDF: diagnostics and `--stats`.
#pragma once
#include <cstdio>

#include "pipeline.h"
#include "base/figures.h"
#include "diag/diagnostic.h"

namespace galley::cli {

// `text` with control characters shown as \xNN, so a message quoting input
// is neither cut at a NUL nor able to drive the terminal.
std::string printable(const std::string& text);

// Prints every diagnostic to `out`, one `file:line:col: severity: message` a
// line, printable().
void print_diagnostics(const Diagnostics& diags, std::FILE* out);

// The --stats table: the line quality, missing glyphs and stage times a
// build recorded in `figures`.
void print_stats(const base::Figures& figures, int pages, std::FILE* out);

}  // namespace galley::cli
