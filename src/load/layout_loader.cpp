// load_layout: the layout descriptor → model::Layout, with every reference
// inside the layout (fonts, colours, styles, masters, flows) checked.
#include <algorithm>
#include <cctype>
#include <set>
#include <type_traits>

#include "detail/colors.h"
#include "load/load.h"
#include "detail/reader.h"
#include "detail/style_keys.h"
#include "detail/suggest.h"
#include "detail/yaml_source.h"
#include "detail/system_fonts.h"

namespace galley::load {
namespace {

using model::Length;

struct PaperSize {
  std::string_view name;
  double width, height;  // points, portrait
};

constexpr double mm = 72.0 / 25.4;
constexpr PaperSize kPaperSizes[] = {
    {"letter", 612, 792},           {"legal", 612, 1008},
    {"tabloid", 792, 1224},         {"a3", 297 * mm, 420 * mm},
    {"a4", 210 * mm, 297 * mm},     {"a5", 148 * mm, 210 * mm},
};

bool valid_layout_name(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' && c != ' ') return false;
  return true;
}

// An OpenType feature setting as HarfBuzz reads it: `smcp`, `-liga`, `+kern`,
// `ss01=1`.
bool valid_feature(const std::string& f) {
  size_t i = (!f.empty() && (f[0] == '+' || f[0] == '-')) ? 1 : 0;
  size_t tag_end = f.find('=', i);
  std::string tag = f.substr(i, tag_end == std::string::npos ? std::string::npos : tag_end - i);
  if (tag.empty() || tag.size() > 4) return false;
  for (char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  if (tag_end == std::string::npos) return true;
  std::string value = f.substr(tag_end + 1);
  if (value.empty() || value.size() > 5) return false;
  for (char c : value)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return i == 0;
}

class LayoutLoader {
 public:
  LayoutLoader(const std::string& path, Diagnostics& diags, std::shared_ptr<const SourceText> text,
               const std::string& root)
      : r_(path, diags, std::move(text), root), root_(root) {}

  model::Layout load(const Node& root) {
    model::Layout l;
    l.path = r_.path();
    r_.map(root, "the layout descriptor",
           {"galley", "page", "fonts", "fallback", "colors", "styles", "masters", "sequence", "fit", "output",
            "omit-flows", "running-heads", "footnotes"});
    check_version(root);
    if (const auto n = root["page"]) load_page(n, l.page);
    else missing("page", "the page size, e.g. page: {size: letter}");
    if (const auto n = root["colors"]) load_colors(n, l.colors);
    if (const auto n = root["fonts"]) load_fonts(n, l.fonts);
    else missing("fonts", "font families and their files");
    if (const auto n = root["fallback"]) load_fallback(n, l);
    if (const auto n = root["styles"]) load_styles(n, l);
    if (const auto n = root["masters"]) load_masters(n, l);
    else missing("masters", "the master pages and their frames");
    if (const auto n = root["sequence"]) load_sequence(n, l);
    else missing("sequence", "the pages in order, e.g. sequence: [{master: inside, repeat: until-empty}]");
    if (const auto n = root["fit"]) load_fit(n, l);
    if (const auto n = root["output"]) load_output(n, l.output);
    if (const auto n = root["omit-flows"]) load_omit_flows(n, l);
    if (const auto n = root["running-heads"]) load_running_heads(n, l.running_heads);
    if (const auto n = root["footnotes"]) load_footnotes(n, l);
    check_style_references(l);
    return l;
  }

 private:
  void missing(std::string_view key, std::string_view what) {
    r_.diags().error({r_.path(), 0, 0}, "missing required key '" + std::string(key) + "' (" + std::string(what) + ")");
  }

  void check_version(const Node& root) {
    const auto n = root["galley"];
    if (!n) {
      missing("galley", "the format version: galley: 1");
      return;
    }
    if (auto v = r_.string(n, "'galley'"); v && *v != "1")
      r_.error(n, "unsupported format version '" + v->substr(0, 20) + "' (this galley reads version 1)");
  }

  void load_page(const Node& n, model::PageSetup& page) {
    page.loc = r_.loc(n);
    if (!r_.map(n, "page", {"size", "orientation", "bleed", "marks", "slug"})) return;
    if (const auto s = n["size"]) {
      if (s.IsMap()) {
        r_.map(s, "page size", {"width", "height"});
        if (const auto w = s["width"]) page.width = r_.points(w, "page 'width'", LengthRule::Positive).value_or(612);
        else r_.error(s, "missing required key 'width' in page size");
        if (const auto h = s["height"]) page.height = r_.points(h, "page 'height'", LengthRule::Positive).value_or(792);
        else r_.error(s, "missing required key 'height' in page size");
      } else if (auto name = r_.choice(s, "page size", {"letter", "legal", "tabloid", "a3", "a4", "a5"})) {
        for (const auto& p : kPaperSizes)
          if (p.name == *name) page.width = p.width, page.height = p.height;
      }
    } else {
      r_.error(n, "missing required key 'size' in page (letter, legal, tabloid, a3, a4, a5 or {width, height})");
    }
    if (const auto o = n["orientation"]) {
      if (auto c = r_.choice(o, "orientation", {"portrait", "landscape"})) {
        page.landscape = *c == "landscape";
        bool wide = page.width > page.height;
        if (page.landscape != wide) std::swap(page.width, page.height);
      }
    }
    if (const auto b = n["bleed"]) page.bleed = r_.points(b, "'bleed'").value_or(0);
    if (const auto m = n["marks"]) {
      for (const auto& mark : m.IsSequence() ? m : Node()) {
        if (auto c = r_.choice(mark, "mark", {"crop", "registration"})) {
          if (*c == "crop") page.crop_marks = true;
          else page.registration_marks = true;
        }
      }
      if (!m.IsSequence()) r_.sequence(m, "'marks'");
    }
    // Marks sit outside the bleed: without room for them they would be cut
    // off the sheet, so marks bring a default slug.
    if (page.crop_marks || page.registration_marks) page.slug = 18;
    if (const auto s = n["slug"]) page.slug = r_.points(s, "'slug'").value_or(page.slug);
  }

  void load_colors(const Node& n, std::map<std::string, model::Color>& colors) {
    if (!r_.named_map(n, "colors") || !n.IsMap()) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string name = it->first.Scalar();
      if (!valid_layout_name(name)) r_.error(it->first, "colour names use letters, digits, spaces, '_', '-' and '.'");
      // A colour whose value is wrong is still defined, so the styles that
      // use it are not reported too.
      auto c = parse_color_literal(r_, it->second, "colour '" + name + "'");
      colors[name] = c ? *c : model::Color::black();
    }
  }

  void load_fonts(const Node& n, std::vector<model::FontFamily>& fonts) {
    if (!r_.named_map(n, "fonts") || !n.IsMap()) return;
    if (n.size() == 0) r_.error(n, "'fonts' is empty: give at least one family");
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::FontFamily f;
      f.name = it->first.Scalar();
      f.loc = r_.loc(it->first);
      const Node faces = it->second;
      std::string what = "font family '" + f.name + "'";
      if (faces.IsScalar()) {
        f.regular = font_file(faces);
      } else if (r_.map(faces, what, {"regular", "bold", "italic", "bold-italic", "system"})) {
        if (const auto v = faces["system"]) {
          load_system_family(v, faces, f);
        } else {
          if (const auto v = faces["regular"]) f.regular = font_file(v);
          else r_.error(faces, "missing required key 'regular' in " + what);
          if (const auto v = faces["bold"]) f.bold = font_file(v);
          if (const auto v = faces["italic"]) f.italic = font_file(v);
          if (const auto v = faces["bold-italic"]) f.bold_italic = font_file(v);
        }
      }
      fonts.push_back(std::move(f));
    }
  }

