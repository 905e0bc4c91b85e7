#include "detail/cascade.h"

#include <type_traits>
#include <vector>

#include "detail/nearest.h"

namespace galley::resolve {

namespace {

template <class T>
void inherit(std::optional<T>& field, const std::optional<T>& from) {
  if (!field) field = from;
}

// A value a style sets over `to`; an empty name sets nothing.
template <class T>
void set(T& to, const std::optional<T>& from) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (from && !from->empty()) to = *from;
  } else {
    if (from) to = *from;
  }
}

// `over` with every field it leaves unset taken from `base`.
model::Style merge(const model::Style& base, const model::Style& over) {
  model::Style s = over;
  // A size set without a leading keeps the base's line spacing ratio, so
  // `h1: {base: body, size: 16pt}` does not set 16pt type on 13.5pt lines.
  if (over.size && !over.leading && base.leading && base.size && *base.size > 0)
    s.leading = *base.leading / *base.size * *over.size;
  inherit(s.leading, base.leading);
  inherit(s.align, base.align);
  if (!over.color) {
    s.color = base.color;
    s.color_value = base.color_value;
  }
  if (!over.background) {
    s.background = base.background;
    s.background_value = base.background_value;
  }
  if (!over.border) {
    s.border = base.border;
    s.border_value = base.border_value;
  }
  inherit(s.emergency_stretch, base.emergency_stretch);
  inherit(s.expansion, base.expansion);
#define GALLEY_STYLE_INHERIT(key, member, type, fallback, read) inherit(s.member, base.member);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_INHERIT)
#undef GALLEY_STYLE_INHERIT
  return s;
}

// A footnote reference mark is set this much smaller than its text.
constexpr double kReferenceScale = 0.65;

// Built-in line spacing: 1.3 × the size, as the default 10/13.
constexpr double kLeadingRatio = 1.3;

struct Emphasis {
  const char* name;
  double scale;
  bool bold;
  bool heading;
};

// How a default style the layout lacks is derived from body.
constexpr Emphasis kDerived[] = {
    {"title", 2.0, true, true}, {"h1", 1.6, true, true},     {"h2", 1.3, true, true},
    {"h3", 1.15, true, true},   {"h4", 1.0, true, true},     {"th", 1.0, true, false},
    {"caption", 0.9, false, false}, {"header", 0.85, false, false}, {"footer", 0.85, false, false},
    {"chart", 0.8, false, false}, {"footnote", 0.8, false, false},
};

bool is_mono(const std::string& family) {
  return family.find("Mono") != std::string::npos || family.find("mono") != std::string::npos ||
         family.find("Code") != std::string::npos || family.find("Courier") != std::string::npos;
}

}  // namespace

Cascade::Cascade(const model::Layout& layout, const std::string& language, Diagnostics& diags)
    : colors_(layout.colors), language_(language) {
  for (const auto& f : layout.fonts) {
    if (f.name == "Noto Mono" || (mono_font_.empty() && is_mono(f.name))) mono_font_ = f.name;
  }
  std::map<std::string, int> state;
  for (const auto& kv : layout.styles) flatten(layout, kv.first, state, diags);
  for (const auto& [name, s] : flat_) resolved_[name] = resolve_style(name, s, diags);
}

const model::Style* Cascade::flatten(const model::Layout& layout, const std::string& name,
                                     std::map<std::string, int>& state, Diagnostics& diags) {
  // Walks the chain iteratively (a hostile layout may chain thousands of
  // styles) until a style already flattened, an unknown base or a cycle.
  std::vector<const model::Style*> chain;
  const model::Style* below = nullptr;
  std::string cur = name;
  while (true) {
    auto it = flat_.find(cur);
    if (it != flat_.end()) {
      below = &it->second;
      break;
    }
    const model::Style& s = layout.styles.at(cur);
    state[cur] = 1;
    chain.push_back(&s);
    if (s.base.empty()) break;
    if (!layout.styles.count(s.base)) {
      std::vector<std::string> names;
      for (const auto& kv : layout.styles) names.push_back(kv.first);
      diags.error(s.base_loc, "unknown base style '" + s.base + "'" + did_you_mean(s.base, names));
      break;
    }
    if (state[s.base] == 1) {
      std::string cycle;
      for (const model::Style* c : chain)
        if (!cycle.empty() || c->name == s.base) cycle += c->name + " → ";
      diags.error(s.base_loc, "style cycle: " + cycle + s.base);
      break;
    }
    cur = s.base;
  }
  model::Style acc = below ? *below : model::Style{};
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    acc = merge(acc, **it);
    state[(*it)->name] = 2;
    flat_[(*it)->name] = acc;
  }
  return &flat_.at(name);
}

