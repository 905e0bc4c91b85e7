// SVG attribute values for image/'s own reader: numbers, lengths, colours
// and transform lists (detail/svg_values.h).
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>

#include "detail/svg_values.h"

namespace galley::image::detail {
namespace {

bool svg_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && svg_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && svg_space(s.back())) s.remove_suffix(1);
  return s;
}

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// CSS Color 3's named colours, sorted by name for a binary search.
struct Named {
  std::string_view name;
  uint32_t rgb;
};
constexpr std::array<Named, 147> kNamedColors{{
    {"aliceblue", 0xf0f8ff}, {"antiquewhite", 0xfaebd7}, {"aqua", 0x00ffff}, {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff}, {"beige", 0xf5f5dc}, {"bisque", 0xffe4c4}, {"black", 0x000000},
    {"blanchedalmond", 0xffebcd}, {"blue", 0x0000ff}, {"blueviolet", 0x8a2be2}, {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887}, {"cadetblue", 0x5f9ea0}, {"chartreuse", 0x7fff00}, {"chocolate", 0xd2691e},
    {"coral", 0xff7f50}, {"cornflowerblue", 0x6495ed}, {"cornsilk", 0xfff8dc}, {"crimson", 0xdc143c},
    {"cyan", 0x00ffff}, {"darkblue", 0x00008b}, {"darkcyan", 0x008b8b}, {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400}, {"darkgrey", 0xa9a9a9}, {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b}, {"darkolivegreen", 0x556b2f}, {"darkorange", 0xff8c00}, {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000}, {"darksalmon", 0xe9967a}, {"darkseagreen", 0x8fbc8f}, {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f}, {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3}, {"deeppink", 0xff1493}, {"deepskyblue", 0x00bfff}, {"dimgray", 0x696969},
    {"dimgrey", 0x696969}, {"dodgerblue", 0x1e90ff}, {"firebrick", 0xb22222}, {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22}, {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc}, {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700}, {"goldenrod", 0xdaa520}, {"gray", 0x808080}, {"green", 0x008000},
    {"greenyellow", 0xadff2f}, {"grey", 0x808080}, {"honeydew", 0xf0fff0}, {"hotpink", 0xff69b4},
    {"indianred", 0xcd5c5c}, {"indigo", 0x4b0082}, {"ivory", 0xfffff0}, {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa}, {"lavenderblush", 0xfff0f5}, {"lawngreen", 0x7cfc00}, {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6}, {"lightcoral", 0xf08080}, {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2}, {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3}, {"lightpink", 0xffb6c1}, {"lightsalmon", 0xffa07a}, {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa}, {"lightslategray", 0x778899}, {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de}, {"lightyellow", 0xffffe0}, {"lime", 0x00ff00}, {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6}, {"magenta", 0xff00ff}, {"maroon", 0x800000}, {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd}, {"mediumorchid", 0xba55d3}, {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371}, {"mediumslateblue", 0x7b68ee}, {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc}, {"mediumvioletred", 0xc71585}, {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa}, {"mistyrose", 0xffe4e1}, {"moccasin", 0xffe4b5}, {"navajowhite", 0xffdead},
    {"navy", 0x000080}, {"oldlace", 0xfdf5e6}, {"olive", 0x808000}, {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500}, {"orangered", 0xff4500}, {"orchid", 0xda70d6}, {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98}, {"paleturquoise", 0xafeeee}, {"palevioletred", 0xdb7093}, {"papayawhip", 0xffefd5},
    {"peachpuff", 0xffdab9}, {"peru", 0xcd853f}, {"pink", 0xffc0cb}, {"plum", 0xdda0dd},
    {"powderblue", 0xb0e0e6}, {"purple", 0x800080}, {"red", 0xff0000}, {"rosybrown", 0xbc8f8f},
    {"royalblue", 0x4169e1}, {"saddlebrown", 0x8b4513}, {"salmon", 0xfa8072}, {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57}, {"seashell", 0xfff5ee}, {"sienna", 0xa0522d}, {"silver", 0xc0c0c0},
    {"skyblue", 0x87ceeb}, {"slateblue", 0x6a5acd}, {"slategray", 0x708090}, {"slategrey", 0x708090},
    {"snow", 0xfffafa}, {"springgreen", 0x00ff7f}, {"steelblue", 0x4682b4}, {"tan", 0xd2b48c},
    {"teal", 0x008080}, {"thistle", 0xd8bfd8}, {"tomato", 0xff6347}, {"turquoise", 0x40e0d0},
    {"violet", 0xee82ee}, {"wheat", 0xf5deb3}, {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00}, {"yellowgreen", 0x9acd32},
}};

