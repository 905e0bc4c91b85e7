#include "detail/colors.h"

#include <cmath>
#include <vector>

#include "base/pdf_name.h"
#include "detail/suggest.h"
#include "detail/units.h"

namespace galley::load {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<model::Color> parse_hex(Reader& r, const Node& n, std::string_view what) {
  const std::string& s = n.Scalar();
  std::string digits = s.substr(1);
  bool ok = digits.size() == 3 || digits.size() == 6;
  for (char c : digits) ok = ok && hex_digit(c) >= 0;
  if (!ok) {
    r.error(n, "bad colour '" + (s.size() > 20 ? s.substr(0, 20) + "..." : s) + "' for " +
                   std::string(what) + ": hex colours are #rgb or #rrggbb");
    return std::nullopt;
  }
  if (digits.size() == 3) digits = {digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]};
  model::Color c;
  c.space = model::Color::Space::Rgb;
  for (int i = 0; i < 3; ++i) c.v[i] = (hex_digit(digits[2 * i]) * 16 + hex_digit(digits[2 * i + 1])) / 255.0;
  c.loc = r.loc(n);
  return c;
}

// A component: 0..1, or 0%..100%.
std::optional<double> component(Reader& r, const Node& n, std::string_view what) {
  if (!n.IsScalar()) {
    r.error(n, "expected a number from 0 to 1 (or 0% to 100%) in " + std::string(what) + ", found " +
                   describe(n));
    return std::nullopt;
  }
  std::string s = n.Scalar();
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s.pop_back();
  auto v = parse_number(s);
  double hi = percent ? 100 : 1;
  if (!v || *v < 0 || *v > hi) {
    r.error(n, "colour component '" + (n.Scalar().size() > 20 ? n.Scalar().substr(0, 20) + "..." : n.Scalar()) +
                   "' in " + std::string(what) + " must be from 0 to 1 or from 0% to 100%");
    return std::nullopt;
  }
  return percent ? *v / 100.0 : *v;
}

bool components(Reader& r, const Node& n, std::string_view what, std::string_view space, size_t count,
                model::Color& out) {
  if (!n.IsSequence() || n.size() != count) {
    r.error(n, std::string(space) + " in " + std::string(what) + " needs a list of " + std::to_string(count) +
                   " components, e.g. " + (count == 4 ? "[0, 0.6, 1, 0]" : "[0.1, 0.3, 0.7]"));
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < count; ++i) {
    auto v = component(r, n[i], what);
    if (v) out.v[i] = *v;
    ok = ok && v.has_value();
  }
  return ok;
}

}  // namespace