  // A family written as a name, not a file, gets told how to name an
  // installed one.
  std::string font_file(const Node& n) {
    const bool path_like = n.IsScalar() && (n.Scalar().find('/') != std::string::npos ||
                                            n.Scalar().find('.') != std::string::npos);
    if (n.IsScalar() && !n.Scalar().empty() && !path_like) {
      r_.error(n, "font file '" + n.Scalar().substr(0, 60) + "' not found: fonts are given as files (" +
                      "installed fonts are not searched for a file name); to use an installed family, write {system: " +
                      n.Scalar().substr(0, 60) + "}");
      return {};
    }
    return r_.existing_file(n, "font file").value_or("");
  }

  // {system: NAME}: an installed family, found now (load/detail/system_fonts.h).
  void load_system_family(const Node& v, const Node& faces, model::FontFamily& f) {
    for (const char* k : {"regular", "bold", "italic", "bold-italic"})
      if (faces[k]) r_.error(faces[k], "'" + std::string(k) + "' and 'system' both name the faces: give one or the other");
    auto name = r_.string(v, "'system'");
    if (!name) return;
    if (!root_.empty()) {
      r_.error(v, "installed fonts are not searched with a root folder (--root, galley serve): give the family's "
                  "font files inside the folder");
      return;
    }
    auto found = find_system_family(*name);
    if (!found) {
      r_.error(v, "no installed font family '" + name->substr(0, 60) +
                      "' (fontconfig knows none by that name; `fc-list : family` lists those installed)");
      return;
    }
    f.regular = found->regular;
    f.bold = found->bold;
    f.italic = found->italic;
    f.bold_italic = found->bold_italic;
  }