std::optional<uint32_t> named_color(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = std::lower_bound(kNamedColors.begin(), kNamedColors.end(), lower,
                             [](const Named& n, const std::string& key) { return n.name < key; });
  if (it == kNamedColors.end() || it->name != lower) return std::nullopt;
  return it->rgb;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<uint32_t> hash_color(std::string_view hex) {
  if (hex.size() != 3 && hex.size() != 6) return std::nullopt;  // #rgba and #rrggbbaa carry alpha
  uint32_t rgb = 0;
  for (char c : hex) {
    const int v = hex_digit(c);
    if (v < 0) return std::nullopt;
    rgb = hex.size() == 3 ? rgb << 8 | static_cast<uint32_t>(v * 17) : rgb << 4 | static_cast<uint32_t>(v);
  }
  return rgb;
}

// rgb(r, g, b): three integers or three percentages, clamped.
std::optional<uint32_t> functional_color(std::string_view args) {
  NumberReader r(args);
  uint32_t rgb = 0;
  std::optional<bool> percent;
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      r.skip_space();
      if (r.take() != ',') return std::nullopt;
    }
    r.skip_space();
    auto v = r.number();
    if (!v) return std::nullopt;
    const bool pct = r.peek() == '%';
    if (pct) r.take();
    if (percent && *percent != pct) return std::nullopt;
    percent = pct;
    const double c = std::clamp(pct ? *v * 255 / 100 : *v, 0.0, 255.0);
    rgb = rgb << 8 | static_cast<uint32_t>(std::lround(c));
  }
  return r.at_end() ? std::optional<uint32_t>(rgb) : std::nullopt;
}

// Numbers separated by commas and/or white space, each with a length unit
// (in user units) when `units`.
std::optional<std::vector<double>> number_list(std::string_view text, bool units) {
  std::vector<double> out;
  NumberReader r(text);
  r.skip_space();
  while (!r.at_end()) {
    if (!out.empty()) r.skip_separator();
    auto v = r.number();
    if (!v) return std::nullopt;
    if (units) {
      std::string unit;
      while (std::isalpha(static_cast<unsigned char>(r.peek()))) unit += r.take();
      auto px = parse_length("1" + unit);
      if (!px) return std::nullopt;
      *v *= *px;
    }
    out.push_back(*v);
  }
  return out;
}

double radians(double degrees) { return degrees * std::numbers::pi / 180; }

}  // namespace

Matrix Matrix::times(const Matrix& m) const {
  return {a * m.a + c * m.b,       b * m.a + d * m.b,       a * m.c + c * m.d,
          b * m.c + d * m.d,       a * m.e + c * m.f + e,   b * m.e + d * m.f + f};
}

bool Matrix::usable() const {
  const double det = a * d - b * c;
  return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d) && std::isfinite(e) &&
         std::isfinite(f) && std::isfinite(det) && det != 0;
}

void append_number(std::string& out, double v) {
  if (!std::isfinite(v) || std::abs(v) < 5e-7) {
    out += '0';
    return;
  }
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%.6f", v);
  if (n <= 0 || n >= static_cast<int>(sizeof buf)) {
    out += '0';  // over 10^56: no drawing this reader accepts gets here
    return;
  }
  while (n > 0 && buf[n - 1] == '0') --n;
  if (n > 0 && buf[n - 1] == '.') --n;
  if (n == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, static_cast<size_t>(n));
}

void append_color(std::string& out, uint32_t rgb, bool stroke) {
  for (int shift = 16; shift >= 0; shift -= 8) {
    append_number(out, static_cast<double>((rgb >> shift) & 0xff) / 255);
    out += ' ';
  }
  out += stroke ? "RG\n" : "rg\n";
}

void NumberReader::skip_space() {
  while (i_ < s_.size() && svg_space(s_[i_])) ++i_;
}

void NumberReader::skip_separator() {
  skip_space();
  if (i_ < s_.size() && s_[i_] == ',') ++i_, skip_space();
}

bool NumberReader::at_end() {
  skip_space();
  return i_ >= s_.size();
}