std::optional<model::Color> parse_color_literal(Reader& r, const Node& n, std::string_view what) {
  if (n.IsScalar()) {
    if (!n.Scalar().empty() && n.Scalar()[0] == '#') return parse_hex(r, n, what);
    r.error(n, "expected a colour for " + std::string(what) + " (#rrggbb, {cmyk: [...]}, {rgb: [...]}, "
                                                               "{gray: g} or {spot: ...})");
    return std::nullopt;
  }
  if (!n.IsMap()) {
    r.error(n, "expected a colour for " + std::string(what) + ", found " + describe(n));
    return std::nullopt;
  }
  r.map(n, what, {"cmyk", "rgb", "gray", "spot", "tint"});
  model::Color c;
  c.loc = r.loc(n);
  bool ok = true;
  int spaces = (n["cmyk"] ? 1 : 0) + (n["rgb"] ? 1 : 0) + (n["gray"] ? 1 : 0);
  if (n["spot"]) {
    c.space = model::Color::Space::Spot;
    auto name = r.string(n["spot"], "spot");
    if (name && name->empty()) r.error(n["spot"], "the spot colour needs a name");
    // A PDF name cannot hold a NUL (not even as #00), and a colorant name
    // with control characters is no ink a press has.
    const auto bad = name ? find_bad_byte(*name) : std::nullopt;
    if (bad) r.error(n["spot"], "the spot colour's name has a " + describe(*bad));
    const size_t written = name ? base::pdf_name_bytes(*name) : 0;
    if (written > base::kMaxPdfNameBytes)
      r.error(n["spot"], "the spot colour's name takes " + std::to_string(written) +
                             " bytes as a PDF name (a space, '#' or non-ASCII byte takes 3); a PDF name takes at most " +
                             std::to_string(base::kMaxPdfNameBytes));
    ok = name && !name->empty() && !bad && written <= base::kMaxPdfNameBytes;
    if (name) c.spot_name = *name;
    if (!n["cmyk"]) {
      r.error(n, "spot colour '" + c.spot_name + "' needs its CMYK alternate: cmyk: [c, m, y, k]");
      return std::nullopt;
    }
    if (n["rgb"] || n["gray"]) r.error(n, "a spot colour takes its alternate as cmyk only");
    ok = components(r, n["cmyk"], what, "cmyk", 4, c) && ok;
    if (n["tint"]) {
      auto t = component(r, n["tint"], what);
      ok = ok && t.has_value();
      if (t) c.tint = *t;
    }
    return ok ? std::optional(c) : std::nullopt;
  }
  if (n["tint"]) {
    r.error(n["tint"], "'tint' applies to spot colours only");
    ok = false;
  }
  if (spaces != 1) {
    r.error(n, "a colour takes exactly one of cmyk, rgb, gray or spot");
    return std::nullopt;
  }
  if (n["cmyk"]) {
    c.space = model::Color::Space::Cmyk;
    ok = components(r, n["cmyk"], what, "cmyk", 4, c) && ok;
  } else if (n["rgb"]) {
    c.space = model::Color::Space::Rgb;
    ok = components(r, n["rgb"], what, "rgb", 3, c) && ok;
  } else {
    c.space = model::Color::Space::Gray;
    auto g = component(r, n["gray"], what);
    ok = ok && g.has_value();
    if (g) c.v[0] = *g;
  }
  return ok ? std::optional(c) : std::nullopt;
}

std::optional<model::Color> color_ref(Reader& r, const Node& n, std::string_view what,
                                      const std::map<std::string, model::Color>& palette) {
  if (!n.IsScalar() || (!n.Scalar().empty() && n.Scalar()[0] == '#')) return parse_color_literal(r, n, what);
  const std::string& name = n.Scalar();
  if (auto it = palette.find(name); it != palette.end()) {
    model::Color c = it->second;
    c.loc = r.loc(n);
    return c;
  }
  if (name == "black" || name == "white") {
    model::Color c = name == "black" ? model::Color::black() : model::Color::white();
    c.loc = r.loc(n);
    return c;
  }
  std::string hint = r.hint(name, [&] {
    std::vector<std::string> names;
    for (const auto& [k, v] : palette) names.push_back(k);
    names.push_back("black");
    names.push_back("white");
    return names;
  });
  r.error(n, "unknown colour '" + (name.size() > 40 ? name.substr(0, 40) + "..." : name) + "' for " +
                 std::string(what) + (hint.empty() ? " (define it under 'colors:')" : hint));
  return std::nullopt;
}

std::vector<model::Recolor> recolor_map(Reader& r, const Node& n,
                                        const std::map<std::string, model::Color>* palette) {
  std::vector<model::Recolor> out;
  if (!n.IsMap()) {
    r.error(n, "expected a mapping for 'recolor' ({\"#rrggbb\": colour, ...}), found " + std::string(describe(n)));
    return out;
  }
  for (const auto& kv : n) {
    const Node& key = kv.first;
    const Node& value = kv.second;
    const bool hex = key.IsScalar() && key.Scalar().size() == 7 && key.Scalar()[0] == '#';
    auto from = hex ? parse_hex(r, key, "'recolor'") : std::nullopt;
    if (!hex) r.error(key, "a 'recolor' key is a graphic's colour as \"#rrggbb\" (quoted, or YAML reads a comment)");
    if (!from) continue;
    model::Recolor m;
    for (int i = 0; i < 3; ++i) m.rgb = m.rgb << 8 | static_cast<uint32_t>(std::lround(from->v[i] * 255));
    m.loc = r.loc(value);
    if (palette) {
      m.color = color_ref(r, value, "'recolor'", *palette);
      if (!m.color) continue;
    } else if (value.IsScalar() && !value.Scalar().empty() && value.Scalar()[0] != '#') {
      m.swatch = value.Scalar();
    } else {
      m.color = parse_color_literal(r, value, "'recolor'");
      if (!m.color) continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace galley::load