  bool check_font(const Node& n, const std::string& family, const model::Layout& l) {
    for (const auto& f : l.fonts)
      if (f.name == family) return true;
    std::string hint = r_.hint(family, [&] {
      std::vector<std::string> names;
      for (const auto& f : l.fonts) names.push_back(f.name);
      return names;
    });
    r_.error(n, "unknown font family '" + family.substr(0, 60) + "'" +
                    (hint.empty() ? " (define it under 'fonts:')" : hint));
    return false;
  }

  void load_fallback(const Node& n, model::Layout& l) {
    if (!r_.sequence(n, "'fallback'")) return;
    for (const auto& item : n)
      if (auto s = r_.string(item, "a fallback family"); s && check_font(item, *s, l)) l.fallback.push_back(*s);
  }

  // Flows this layout leaves out on purpose (a one-page handout of a
  // brochure's content): no "placed by no frame" warning for them.
  void load_omit_flows(const Node& n, model::Layout& l) {
    if (!r_.sequence(n, "'omit-flows'")) return;
    for (const auto& item : n)
      if (auto s = r_.string(item, "a flow name")) l.omit_flows.push_back(*s);
  }

  std::optional<std::string> color_name(const Node& v, std::optional<model::Color>& value,
                                        const std::string& what, const model::Layout& l) {
    value = color_ref(r_, v, what, l.colors);
    return v.IsScalar() ? std::optional(v.Scalar()) : std::optional(std::string("(literal)"));
  }

  void load_styles(const Node& n, model::Layout& l) {
    if (!r_.named_map(n, "styles") || !n.IsMap()) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::Style s;
      s.name = it->first.Scalar();
      s.loc = r_.loc(it->first);
      if (!valid_layout_name(s.name)) r_.error(it->first, "style names use letters, digits, spaces, '_', '-' and '.'");
      load_style(it->second, s, l);
      l.styles[s.name] = std::move(s);
    }
  }

  // Font expansion as a percentage of each glyph's width, each way; pdfTeX's
  // useful range ends at a few percent, beyond which letters look distorted.
  std::optional<double> expansion(const Node& v) {
    const auto l = r_.length(v, "'expansion'", LengthRule::NonNegativeOrPercent);
    if (!l) return std::nullopt;
    if (!l->percent && l->value != 0) {
      r_.error(v, "'expansion' is a percentage such as 2%, found " + v.Scalar().substr(0, 20));
      return std::nullopt;
    }
    if (l->value > 5) {
      r_.error(v, "'expansion' is at most 5%, found " + v.Scalar().substr(0, 20));
      return std::nullopt;
    }
    return l->value / 100;
  }