std::optional<double> NumberReader::number() {
  size_t p = i_;
  if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) ++p;
  const size_t int_start = p;
  while (p < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p]))) ++p;
  bool digits = p > int_start;
  if (p < s_.size() && s_[p] == '.') {
    const size_t frac = ++p;
    while (p < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p]))) ++p;
    digits = digits || p > frac;
  }
  if (!digits) return std::nullopt;
  // An exponent only when digits follow ("1em" is a number and a unit).
  if (p < s_.size() && (s_[p] == 'e' || s_[p] == 'E')) {
    size_t q = p + 1;
    if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
    if (q < s_.size() && std::isdigit(static_cast<unsigned char>(s_[q]))) {
      while (q < s_.size() && std::isdigit(static_cast<unsigned char>(s_[q]))) ++q;
      p = q;
    }
  }
  const std::string text(s_.substr(i_, p - i_));
  const double v = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  i_ = p;
  return v;
}

std::optional<bool> NumberReader::flag() {
  if (i_ < s_.size() && (s_[i_] == '0' || s_[i_] == '1')) return s_[i_++] == '1';
  return std::nullopt;
}

std::optional<SvgPaint> parse_paint(std::string_view text) {
  text = trimmed(text);
  if (same_letters(text, "none")) return SvgPaint{SvgPaint::Kind::None, 0};
  if (same_letters(text, "currentColor")) return SvgPaint{SvgPaint::Kind::CurrentColor, 0};
  std::optional<uint32_t> rgb;
  if (!text.empty() && text[0] == '#') {
    rgb = hash_color(text.substr(1));
  } else if (text.size() > 5 && same_letters(text.substr(0, 4), "rgb(") && text.back() == ')') {
    rgb = functional_color(text.substr(4, text.size() - 5));
  } else {
    rgb = named_color(text);
  }
  if (!rgb) return std::nullopt;
  return SvgPaint{SvgPaint::Kind::Rgb, *rgb};
}

std::optional<double> parse_length(std::string_view text) {
  NumberReader r(text);
  r.skip_space();
  auto v = r.number();
  if (!v) return std::nullopt;
  std::string unit;
  while (std::isalpha(static_cast<unsigned char>(r.peek()))) unit += r.take();
  if (!r.at_end()) return std::nullopt;
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"", 1}, {"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"in", 96}, {"cm", 96 / 2.54}, {"mm", 96 / 25.4}};
  for (const auto& [name, px] : kUnits)
    if (same_letters(unit, name)) return *v * px;
  return std::nullopt;
}

std::optional<std::vector<double>> parse_length_list(std::string_view text) { return number_list(text, true); }

std::optional<std::vector<double>> parse_number_list(std::string_view text) { return number_list(text, false); }

std::optional<Matrix> parse_transform(std::string_view text) {
  Matrix m;
  size_t i = 0;
  auto space = [&] {
    while (i < text.size() && (svg_space(text[i]) || text[i] == ',')) ++i;
  };
  space();
  while (i < text.size()) {
    size_t name_end = i;
    while (name_end < text.size() && std::isalpha(static_cast<unsigned char>(text[name_end]))) ++name_end;
    const std::string_view name = text.substr(i, name_end - i);
    i = name_end;
    while (i < text.size() && svg_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '(') return std::nullopt;
    const size_t close = text.find(')', i);
    if (close == std::string_view::npos) return std::nullopt;
    const auto list = parse_number_list(text.substr(i + 1, close - i - 1));
    if (!list) return std::nullopt;
    const std::vector<double>& args = *list;
    i = close + 1;
    const size_t n = args.size();
    Matrix t;
    if (name == "matrix" && n == 6) {
      t = {args[0], args[1], args[2], args[3], args[4], args[5]};
    } else if (name == "translate" && (n == 1 || n == 2)) {
      t.e = args[0], t.f = n == 2 ? args[1] : 0;
    } else if (name == "scale" && (n == 1 || n == 2)) {
      t.a = args[0], t.d = n == 2 ? args[1] : args[0];
    } else if (name == "rotate" && (n == 1 || n == 3)) {
      const double r = radians(args[0]), cs = std::cos(r), sn = std::sin(r);
      t = {cs, sn, -sn, cs, 0, 0};
      if (n == 3) t = Matrix{1, 0, 0, 1, args[1], args[2]}.times(t).times(Matrix{1, 0, 0, 1, -args[1], -args[2]});
    } else if (name == "skewX" && n == 1) {
      t.c = std::tan(radians(args[0]));
    } else if (name == "skewY" && n == 1) {
      t.b = std::tan(radians(args[0]));
    } else {
      return std::nullopt;
    }
    m = m.times(t);
    space();
  }
  return m;
}

}  // namespace galley::image::detail
