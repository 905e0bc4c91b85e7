#include "detail/report.h"

#include <cstdio>
#include "linebreak/linebreak.h"
#include "text/text.h"

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

void print_stats(const base::Figures& figures, int pages, std::FILE* out) {
  using linebreak::percentile;
  const auto s = figures.get<linebreak::Stats>();
  const auto t = [&](std::string_view stage) { return figures.seconds(stage); };
  std::fprintf(out,
               "pages                      %d\n"
               "lines set                  %d\n"
               "justified lines            %d\n"
               "word gap median            %.2f\n"
               "word gap p95               %.2f\n"
               "word gap max               %.2f\n"
               "gap change p95             %.2f\n"
               "font expansion max         %.1f%%\n"
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
               pages, s.lines, s.justified, percentile(s.gaps, 0.5), percentile(s.gaps, 0.95),
               percentile(s.gaps, 1), percentile(s.steps, 0.95), 100 * s.max_expansion, s.hyphenated,
               s.longest_hyphen_run, s.overfull, static_cast<int>(figures.count(text::kMissingGlyphs)),
               t("load"), t("resolve"), t("layout"), t("shape"), t("breaking"), t("preflight"), t("pdf"));
}

}  // namespace galley::cli
