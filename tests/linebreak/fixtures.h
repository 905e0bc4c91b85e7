// Paragraphs shaped by the real text stage, for the line-breaking tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detail/break.h"
#include "detail/stats.h"
#include "model/layout.h"
#include "resolve/styled.h"
#include "text/text.h"

namespace galley::lbtest {

inline std::string font_path(const std::string& file) {
  return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + file;
}

// Noto Serif, with Noto Sans Hebrew as the fallback.
inline const text::FontBook& fonts() {
  static const text::FontBook book = [] {
    model::Layout l;
    l.path = "layout.yaml";
    l.fonts.push_back({"Noto Serif", font_path("NotoSerif-Regular.ttf"), font_path("NotoSerif-Bold.ttf"),
                       font_path("NotoSerif-Italic.ttf"), font_path("NotoSerif-BoldItalic.ttf"),
                       SourceLoc{"layout.yaml", 3, 5}});
    l.fonts.push_back({"Noto Sans Hebrew", font_path("NotoSansHebrew-Regular.ttf"),
                       font_path("NotoSansHebrew-Bold.ttf"), "", "", SourceLoc{"layout.yaml", 4, 5}});
    l.fallback.push_back("Noto Sans Hebrew");
    Diagnostics d;
    auto b = text::FontBook::load(l, d);
    if (!b) throw std::runtime_error("fonts did not load");
    return std::move(*b);
  }();
  return book;
}

inline resolve::Paragraph paragraph(const std::string& text, model::Align align = model::Align::Justify,
                                    bool hyphenate = true, const std::string& language = "en-US") {
  resolve::Paragraph p;
  p.style.edit().font = "Noto Serif";
  p.style.edit().size = 10;
  p.style.edit().leading = 13.5;
  p.style.edit().align = align;
  p.style.edit().hyphenate = hyphenate;
  p.style.edit().language = language;
  p.loc = SourceLoc{"content.yaml", 12, 3};
  resolve::CharStyle c;
  c.font = "Noto Serif";
  c.size = 10;
  c.language = language;
  p.runs.push_back({text, c});
  return p;
}

inline text::ShapedParagraph shaped(const resolve::Paragraph& p) {
  Diagnostics d;
  return text::shape(p, fonts(), d);
}

inline std::vector<linebreak::Line> set(const text::ShapedParagraph& sp, double width,
                                        linebreak::Options opts = {}, Diagnostics* diags = nullptr,
                                        linebreak::Stats* stats = nullptr) {
  Diagnostics local;
  auto lines = linebreak::break_paragraph(sp, fonts(), [width](int) { return width; }, opts, diags ? *diags : local);
  if (stats) *stats = linebreak::measure_lines(lines);
  return lines;
}

// The source text a line shows, from its clusters in visual order of runs.
inline std::string line_text(const linebreak::Line& l) {
  std::string s;
  for (const auto& r : l.runs)
    for (const auto& c : r.clusters) s += r.text_of(c);
  return s;
}

inline double content_width(const linebreak::Line& l) {
  double w = 0;
  for (const auto& r : l.runs) w += r.width;
  return w;
}

// Body paragraphs of the customer's program page (its lines over 150 bytes).
inline std::vector<std::string> seed_paragraphs() {
  std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/tests/linebreak/data/ir-residency-body.txt");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

// A few sentences of the customer's text, for tests that need any paragraph.
inline std::string body_sample() { return seed_paragraphs().at(1); }

}  // namespace galley::lbtest
