// Line breaking on pathological paragraphs: a 1 MB word and 200,000 words.
// Not a test: prints wall time and peak RSS so a regression to quadratic
// time or memory shows. Glyphs are synthetic (one per byte, fixed advances),
// so only the line breaker is measured.
//   bench_linebreak            every case, in one process
//   bench_linebreak N          case N only (1, 2 or 3), so each can run under
//                              `timeout` and report its own peak RSS
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "linebreak/linebreak.h"

using namespace galley;

namespace {

text::ShapedParagraph synthetic(std::string text, bool hyphenate) {
  text::ShapedParagraph p;
  p.style.edit().align = model::Align::Justify;
  p.style.edit().hyphenate = hyphenate;
  p.style.edit().language = "en-US";
  p.loc = SourceLoc{"bench.yaml", 1, 1};
  text::ShapedRun run;
  run.size = 10;
  run.ascent = 8;
  run.descent = 2;
  run.text_end = static_cast<uint32_t>(text.size());
  run.glyphs.reserve(text.size());
  for (uint32_t i = 0; i < text.size(); ++i)
    run.glyphs.push_back({static_cast<uint32_t>(text[i]), i, text[i] == ' ' ? 2.6 : 5.0, 0, 0});
  p.runs.push_back(std::move(run));
  p.text = std::move(text);
  return p;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void run(const char* name, const text::ShapedParagraph& para, const linebreak::Options& opts) {
  Diagnostics diags;
  const auto hyphen = [](int) { return linebreak::HyphenGlyph{'-', 0.33}; };
  const auto start = std::chrono::steady_clock::now();
  const auto lines = linebreak::break_paragraph(para, hyphen, [](int) { return 240.0; }, opts, diags);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const linebreak::Stats stats = linebreak::measure_lines(lines);
  std::printf("%-34s %9.1f ms  %8zu lines  %6d overfull  peak RSS %ld MB\n", name, ms, lines.size(),
              stats.overfull, peak_rss_kb() / 1024);
}

}  // namespace

int main(int argc, char** argv) {
  const int only = argc > 1 ? std::atoi(argv[1]) : 0;
  if (only == 0 || only == 1)
    run("1 MB without a space", synthetic(std::string(1 << 20, 'x'), true), {});
  if (only == 1) return 0;

  static const char* words[] = {"galley", "brochure", "typography", "interventional", "radiology",
                                "a", "of", "residency", "paragraph", "hyphenation"};
  std::string text;
  for (int i = 0; i < 200000; ++i) {
    if (i) text += ' ';
    text += words[(i * 7) % 10];
  }
  const auto many = synthetic(text, true);
  if (only == 0 || only == 2) run("200,000 words (greedy above 5,000)", many, {});
  linebreak::Options total_fit;
  total_fit.greedy_above_words = static_cast<size_t>(-1);
  if (only == 0 || only == 3) run("200,000 words, total fit", many, total_fit);
  return 0;
}
