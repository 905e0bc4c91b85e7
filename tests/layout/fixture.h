// Hand-built styled documents and layouts for layout tests: no loader or
// resolver needed, and every number in a test is under its control.
#pragma once
#include <doctest/doctest.h>
#include <png.h>

#include <string>
#include <vector>

#include "layout/layout.h"
#include "resolve/resolve.h"
#include "resolve/styled.h"
#include "text/text.h"

namespace fixture {

using namespace galley;

// A gray PNG of w x h pixels in /tmp, for image blocks.
inline std::string write_png(int w, int h) {
  const std::string path = "/tmp/galley-layout-test-" + std::to_string(w) + "x" + std::to_string(h) + ".png";
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  img.width = static_cast<png_uint_32>(w);
  img.height = static_cast<png_uint_32>(h);
  img.format = PNG_FORMAT_GRAY;
  std::vector<unsigned char> px(static_cast<size_t>(w * h), 128);
  REQUIRE(png_image_write_to_file(&img, path.c_str(), 0, px.data(), 0, nullptr));
  return path;
}

inline std::string font(const std::string& file) { return std::string(GALLEY_SOURCE_DIR) + "/fonts/" + file; }

// Body text: Noto Serif 10/12, left aligned, widows/orphans 2.
inline resolve::ParaStyle body(double size = 10, double leading = 12) {
  resolve::ParaStyle s;
  s.name = "body";
  s.font = "Noto Serif";
  s.size = size;
  s.leading = leading;
  s.align = model::Align::Left;
  return s;
}

inline resolve::Paragraph para(const std::string& text, const resolve::ParaStyle& style, int line,
                               const std::string& link = "") {
  resolve::Paragraph p;
  p.style = style;
  resolve::Run r;
  r.text = text;
  r.style.edit().font = style.font;
  r.style.edit().bold = style.bold;
  r.style.edit().size = style.size;
  r.style.edit().link = link;
  p.runs.push_back(r);
  p.loc = {"content.yaml", line, 5};
  return p;
}

inline resolve::Block block(model::BlockKind kind, const std::string& text, int line,
                            const resolve::ParaStyle& style = body()) {
  resolve::Block b;
  b.kind = kind;
  b.loc = {"content.yaml", line, 3};
  if (!text.empty()) b.paras.push_back(para(text, style, line));
  return b;
}

inline resolve::Block heading(const std::string& text, int line, int level = 1) {
  resolve::ParaStyle h = body(14, 16);
  h.bold = true;
  h.keep_with_next = true;
  h.space_before = 10;
  resolve::Block b = block(model::BlockKind::Heading, text, line, h);
  b.level = level;
  return b;
}

inline model::Length pt(double v) {
  model::Length l;
  l.value = v;
  return l;
}

inline model::Frame frame(const std::string& flow, double x, double y, double w, double h, int columns = 1,
                          double gutter = 12) {
  model::Frame f;
  f.name = flow + "-frame";
  f.flow = flow;
  f.x = pt(x), f.y = pt(y), f.width = pt(w), f.height = pt(h);
  f.columns = columns;
  f.gutter = gutter;
  return f;
}

inline model::Layout make_layout() {
  model::Layout l;
  l.path = "/tmp/layout.yaml";
  l.page.width = 400;
  l.page.height = 300;
  model::FontFamily serif;
  serif.name = "Noto Serif";
  serif.regular = font("NotoSerif-Regular.ttf");
  serif.bold = font("NotoSerif-Bold.ttf");
  serif.italic = font("NotoSerif-Italic.ttf");
  serif.bold_italic = font("NotoSerif-BoldItalic.ttf");
  l.fonts.push_back(serif);
  return l;
}

inline void add_master(model::Layout& l, const std::string& name, std::vector<model::Frame> frames) {
  model::Master m;
  m.name = name;
  m.frames = std::move(frames);
  l.masters[name] = m;
}

inline model::SequenceEntry seq(const std::string& master, bool until_empty = false, int count = 1) {
  model::SequenceEntry e;
  e.master = master;
  e.until_empty = until_empty;
  e.count = count;
  e.loc = {"/tmp/layout.yaml", 40, 5};
  return e;
}

inline resolve::StyledDoc doc(std::vector<resolve::Block> blocks, const std::string& flow = "main") {
  resolve::StyledDoc d;
  resolve::Flow f;
  f.name = flow;
  f.loc = {"content.yaml", 2, 3};
  f.blocks = std::move(blocks);
  d.flows.push_back(std::move(f));
  d.styles["body"] = body();
  return d;
}

// Text of each glyph run on a page, in painting order.
inline std::vector<std::string> run_texts(const layout::Page& p) {
  std::vector<std::string> out;
  for (const auto& it : p.items)
    if (const auto* g = std::get_if<layout::GlyphRun>(&it)) {
      std::string t;
      for (const auto& c : g->clusters) t += g->text_of(c);
      out.push_back(t);
    }
  return out;
}

inline std::vector<const layout::GlyphRun*> runs_of(const layout::Page& p, int source_line) {
  std::vector<const layout::GlyphRun*> out;
  for (const auto& it : p.items)
    if (const auto* g = std::get_if<layout::GlyphRun>(&it))
      if (g->loc.line == source_line) out.push_back(g);
  return out;
}

struct Result {
  std::optional<layout::DisplayList> list;
  Diagnostics diags;
};

// Master text is resolved here, as resolve() would, in the layout's styles.
inline Result run(resolve::StyledDoc d, const model::Layout& l) {
  Result r;
  auto fonts = text::FontBook::load(l, r.diags);
  if (!fonts) return r;
  const resolve::Cascade cascade(l, "en-US", r.diags);
  d.master_text = resolve::master_text(l, d.styles, d.variables, r.diags, &cascade);
  if (r.diags.has_errors()) return r;
  r.list = layout::lay_out(std::move(d), l, *fonts, {}, r.diags);
  return r;
}

}  // namespace fixture
