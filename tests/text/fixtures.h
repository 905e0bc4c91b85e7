// Font books and paragraphs built by hand for the text tests (the loader is
// not needed to test shaping).
#pragma once
#include <string>

#include "diag/diagnostic.h"
#include "model/layout.h"
#include "resolve/styled.h"
#include "detail/font_book.h"

namespace galley::testing {

inline std::string font_path(const std::string& file) { return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + file; }

// Noto Serif (faces 0-3), then Noto Sans Arabic (4-5), Hebrew (6-7) and
// Devanagari (8-9) regular and bold, the last three as fallbacks.
inline model::Layout sample_layout() {
  model::Layout l;
  l.path = "layout.yaml";
  l.fonts.push_back({"Noto Serif", font_path("NotoSerif-Regular.ttf"), font_path("NotoSerif-Bold.ttf"),
                     font_path("NotoSerif-Italic.ttf"), font_path("NotoSerif-BoldItalic.ttf"),
                     SourceLoc{"layout.yaml", 3, 5}});
  for (const char* script : {"Arabic", "Hebrew", "Devanagari"}) {
    const std::string base = std::string("NotoSans") + script;
    l.fonts.push_back({std::string("Noto Sans ") + script, font_path(base + "-Regular.ttf"),
                       font_path(base + "-Bold.ttf"), "", "", SourceLoc{"layout.yaml", 4, 5}});
    l.fallback.push_back(std::string("Noto Sans ") + script);
  }
  return l;
}

inline resolve::CharStyle char_style(double size = 10) {
  resolve::CharStyle c;
  c.font = "Noto Serif";
  c.size = size;
  c.language = "en-US";
  return c;
}

inline resolve::Paragraph paragraph(const std::string& text, resolve::CharStyle style = char_style()) {
  resolve::Paragraph p;
  p.style.edit().font = style.font;
  p.style.edit().size = style.size;
  p.style.edit().language = style.language;
  p.loc = SourceLoc{"content.yaml", 12, 3};
  p.runs.push_back({text, std::move(style)});
  return p;
}

// The font book of sample_layout(), loaded once per test binary.
inline const text::FontBook& sample_book() {
  static Diagnostics d;
  static text::FontBook b = *text::FontBook::load(sample_layout(), d);
  return b;
}

}  // namespace galley::testing