  void load_style(const Node& n, model::Style& s, const model::Layout& l) {
    std::string what = "style '" + s.name + "'";
    if (!r_.map(n, what, std::vector<std::string_view>(std::begin(kStyleKeys), std::end(kStyleKeys)))) return;
    if (const auto v = n["base"]) {
      s.base_loc = r_.loc(v);
      s.base = r_.string(v, "'base'").value_or("");
    }
    if (const auto v = n["leading"]) s.leading = r_.points(v, "'leading'", LengthRule::Positive);
    if (const auto v = n["align"]) {
      if (auto c = r_.choice(v, "alignment", {"justify", "left", "right", "center"}))
        s.align = *c == "justify" ? model::Align::Justify
                  : *c == "left"  ? model::Align::Left
                  : *c == "right" ? model::Align::Right
                                  : model::Align::Center;
    }
    if (const auto v = n["color"]) s.color = color_name(v, s.color_value, "'color'", l);
    if (const auto v = n["background"]) s.background = color_name(v, s.background_value, "'background'", l);
    if (const auto v = n["border"]) s.border = color_name(v, s.border_value, "'border'", l);
    if (const auto v = n["emergency-stretch"])
      s.emergency_stretch = r_.length(v, "'emergency-stretch'", LengthRule::NonNegativeOrPercent);
    if (const auto v = n["expansion"]) s.expansion = expansion(v);
#define GALLEY_STYLE_READ(key, member, type, fallback, read) \
    if (const auto v = n[key]) s.member = style_value<type>(v, key, read, l);
    GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_READ)
#undef GALLEY_STYLE_READ
  }

  // A plain or character style key's value (model/style_keys.h).
  template <class T>
  std::optional<T> style_value(const Node& v, std::string_view key, model::StyleRead read,
                               const model::Layout& l) {
    using R = model::StyleRead;
    const std::string what = read.what ? read.what : "'" + std::string(key) + "'";
    if constexpr (std::is_same_v<T, bool>) {
      if (read.kind != R::Choice) return r_.boolean(v, what);
      const auto c = r_.choice(v, what, {read.yes, read.no});
      return c ? std::optional(*c == read.yes) : std::nullopt;
    } else if constexpr (std::is_same_v<T, int>) {
      return r_.integer(v, what, read.lo, read.hi);
    } else if constexpr (std::is_same_v<T, double>) {
      if (read.kind == R::Number) return r_.number(v, what, read.lo, read.hi);
      return r_.points(v, what,
                       read.kind == R::PositivePoints ? LengthRule::Positive
                       : read.kind == R::SignedPoints ? LengthRule::AnySign
                                                      : LengthRule::NonNegative);
    } else if constexpr (std::is_same_v<T, std::string>) {
      auto s = r_.string(v, what);
      if (s && read.kind == R::Font && !check_font(v, *s, l)) return std::nullopt;
      return s;
    } else {
      static_assert(std::is_same_v<T, std::vector<std::string>>);
      return features(v);
    }
  }

  // OpenType feature settings; a list that is not one sets none.
  std::vector<std::string> features(const Node& v) {
    std::vector<std::string> out;
    if (!r_.sequence(v, "'features'")) return out;
    for (const auto& f : v) {
      auto tag = r_.string(f, "an OpenType feature");
      if (tag && valid_feature(*tag)) out.push_back(*tag);
      else if (tag) r_.error(f, "bad OpenType feature '" + tag->substr(0, 20) + "' (e.g. smcp, -liga, ss01=1)");
    }
    return out;
  }

  // An element's properties may sit in the map under its kind
  // ({rect: {x: 0, ...}}) or beside it ({text: "...", x: 0, ...}).
  struct Props {
    Node inner, outer;
    Node get(const char* key) const {
      if (inner.IsMap() && inner[key]) return inner[key];
      if (outer[key]) return outer[key];
      return Node();
    }
  };

  std::optional<model::Element> load_element(const Node& n, const model::Layout& l, bool is_text_only,
                                             const std::string& what) {
    using K = model::Element::Kind;
    model::Element e;
    e.loc = r_.loc(n);
    std::string kind = "text";
    if (!is_text_only) {
      if (!n.IsMap()) {
        r_.error(n, std::string("expected an element such as {rect: {...}}, found ") + describe(n));
        return std::nullopt;
      }
      int kinds = 0;
      for (const char* k : {"rect", "line", "image", "text"})
        if (n[k]) ++kinds, kind = k;
      if (kinds != 1) {
        r_.error(n, "an element has exactly one kind: rect, line, image or text");
        return std::nullopt;
      }
    }
    e.kind = kind == "rect" ? K::Rect : kind == "line" ? K::Line : kind == "image" ? K::Image : K::Text;
    std::vector<std::string_view> keys;
    switch (e.kind) {
      case K::Rect: keys = {"x", "y", "width", "height", "fill", "stroke", "stroke-width", "radius", "bleed"}; break;
      case K::Line: keys = {"x", "y", "width", "height", "stroke", "stroke-width"}; break;
      case K::Image: keys = {"x", "y", "width", "height", "src", "fit", "bleed", "page", "recolor"}; break;
      case K::Text: keys = {"x", "y", "width", "height", "text", "style"}; break;
    }
    Props p;
    if (is_text_only) {
      p.outer = n;
      r_.map(n, what, keys);
    } else {
      p.inner = n[kind];
      std::vector<std::string_view> outer_keys = keys;
      if (std::find(outer_keys.begin(), outer_keys.end(), kind) == outer_keys.end()) outer_keys.push_back(kind);
      r_.map(n, what, outer_keys);
      if (p.inner.IsMap()) {
        r_.map(p.inner, what, keys);
        const Node& inner = p.inner;
        for (auto k : keys)
          if (inner[std::string(k)] && n[std::string(k)])
            r_.error(n[std::string(k)], "'" + std::string(k) + "' is given twice in this element");
      }
      p.outer = n;
    }
    auto len = [&](const char* key, LengthRule rule, std::optional<double> fallback_pt) -> Length {
      Length out;
      if (const auto v = p.get(key)) return r_.length(v, std::string("'") + key + "'", rule).value_or(out);
      if (fallback_pt) out.value = *fallback_pt;
      else r_.error(n, "missing required key '" + std::string(key) + "' in " + what);
      return out;
    };
    bool is_line = e.kind == K::Line;
    bool text = e.kind == K::Text;
    std::optional<double> x0, y0, w0, h0;
    if (is_text_only) {
      model::Element d = default_text_box(what, l);
      x0 = d.x.value;
      y0 = d.y.value;
      w0 = d.width.value;
    }
    if (is_line || text) h0 = 0;
    if (is_line) w0 = 0;
    e.x = len("x", LengthRule::AnySignOrPercent, x0);
    e.y = len("y", LengthRule::AnySignOrPercent, y0);
    e.width = len("width", is_line ? LengthRule::AnySignOrPercent : LengthRule::PositiveOrPercent, w0);
    e.height = len("height", is_line ? LengthRule::AnySignOrPercent : LengthRule::NonNegativeOrPercent, h0);
    if (const auto v = p.get("fill")) e.fill = color_ref(r_, v, "'fill'", l.colors);
    if (const auto v = p.get("stroke")) e.stroke = color_ref(r_, v, "'stroke'", l.colors);
    if (const auto v = p.get("stroke-width")) e.stroke_width = r_.points(v, "'stroke-width'").value_or(1);
    if (const auto v = p.get("radius")) e.radius = r_.points(v, "'radius'").value_or(0);
    if (const auto v = p.get("bleed")) e.bleed = r_.boolean(v, "'bleed'").value_or(false);
    if (const auto v = p.get("fit")) {
      if (auto c = r_.choice(v, "fit", {"contain", "cover", "fill"}))
        e.fit = *c == "contain" ? model::Fit::Contain : *c == "cover" ? model::Fit::Cover : model::Fit::Fill;
    }
    if (const auto v = p.get("style")) {
      if (auto s = r_.string(v, "'style'")) {
        e.style = *s;
        style_refs_.push_back({*s, r_.loc(v)});
      }
    }
    if (e.kind == K::Image) {
      const Node src = p.inner.IsScalar() ? p.inner : p.get("src");
      if (src) e.src = r_.existing_file(src, "image").value_or("");
      else r_.error(n, "missing required key 'src' in image element");
      if (const auto v = p.get("page")) e.page = r_.integer(v, "image 'page'", 1, 1'000'000).value_or(1);
      if (const auto v = p.get("recolor")) e.recolor = recolor_map(r_, v, &l.colors);
    }
    if (e.kind == K::Text) {
      const Node t = (!is_text_only && p.inner.IsScalar()) ? p.inner : p.get("text");
      if (t) e.text = r_.text(t, "'text'");
      else r_.error(n, "missing required key 'text' in " + what);
    }
    if (e.kind == K::Rect && !e.fill && !e.stroke) r_.warning(n, "this rect has neither 'fill' nor 'stroke'");
    if (is_line && !e.stroke) e.stroke = model::Color::black();
    return e;
  }

  void load_frames(const Node& n, model::Master& m, const model::Layout& l) {
    if (!r_.sequence(n, "'frames'")) return;
    std::set<std::string> names;
    int index = 0;
    for (const auto& f : n) {
      ++index;
      model::Frame fr;
      fr.loc = r_.loc(f);
      std::string what = "frame " + std::to_string(index) + " of master '" + m.name + "'";
      if (!r_.map(f, what, {"name", "flow", "x", "y", "width", "height", "columns", "gutter", "valign",
                            "padding", "balance"}))
        continue;
      if (f.IsNull()) {
        r_.error(f, "a frame needs flow, x, y, width and height");
        continue;
      }
      fr.name = "frame-" + std::to_string(index);
      if (const auto v = f["name"]) fr.name = r_.string(v, "'name'").value_or(fr.name);
      if (!names.insert(fr.name).second)
        r_.error(f["name"] ? f["name"] : Node(f), "duplicate frame name '" + fr.name + "' in master '" + m.name + "'");
      if (const auto v = f["flow"]) {
        fr.flow_loc = r_.loc(v);
        fr.flow = r_.string(v, "'flow'").value_or("");
      } else {
        r_.error(f, "missing required key 'flow' in " + what);
      }
      auto len = [&](const char* key, LengthRule rule) {
        if (const auto v = f[key]) return r_.length(v, std::string("frame '") + key + "'", rule).value_or(Length{});
        r_.error(f, "missing required key '" + std::string(key) + "' in " + what);
        return Length{};
      };
      fr.x = len("x", LengthRule::NonNegativeOrPercent);
      fr.y = len("y", LengthRule::NonNegativeOrPercent);
      fr.width = len("width", LengthRule::PositiveOrPercent);
      fr.height = len("height", LengthRule::PositiveOrPercent);
      if (const auto v = f["columns"]) fr.columns = r_.integer(v, "'columns'", 1, 12).value_or(1);
      if (const auto v = f["gutter"]) fr.gutter = r_.points(v, "'gutter'").value_or(fr.gutter);
      if (const auto v = f["valign"]) {
        if (auto c = r_.choice(v, "valign", {"top", "middle", "bottom"}))
          fr.valign = *c == "top" ? model::VAlign::Top : *c == "middle" ? model::VAlign::Middle : model::VAlign::Bottom;
      }
      if (const auto v = f["padding"]) fr.padding = r_.points(v, "'padding'").value_or(0);
      if (const auto v = f["balance"]) fr.balance = r_.boolean(v, "'balance'").value_or(false);
      auto extent = [](const Length& a, const Length& b, double page) {
        return a.resolve(page) + b.resolve(page);
      };
      if (extent(fr.x, fr.width, l.page.width) > l.page.width + 0.01 ||
          extent(fr.y, fr.height, l.page.height) > l.page.height + 0.01)
        r_.warning(f, "frame '" + fr.name + "' reaches past the trim edge of the page");
      if (fr.columns > 1 && fr.gutter * (fr.columns - 1) >= fr.width.resolve(l.page.width))
        r_.error(f, "frame '" + fr.name + "': the gutters leave no room for the columns");
      m.frames.push_back(std::move(fr));
    }
  }

  void load_masters(const Node& n, model::Layout& l) {
    if (!r_.named_map(n, "masters") || !n.IsMap()) return;
    if (n.size() == 0) r_.error(n, "'masters' is empty: give at least one master page");
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::Master m;
      m.name = it->first.Scalar();
      m.loc = r_.loc(it->first);
      const Node body = it->second;
      std::string what = "master '" + m.name + "'";
      if (r_.map(body, what, {"background", "elements", "frames", "header", "footer"})) {
        if (const auto bg = body["background"]) {
          if (r_.map(bg, "background", {"color", "image"})) {
            if (const auto c = bg["color"]) m.background = color_ref(r_, c, "background 'color'", l.colors);
            if (const auto i = bg["image"]) m.background_image = r_.existing_file(i, "background image").value_or("");
          }
        }
        if (const auto els = body["elements"]) {
          if (r_.sequence(els, "'elements'"))
            for (const auto& e : els)
              if (auto el = load_element(e, l, false, "element of " + what)) m.elements.push_back(std::move(*el));
        }
        if (const auto fs = body["frames"]) load_frames(fs, m, l);
        if (const auto h = body["header"]) m.header = load_text_box(h, l, "header");
        if (const auto f = body["footer"]) m.footer = load_text_box(f, l, "footer");
      }
      l.masters[m.name] = std::move(m);
    }
  }

  // Half an inch from the sides; the header's top 3/8 in below the trim
  // edge, the footer's 5/8 in above the bottom edge.
  static model::Element default_text_box(const std::string& what, const model::Layout& l) {
    model::Element e;
    e.kind = model::Element::Kind::Text;
    e.x.value = 36;
    e.width.value = l.page.width - 72;
    e.y.value = what == "header" ? 27 : l.page.height - 45;
    return e;
  }

  std::optional<model::Element> load_text_box(const Node& n, const model::Layout& l, const std::string& what) {
    if (n.IsScalar()) {
      model::Element e = default_text_box(what, l);
      e.loc = r_.loc(n);
      e.text = r_.text(n, what);
      return e;
    }
    if (!n.IsMap()) {
      r_.error(n, "expected {text: ..., style: ...} for " + what + ", found " + describe(n));
      return std::nullopt;
    }
    return load_element(n, l, true, what);
  }

  void load_sequence(const Node& n, model::Layout& l) {
    if (!r_.sequence(n, "'sequence'")) return;
    if (n.size() == 0) r_.error(n, "'sequence' is empty: give at least one page");
    for (const auto& item : n) {
      model::SequenceEntry e;
      e.loc = r_.loc(item);
      Node master = item;
      if (item.IsMap()) {
        r_.map(item, "a sequence entry", {"master", "repeat"});
        if (!item["master"]) {
          r_.error(item, "missing required key 'master' in sequence entry");
          continue;
        }
        master = item["master"];
        if (const auto rep = item["repeat"]) {
          if (rep.IsScalar() && rep.Scalar() == "until-empty") e.until_empty = true;
          else if (rep.IsScalar() && !rep.Scalar().empty() && std::isdigit(static_cast<unsigned char>(rep.Scalar()[0])))
            e.count = r_.integer(rep, "'repeat'", 1, 10000).value_or(1);
          else r_.error(rep, "'repeat' is until-empty or a number of pages");
        }
      }
      auto name = r_.string(master, "'master'");
      if (!name) continue;
      e.master = *name;
      if (!l.masters.count(*name)) {
        std::string hint = r_.hint(*name, [&] {
          std::vector<std::string> names;
          for (const auto& [k, v] : l.masters) names.push_back(k);
          return names;
        });
        r_.error(master, "unknown master '" + name->substr(0, 60) + "'" +
                             (hint.empty() ? " (define it under 'masters:')" : hint));
        continue;
      }
      if (e.until_empty) {
        bool has_flow = false;
        for (const auto& f : l.masters[*name].frames) has_flow = has_flow || !f.flow.empty();
        if (!has_flow) r_.error(item, "master '" + *name + "' repeats until empty but has no frame with a flow");
      }
      l.sequence.push_back(std::move(e));
    }
  }

  void load_fit(const Node& n, model::Layout& l) {
    if (!r_.named_map(n, "fit") || !n.IsMap()) return;
    std::set<std::string> placed;
    for (const auto& [name, m] : l.masters)
      for (const auto& f : m.frames) placed.insert(f.flow);
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      model::FitRule rule;
      rule.flow = it->first.Scalar();
      rule.loc = r_.loc(it->first);
      if (!placed.count(rule.flow)) {
        std::string hint = r_.hint(rule.flow, [&] { return std::vector<std::string>(placed.begin(), placed.end()); });
        r_.error(it->first, "fit names flow '" + rule.flow.substr(0, 60) + "', which no frame places" + hint);
      }
      if (r_.map(it->second, "fit for flow '" + rule.flow + "'", {"shrink-to"})) {
        if (const auto v = it->second["shrink-to"]) {
          rule.shrink_to = r_.points(v, "'shrink-to'", LengthRule::Positive).value_or(0);
          if (rule.shrink_to > 0 && rule.shrink_to < 4) r_.error(v, "'shrink-to' below 4pt would be unreadable");
        } else {
          r_.error(it->second, "missing required key 'shrink-to' in fit for flow '" + rule.flow + "'");
        }
      }
      l.fit.push_back(std::move(rule));
    }
  }

  void load_running_heads(const Node& n, model::RunningHeads& heads) {
    heads.loc = r_.loc(n);
    if (!r_.map(n, "running-heads", {"section", "chapter", "part"})) return;
    const std::pair<const char*, int*> levels[] = {
        {"section", &heads.section}, {"chapter", &heads.chapter}, {"part", &heads.part}};
    for (const auto& [key, level] : levels)
      if (const auto v = n[key])
        if (auto k = r_.integer(v, "'" + std::string(key) + "' (a heading level)", 1, 4)) *level = *k;
  }

  void load_footnotes(const Node& n, model::Layout& l) {
    model::Footnotes& f = l.footnotes;
    f.loc = r_.loc(n);
    if (!r_.map(n, "footnotes", {"numbering", "separator"})) return;
    if (const auto v = n["numbering"])
      if (auto c = r_.choice(v, "footnote numbering", {"document", "page"})) f.per_page = *c == "page";
    const auto sep = n["separator"];
    if (!sep || !r_.map(sep, "footnote separator", {"width", "weight", "color", "space"})) return;
    if (const auto v = sep["width"])
      if (auto w = r_.length(v, "separator 'width'", LengthRule::NonNegativeOrPercent)) f.rule_width = *w;
    if (const auto v = sep["weight"]) f.rule_weight = r_.points(v, "separator 'weight'").value_or(f.rule_weight);
    if (const auto v = sep["color"])
      if (auto c = color_ref(r_, v, "separator 'color'", l.colors)) f.rule_color = *c;
    if (const auto v = sep["space"]) f.space = r_.points(v, "separator 'space'").value_or(f.space);
  }

  void load_output(const Node& n, model::Output& out) {
    out.loc = r_.loc(n);
    if (!r_.map(n, "output", {"standard", "intent", "imposition", "link-schemes", "tagged"})) return;
    if (const auto v = n["tagged"]) {
      out.tagged_loc = r_.loc(v);
      if (auto t = r_.boolean(v, "'tagged'")) out.tagged = *t;
    }
    if (const auto v = n["standard"]) load_standards(v, out);
    if (const auto v = n["intent"]) {
      if (r_.map(v, "intent", {"profile", "condition"})) {
        if (const auto p = v["profile"]) {
          out.icc_profile = r_.existing_file(p, "ICC profile").value_or("");
          out.icc_profile_loc = r_.loc(p);
        }
        if (const auto c = v["condition"]) out.condition = r_.string(c, "'condition'").value_or(out.condition);
      }
    }
    if (const auto v = n["imposition"])
      if (auto c = r_.choice(v, "imposition", {"none", "booklet", "trifold"})) out.imposition = *c;
    if (const auto v = n["link-schemes"]) load_link_schemes(v, out);
  }

  void load_link_schemes(const Node& n, model::Output& out) {
    if (!n.IsSequence()) {
      r_.error(n, "'link-schemes' must be a list of URI schemes, e.g. [ftp]");
      out.link_schemes_read = false;
      return;
    }
    for (const auto& item : n) {
      auto scheme = r_.string(item, "link scheme");
      if (!scheme) {
        out.link_schemes_read = false;
        continue;
      }
      const bool valid = !scheme->empty() && std::isalpha(static_cast<unsigned char>((*scheme)[0])) &&
                         std::all_of(scheme->begin(), scheme->end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
                         });
      if (!valid) {
        r_.error(item, "'" + scheme->substr(0, 40) + "' is not a URI scheme (letters, digits, + - . and no ':')");
        out.link_schemes_read = false;
        continue;
      }
      std::string lower;
      for (char c : *scheme) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.link_schemes.push_back(lower);
    }
  }

  // One standard or a list of them: at most one of each family.
  void load_standards(const Node& v, model::Output& out) {
    out.standard_loc = r_.loc(v);
    std::vector<Node> names;
    if (v.IsSequence()) {
      for (const auto& e : v) names.push_back(e);
    } else {
      names.push_back(v);
    }
    std::set<std::string> seen;
    for (const Node& e : names) {
      auto c = r_.choice(e, "PDF standard", {"PDF/X-4", "PDF/UA-1", "PDF/A-2a", "PDF/A-2b", "PDF/A-2u", "none"});
      if (!c || *c == "none") continue;
      const std::string family = c->substr(0, 5);
      if (!seen.insert(family).second) {
        r_.error(e, "more than one " + family + " standard in 'standard'");
        continue;
      }
      if (family == "PDF/X") out.standard = *c;
      else if (family == "PDF/U") out.pdf_ua = true;
      else out.pdf_a = c->substr(6);
    }
    if ((out.pdf_ua || out.pdf_a == "2a") && !out.tagged)
      r_.error(v, std::string(out.pdf_ua ? "PDF/UA-1" : "PDF/A-2a") +
                      " needs a tagged PDF; remove 'tagged: false'");
  }

  void check_style_references(model::Layout& l) {
    auto check = [&](const std::string& name, const SourceLoc& loc) {
      if (name.empty() || l.styles.count(name)) return;
      std::string hint = r_.hint(name, [&] {
        std::vector<std::string> names;
        for (const auto& [k, v] : l.styles) names.push_back(k);
        return names;
      });
      r_.diags().error(loc, "unknown style '" + name.substr(0, 60) + "'" +
                                (hint.empty() ? " (define it under 'styles:')" : hint));
    };
    for (const auto& [k, s] : l.styles) check(s.base, s.base_loc);
    for (const auto& [name, loc] : style_refs_) check(name, loc);
  }

  Reader r_;
  std::string root_;
  std::vector<std::pair<std::string, SourceLoc>> style_refs_;
};

}  // namespace

std::optional<model::Layout> read_layout(const std::string& path, Diagnostics& diags, const Options& opts) {
  if (!check_inside_root(path, opts.root, "layout file", diags)) return std::nullopt;
  auto parsed = read_yaml(path, "layout", diags);
  if (!parsed) return std::nullopt;
  LayoutLoader loader(path, diags, parsed->text, opts.root);
  return loader.load(parsed->root);
}

std::optional<model::Layout> load_layout(const std::string& path, Diagnostics& diags, const Options& opts) {
  Diagnostics local;
  auto layout = read_layout(path, local, opts);
  append_in_file_order(local, diags);
  if (local.has_errors()) return std::nullopt;
  return layout;
}

}  // namespace galley::load