std::optional<Color> Cascade::color(const std::optional<std::string>& name, const std::optional<Color>& value,
                                    const SourceLoc& loc, Diagnostics& diags) const {
  if (value) return value;
  if (!name) return std::nullopt;
  auto it = colors_.find(*name);
  if (it != colors_.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& kv : colors_) names.push_back(kv.first);
  diags.error(loc, "unknown colour '" + *name + "'" + did_you_mean(*name, names));
  return std::nullopt;
}

ParaStyle Cascade::resolve_style(const std::string& name, const model::Style& s, Diagnostics& diags) const {
  ParaStyle p;
  p.language = language_;
  return over(p, name, s, diags);
}

ParaStyle Cascade::over(const ParaStyle& from, const std::string& name, const model::Style& s,
                        Diagnostics& diags) const {
  ParaStyle p = from;
  p.name = name;
#define GALLEY_STYLE_SET(key, member, type, fallback, read) set(p.member, s.member);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_SET)
#undef GALLEY_STYLE_SET
  // A size set without a leading keeps the line spacing ratio of what it
  // overrides, as merge() does along a base chain.
  const double ratio = from.size > 0 ? from.leading / from.size : kLeadingRatio;
  p.leading = s.leading && *s.leading > 0 ? *s.leading : s.size ? p.size * ratio : p.leading;
  if (s.align) p.align = *s.align;
  const SourceLoc& at = s.loc;
  if (auto c = color(s.color, s.color_value, at, diags)) p.color = *c;
  p.background = color(s.background, s.background_value, at, diags);
  p.border = color(s.border, s.border_value, at, diags);
  if (s.emergency_stretch) p.emergency_stretch = *s.emergency_stretch;
  if (s.expansion) p.expansion = *s.expansion;
  return p;
}

const model::Style* Cascade::flat(const std::string& name) const {
  auto it = flat_.find(name);
  return it == flat_.end() ? nullptr : &it->second;
}

const ParaStyle* Cascade::para(const std::string& name) const {
  auto it = resolved_.find(name);
  return it == resolved_.end() ? nullptr : &it->second;
}

ParaStyle Cascade::fallback(const std::string& name) const {
  if (const ParaStyle* p = para(name)) return *p;
  ParaStyle p;
  if (const ParaStyle* body = para("body")) {
    p = *body;
  } else {
    p.language = language_;
  }
  p.name = name;
  for (const Emphasis& e : kDerived) {
    if (name != e.name) continue;
    p.size *= e.scale;
    p.leading *= e.scale;
    p.bold = p.bold || e.bold;
    if (e.heading) {
      p.align = Align::Left;
      p.hyphenate = false;
      p.keep_with_next = true;
      p.first_indent = 0;
    }
  }
  return p;
}

std::optional<ParaStyle> Cascade::for_kind(const std::string& name, const std::string& kind) const {
  const model::Style* s = flat(name);
  if (!s) return std::nullopt;
  if (name == kind) return *para(name);
  // Colour errors were reported when the style was resolved on its own.
  Diagnostics reported_when_resolved;
  return over(fallback(kind), name, *s, reported_when_resolved);
}

std::map<std::string, ParaStyle> Cascade::with_defaults() const {
  std::map<std::string, ParaStyle> out = resolved_;
  for (const char* name : {"body", "title", "h1", "h2", "h3", "h4", "list", "quote", "quote-by", "callout",
                           "caption", "table", "th", "td", "toc", "header", "footer", "chart", "footnote"})
    if (!out.count(name)) out[name] = fallback(name);
  return out;
}

void Cascade::apply(const std::string& name, CharStyle& c) const {
  const model::Style* s = flat(name);
  if (!s) {
    if (name == "strong") c.bold = true;
    if (name == "emphasis") c.italic = !c.italic;
    if (name == "footnote-ref") c.size *= kReferenceScale;
    if (name == "strike") c.strike = true;
    if (name == "code") {
      c.code = true;
      if (!mono_font_.empty()) c.font = mono_font_;
    }
    return;
  }
  if (name == "code") {
    c.code = true;
    if (!s->font && !mono_font_.empty()) c.font = mono_font_;
  }
  // The line is what `~~` means; a `strike` style adds to it (a colour).
  if (name == "strike") c.strike = true;
#define GALLEY_STYLE_SET(key, member, type, fallback, read) set(c.member, s->member);
  GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_SET)
#undef GALLEY_STYLE_SET
  Diagnostics reported_when_resolved;
  if (auto col = color(s->color, s->color_value, s->loc, reported_when_resolved)) c.color = *col;
}

}  // namespace galley::resolve
