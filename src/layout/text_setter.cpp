#include "detail/text_setter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "base/figures.h"
#include "detail/image_fit.h"
#include "linebreak/linebreak.h"
#include "text/text.h"

namespace galley::layout {

TextSetter::TextSetter(const text::FontBook& fonts, bool greedy, Diagnostics& diags)
    : fonts_(fonts), greedy_(greedy), diags_(diags), measure_(base::current_figures() != nullptr) {}

const text::ShapedParagraph& TextSetter::shaped(const resolve::Paragraph& para) {
  auto it = shaped_.find(&para);
  if (it == shaped_.end()) {
    base::ScopedTimer timer("shape");
    // An inline image's errors are reported once, where it is drawn.
    const auto aspect = [](const std::string& path) {
      Diagnostics quiet;
      const std::optional<Image> img = probe_image(path, 1, {}, {}, quiet);
      return img ? 1 / height_at(*img, 1) : 0.0;
    };
    it = shaped_.emplace(&para, text::shape(para, fonts_, diags_, aspect)).first;
  }
  return it->second;
}

const resolve::Paragraph& TextSetter::derived(const void* source, int tag,
                                              const std::function<resolve::Paragraph()>& make) {
  auto& slot = derived_[{source, tag}];
  if (!slot) slot = std::make_unique<resolve::Paragraph>(make());
  return *slot;
}

bool TextSetter::fits(const resolve::Paragraph& para, double width) {
  // A word wider than `width` makes an overfull line; callers that would
  // rather change the text than have it stick out ask first, quietly.
  Diagnostics quiet;
  linebreak::Options opts;
  opts.greedy = greedy_;
  const auto lines = linebreak::break_paragraph(shaped(para), fonts_, width, opts, quiet);
  for (const auto& l : lines)
    if (l.overfull) return false;
  return true;
}

std::vector<linebreak::Line> TextSetter::lines(const resolve::Paragraph& para, double width) {
  linebreak::Options opts;
  opts.greedy = greedy_;
  const text::ShapedParagraph& sp = shaped(para);
  base::ScopedTimer timer("breaking");
  auto out = linebreak::break_paragraph(sp, fonts_, width, opts, diags_);
  if (measure_) stats_.add(linebreak::measure_lines(out));
  return out;
}

namespace {
const text::FaceInfo* face_of(const text::FontBook& fonts, const resolve::ParaStyle& s) {
  const int f = fonts.find(s.font, s.bold, s.italic);
  return f >= 0 ? &fonts.info(f) : nullptr;
}
}  // namespace

double TextSetter::ascent(const resolve::ParaStyle& s) const {
  const text::FaceInfo* f = face_of(fonts_, s);
  return (f ? f->ascender : 0.8) * s.size;
}

double TextSetter::descent(const resolve::ParaStyle& s) const {
  const text::FaceInfo* f = face_of(fonts_, s);
  return (f ? f->descender : 0.2) * s.size;
}

double TextSetter::baseline(const resolve::ParaStyle& s) const {
  const double a = ascent(s), d = descent(s);
  return (s.leading - (a + d)) / 2 + a;
}

double TextSetter::natural_width(const resolve::Paragraph& para) {
  double w = 0;
  for (const auto& run : shaped(para).runs)
    for (const auto& g : run.glyphs) w += g.advance;
  return w + para.style->left_indent + para.style->right_indent + std::max(0.0, para.style->first_indent);
}

double TextSetter::widest_word(const resolve::Paragraph& para) {
  const text::ShapedParagraph& sp = shaped(para);
  // Glyph advances summed per word; words end at spaces and hard breaks
  // (U+00A0 binds, so it is part of the word).
  double widest = 0, word = 0;
  for (const auto& run : sp.runs)
    for (const auto& g : run.glyphs) {
      const char c = g.cluster < sp.text.size() ? sp.text[g.cluster] : ' ';
      if (c == ' ' || c == '\n' || c == '\t') {
        widest = std::max(widest, word);
        word = 0;
      } else {
        word += g.advance;
      }
    }
  return std::max(widest, word) + para.style->left_indent + para.style->right_indent;
}

// The font's own strikeout stroke (OS/2), in the run's colour, across
// the run as set.
Rect TextSetter::strike_line(const linebreak::LineRun& r, double x, double y) const {
  const text::FaceInfo& f = fonts_.info(r.face);
  const double thickness = f.strike_thickness * r.size;
  Rect line;
  line.x = x + r.x;
  line.w = r.width;
  line.y = y - f.strike_position * r.size - thickness / 2;
  line.h = thickness;
  line.fill = r.style->color;
  return line;
}

// An inline image sits on the baseline, as tall as the run's cap height
// (text/'s shape() made the run as wide as that makes it); its description
// is its alternate text.
std::optional<Image> TextSetter::inline_image(const linebreak::LineRun& r, const SourceLoc& loc, double x,
                                              double y) const {
  std::optional<Image> img = probe_image(r.style->image, 1, {}, loc, diags_);
  if (!img || r.width <= 0) return std::nullopt;
  const double h = height_at(*img, r.width);
  img->x = img->clip_x = x + r.x;
  img->y = img->clip_y = y - h;
  img->w = img->clip_w = r.width;
  img->h = img->clip_h = h;
  img->alt = r.style->image_alt;
  return img;
}

void TextSetter::draw(linebreak::Line line, const SourceLoc& loc, double x, double y,
                      std::vector<Item>& items, std::vector<Link>& links) const {
  for (auto& r : line.runs) {
    if (!r.style->image.empty()) {
      if (auto img = inline_image(r, loc, x, y)) items.push_back(std::move(*img));
      continue;
    }
    std::optional<Rect> strike;
    if (r.style->strike && r.width > 0) strike = strike_line(r, x, y);
    GlyphRun g;
    g.font = r.face;
    g.size = r.size;
    g.color = std::move(r.style->color);
    g.x = x + r.x;
    g.y = y - r.style->rise;
    if (r.style->note > 0) notes_.push_back(r.style->note);
    g.glyphs = std::move(r.glyphs);
    g.clusters = std::move(r.clusters);
    g.text = std::move(r.text);
    g.rtl = r.rtl;
    g.loc = loc;
    g.hscale = r.scale;
    std::string words;  // a link's, for its annotation
    if (!r.style->link.empty())
      for (const Cluster& c : g.clusters) words += g.text_of(c);
    if (!g.glyphs.empty() || !g.clusters.empty()) items.push_back(std::move(g));
    if (strike) items.push_back(std::move(*strike));
    if (r.style->link.empty() || r.width <= 0) continue;
    Link l;
    l.x = x + r.x;
    l.y = y - line.ascent;
    l.w = r.width;
    l.h = line.ascent + line.descent;
    if (r.style->link[0] == '#') l.dest = r.style->link.substr(1); else l.uri = r.style->link;
    l.loc = loc;
    l.text = std::move(words);
    // Adjacent runs of one link (a bold word inside it) make one area.
    if (!links.empty()) {
      Link& p = links.back();
      if (p.uri == l.uri && p.dest == l.dest && p.y == l.y && std::abs(p.x + p.w - l.x) < 0.01) {
        p.w += l.w;
        p.text += l.text;
        continue;
      }
    }
    links.push_back(std::move(l));
  }
}

resolve::Paragraph plain_paragraph(const std::string& text, const resolve::ParaStyle& style,
                                   const SourceLoc& loc) {
  resolve::Paragraph p;
  p.style = style;
  p.style.edit().first_indent = p.style.edit().left_indent = p.style.edit().right_indent = 0;
  p.style.edit().align = model::Align::Left;
  p.runs.push_back({text, resolve::char_style(style)});
  p.loc = loc;
  return p;
}

}  // namespace galley::layout
