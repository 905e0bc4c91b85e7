#include "cli/report.h"

#include <cstdio>

namespace galley::cli {

std::string printable(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

void print_diagnostics(const Diagnostics& diags, std::FILE* out) {
  for (const auto& d : diags.all()) std::fprintf(out, "%s\n", printable(format(d)).c_str());
}

void print_stats(const linebreak::Stats& s, int missing_glyphs, const Timings& t, int pages,
                 std::FILE* out) {
  double mean = s.justified > 0 ? s.sum_ratio / s.justified : 0.0;
  std::fprintf(out,
               "pages                      %d\n"
               "lines set                  %d\n"
               "justified lines            %d\n"
               "mean stretch ratio         %.3f\n"
               "max stretch ratio          %.3f\n"
               "max shrink ratio           %.3f\n"
               "loose/tight lines (|r|>1)  %d/%d\n"
               "hyphenated lines           %d\n"
               "longest hyphen run         %d\n"
               "overfull lines             %d\n"
               "characters without glyph   %d\n"
               "time load                  %.4f s\n"
               "time resolve               %.4f s\n"
               "time layout                %.4f s\n"
               "  of which shaping         %.4f s\n"
               "  of which line breaking   %.4f s\n"
               "time preflight             %.4f s\n"
               "time pdf                   %.4f s\n",
               pages, s.lines, s.justified, mean, s.max_stretch, s.max_shrink, s.loose, s.tight,
               s.hyphenated, s.longest_hyphen_run, s.overfull, missing_glyphs, t.load, t.resolve,
               t.layout, t.shape, t.breaking, t.preflight, t.pdf);
}

}  // namespace galley::cli
