// Hand-built documents and layouts for resolve/ tests (no loader needed).
#pragma once
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "resolve/resolve.h"

namespace galley::resolve::testing {

inline model::Text text(std::string s, int line = 3, int col = 14) {
  return model::Text{std::move(s), SourceLoc{"content.yaml", line, col}};
}

inline model::Style style(const std::string& name, const std::string& base = "") {
  model::Style s;
  s.name = name;
  s.loc = {"layout.yaml", 10, 3};
  s.base = base;
  s.base_loc = {"layout.yaml", 10, 12};
  return s;
}

inline model::Block paragraph(std::string s, const std::string& style_name = "") {
  model::Block b;
  b.kind = model::BlockKind::Paragraph;
  b.loc = {"content.yaml", 3, 5};
  b.text = text(std::move(s));
  b.style = style_name;
  b.style_loc = {"content.yaml", 4, 12};
  return b;
}

inline model::Block heading(std::string s, int level) {
  model::Block b = paragraph(std::move(s));
  b.kind = model::BlockKind::Heading;
  b.level = level;
  return b;
}

inline model::Document document(std::vector<model::Block> blocks) {
  model::Document d;
  d.path = "content.yaml";
  d.meta.title = text("A Title", 2, 10);
  d.flows.push_back(model::Flow{"main",
                                {"content.yaml", 5, 3},
                                {std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end())}});
  return d;
}

inline model::Layout layout_with(std::vector<model::Style> styles) {
  model::Layout l;
  l.path = "layout.yaml";
  model::FontFamily serif;
  serif.name = "Noto Serif";
  serif.regular = "NotoSerif-Regular.ttf";
  l.fonts.push_back(serif);
  for (model::Style& s : styles) l.styles[s.name] = std::move(s);
  return l;
}

// Resolves one flow of `blocks` against `layout`; fails the test on errors.
inline StyledDoc styled(std::vector<model::Block> blocks, const model::Layout& layout,
                        const std::vector<std::pair<std::string, std::string>>& overrides = {}) {
  const model::Document d = document(std::move(blocks));
  Diagnostics diags;
  auto out = galley::resolve::resolve(d, layout, make_variables(d, overrides), diags);
  for (const auto& x : diags.all()) INFO(format(x));
  REQUIRE(out.has_value());
  return *out;
}

inline std::string messages(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += format(x) + "\n";
  return s;
}

}  // namespace galley::resolve::testing
