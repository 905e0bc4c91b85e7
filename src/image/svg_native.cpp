// galley's own SVG reader, for the plain subset a logo or a mark is drawn
// in: shapes and paths filled and stroked in flat colours, in groups, with
// transforms. It writes PDF operators for a Form XObject, so such an SVG
// needs neither librsvg (some thirty libraries, 10 MB) nor qpdf
// (docs/architecture.md, "Modules"). Whatever it does not draw exactly as
// librsvg would (text, gradients, clipping, opacity, CSS, <use>, an unknown
// element, attribute or value, an XML error) sends the whole document to
// librsvg, which then draws or reports it as before: the reader never
// guesses, and never reports an error of its own.
//
// The XML is read by expat from memory, without namespaces' DTDs or any
// external entity; a document with an internal DTD subset (where entities
// are declared) goes to librsvg, so expat expands no entity either.
#include <expat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "detail/svg_geometry.h"
#include "detail/svg_values.h"
#include "detail/vector.h"

namespace galley::image::detail {
namespace {

constexpr std::string_view kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr double kPointsPerCssPixel = 72.0 / 96;

// What is drawn with, inherited through groups.
struct Style {
  SvgPaint fill{SvgPaint::Kind::Rgb, 0};
  SvgPaint stroke{};
  uint32_t color = 0;  // currentColor
  double stroke_width = 1;
  int cap = 0, join = 0;  // PDF's J and j
  double miter = 4;
  std::vector<double> dash;
  double dash_offset = 0;
  bool even_odd = false;
  bool visible = true;
};

struct Open {
  Style style;
  Matrix ctm;  // user space → the root's user space
};

bool one_of(std::string_view v, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), v) != words.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Properties that change nothing a shape of this subset draws (text,
// filters and clipping are outside it): read and ignored.
bool inert_property(std::string_view name) {
  return one_of(name, {"clip-rule", "font-family", "font-size", "font-style", "font-weight", "font-variant",
                       "font-stretch", "text-anchor", "letter-spacing", "word-spacing", "shape-rendering",
                       "text-rendering", "image-rendering", "color-rendering", "color-interpolation",
                       "color-interpolation-filters", "overflow", "enable-background", "pointer-events",
                       "dominant-baseline", "alignment-baseline", "baseline-shift", "direction", "writing-mode"});
}

class Reader {
 public:
  explicit Reader(std::string& why) : why_(why) {}

  std::optional<SvgDrawing> read(std::string_view svg) {
    XML_Parser parser = XML_ParserCreateNS(nullptr, ' ');
    if (!parser) return unsupported("expat cannot start"), std::nullopt;
    parser_ = parser;
    XML_SetUserData(parser, this);
    XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
    XML_SetElementHandler(parser, &Reader::start_element, &Reader::end_element);
    XML_SetStartDoctypeDeclHandler(parser, &Reader::doctype);
    XML_SetSkippedEntityHandler(parser, &Reader::skipped_entity);
    XML_SetProcessingInstructionHandler(parser, &Reader::instruction);
    const bool parsed = XML_Parse(parser, svg.data(), static_cast<int>(svg.size()), XML_TRUE) == XML_STATUS_OK;
    if (!parsed && why_.empty())
      why_ = std::string("the XML does not parse (") + XML_ErrorString(XML_GetErrorCode(parser)) + " at line " +
             std::to_string(XML_GetCurrentLineNumber(parser)) + ")";
    XML_ParserFree(parser);
    if (!why_.empty()) return std::nullopt;
    if (!root_done_) return unsupported("no <svg> root element"), std::nullopt;
    out_.content += "Q\n";
    std::set<uint32_t> colors;
    for (const auto& p : out_.paints) colors.insert(p.rgb);
    out_.rgb.assign(colors.begin(), colors.end());
    return std::move(out_);
  }

 private:
  static void XMLCALL doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int internal_subset) {
    if (internal_subset) static_cast<Reader*>(self)->unsupported("a DTD internal subset (entity declarations)");
  }
  // An entity expat did not expand (declared, if at all, in a DTD it does
  // not read): librsvg's libxml2 may know better.
  static void XMLCALL skipped_entity(void* self, const XML_Char*, int) {
    static_cast<Reader*>(self)->unsupported("an entity declared outside the file");
  }
  static void XMLCALL instruction(void* self, const XML_Char* target, const XML_Char*) {
    if (std::string_view(target) == "xml-stylesheet") static_cast<Reader*>(self)->unsupported("an xml-stylesheet");
  }
  static void XMLCALL start_element(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<Reader*>(self)->start(name, attrs);
  }
  static void XMLCALL end_element(void* self, const XML_Char*) { static_cast<Reader*>(self)->end(); }

  void unsupported(std::string why) {
    if (!why_.empty()) return;
    why_ = std::move(why);
    if (parser_) XML_StopParser(parser_, XML_FALSE);
  }

  void start(std::string_view name, const XML_Char** attrs) {
    if (!why_.empty()) return;
    ++depth_;
    if (depth_ > kMaxVectorDepth) return unsupported("elements nested more than 64 deep");
    const bool svg = name.size() > kSvgNamespace.size() && name.substr(0, kSvgNamespace.size()) == kSvgNamespace &&
                     name[kSvgNamespace.size()] == ' ';
    const std::string_view local = svg ? name.substr(kSvgNamespace.size() + 1) : name;
    if (depth_ == 1 && !(svg && local == "svg")) return unsupported("a root element other than SVG's <svg>");
    // A style sheet applies wherever it is, even in a subtree not drawn.
    if (svg && local == "style") return unsupported("a <style> sheet");
    if (hidden_depth_ > 0) {
      ++hidden_depth_;
      return;
    }
    // Foreign elements (an editor's metadata) and these SVG ones draw nothing.
    if (!svg || one_of(local, {"defs", "title", "desc", "metadata"})) {
      hidden_depth_ = 1;
      return;
    }
    const bool shape = one_of(local, {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"});
    if (!shape && local != "g" && !(local == "svg" && depth_ == 1))
      return unsupported("<" + std::string(local) + ">");
    Open open = stack_.empty() ? Open{} : stack_.back();
    Attributes a;
    for (const XML_Char** at = attrs; *at; at += 2) {
      const std::string_view key = at[0], value = at[1];
      if (key.find(' ') != std::string_view::npos) continue;  // namespaced: xml:space, xlink:, an editor's
      if (!attribute(local, key, value, open, a)) return;
    }
    if (!a.style.empty() && !style_attribute(a.style, open, a)) return;
    if (a.transform) {
      auto m = parse_transform(*a.transform);
      if (!m || !m->usable()) return unsupported("a transform that does not parse or cannot be inverted");
      open.ctm = open.ctm.times(*m);
    }
    if (depth_ == 1 && !root(a)) return;
    if (a.display_none) {
      hidden_depth_ = 1;
      return;
    }
    stack_.push_back(open);
    if (shape) draw(local, a, open);
  }

  void end() {
    if (!why_.empty()) return;
    --depth_;
    if (hidden_depth_ > 0) {
      --hidden_depth_;
      return;
    }
    if (!stack_.empty()) stack_.pop_back();
  }

  // The attributes of one element that are not properties.
  struct Attributes {
    std::map<std::string, std::string, std::less<>> geometry;
    std::optional<std::string> transform;
    std::string style;
    bool display_none = false;
  };

  bool attribute(std::string_view element, std::string_view key, std::string_view value, Open& open,
                 Attributes& a) {
    if (one_of(key, {"id", "class"}) || key.substr(0, 5) == "data-" || key.substr(0, 5) == "aria-" ||
        key == "role" || key == "focusable")
      return true;
    if (key == "style") {
      a.style = value;
      return true;
    }
    if (key == "transform" && element != "svg") {
      a.transform = value;
      return true;
    }
    static const std::map<std::string_view, std::vector<std::string_view>> kGeometry{
        {"svg", {"width", "height", "viewBox", "preserveAspectRatio", "x", "y", "version", "baseProfile"}},
        {"rect", {"x", "y", "width", "height", "rx", "ry"}},
        {"circle", {"cx", "cy", "r"}},
        {"ellipse", {"cx", "cy", "rx", "ry"}},
        {"line", {"x1", "y1", "x2", "y2"}},
        {"polyline", {"points"}},
        {"polygon", {"points"}},
        {"path", {"d"}},
    };
    if (auto it = kGeometry.find(element); it != kGeometry.end()) {
      if (std::find(it->second.begin(), it->second.end(), key) != it->second.end()) {
        a.geometry.emplace(std::string(key), std::string(value));
        return true;
      }
    }
    return property(key, value, open, a);
  }

  // style="name: value; ...", which outranks the presentation attributes.
  bool style_attribute(std::string_view text, Open& open, Attributes& a) {
    if (text.find("/*") != std::string_view::npos || text.find('!') != std::string_view::npos)
      return unsupported("CSS comments or !important in a style attribute"), false;
    size_t at = 0;
    while (at <= text.size()) {
      size_t end = text.find(';', at);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view decl = trim(text.substr(at, end - at));
      at = end + 1;
      if (decl.empty()) continue;
      const size_t colon = decl.find(':');
      if (colon == std::string_view::npos) return unsupported("a style attribute that does not parse"), false;
      std::string name(trim(decl.substr(0, colon)));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!property(name, trim(decl.substr(colon + 1)), open, a)) return false;
    }
    return true;
  }

  bool property(std::string_view name, std::string_view raw, Open& open, Attributes& a) {
    const std::string_view value = trim(raw);
    auto bad = [&] { return unsupported("the " + std::string(name) + " value '" + std::string(value) + "'"), false; };
    Style& s = open.style;
    if (inert_property(name)) return true;
    if (value == "inherit") {
      // The inherited properties already hold the parent's value; display
      // and the opacities do not inherit, and inherit only the drawn default.
      return true;
    }
    if (name == "fill" || name == "stroke") {
      auto paint = parse_paint(value);
      if (!paint) return bad();
      (name == "fill" ? s.fill : s.stroke) = *paint;
    } else if (name == "color") {
      auto paint = parse_paint(value);
      if (!paint || paint->kind == SvgPaint::Kind::None) return bad();
      if (paint->kind == SvgPaint::Kind::Rgb) s.color = paint->rgb;
    } else if (name == "stroke-width") {
      auto w = parse_length(value);
      if (!w || *w < 0) return bad();
      s.stroke_width = *w;
    } else if (name == "stroke-linecap") {
      if (!one_of(value, {"butt", "round", "square"})) return bad();
      s.cap = value == "butt" ? 0 : value == "round" ? 1 : 2;
    } else if (name == "stroke-linejoin") {
      if (!one_of(value, {"miter", "round", "bevel"})) return bad();
      s.join = value == "miter" ? 0 : value == "round" ? 1 : 2;
    } else if (name == "stroke-miterlimit") {
      NumberReader r(value);
      auto m = r.number();
      if (!m || !r.at_end() || *m < 1) return bad();
      s.miter = *m;
    } else if (name == "stroke-dasharray") {
      if (value == "none") {
        s.dash.clear();
        return true;
      }
      auto dash = parse_length_list(value);
      if (!dash || dash->empty() || std::any_of(dash->begin(), dash->end(), [](double d) { return d < 0; }))
        return bad();
      double sum = 0;
      for (double d : *dash) sum += d;
      s.dash.clear();
      if (sum > 0) {
        for (int twice = dash->size() % 2 == 1 ? 2 : 1; twice > 0; --twice)
          s.dash.insert(s.dash.end(), dash->begin(), dash->end());
      }
    } else if (name == "stroke-dashoffset") {
      auto off = parse_length(value);
      if (!off) return bad();
      s.dash_offset = *off;
    } else if (name == "fill-rule") {
      if (!one_of(value, {"nonzero", "evenodd"})) return bad();
      s.even_odd = value == "evenodd";
    } else if (name == "visibility") {
      if (!one_of(value, {"visible", "hidden", "collapse"})) return bad();
      s.visible = value == "visible";
    } else if (name == "display") {
      if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; }))
        return bad();
      a.display_none = value == "none";
    } else if (name == "opacity" || name == "fill-opacity" || name == "stroke-opacity") {
      // Only full opacity: anything less is a transparency group or an
      // ExtGState, librsvg's to make.
      NumberReader r(value);
      auto o = r.number();
      if (!o || !r.at_end() || *o < 1) return bad();
    } else {
      return unsupported("the " + std::string(name) + " attribute or property"), false;
    }
    return true;
  }

  std::optional<double> length(const Attributes& a, const char* key, double fallback = 0) {
    auto it = a.geometry.find(key);
    if (it == a.geometry.end()) return fallback;
    auto v = parse_length(it->second);
    if (!v) unsupported(std::string("the ") + key + " value '" + it->second + "'");
    return v;
  }

  // The root's size and viewBox: the matrix from its user space to the
  // form's points, y up.
  bool root(const Attributes& a) {
    root_done_ = true;
    auto has = [&](const char* key) { return a.geometry.count(key) > 0; };
    auto percent = [&](const char* key) { return has(key) && a.geometry.at(key).find('%') != std::string::npos; };
    std::optional<std::array<double, 4>> box;
    if (has("viewBox")) {
      NumberReader r(a.geometry.at("viewBox"));
      std::array<double, 4> v{};
      for (size_t i = 0; i < 4; ++i) {
        if (i > 0) r.skip_separator();
        else r.skip_space();
        auto x = r.number();
        if (!x) return unsupported("a viewBox that does not parse"), false;
        v[i] = *x;
      }
      if (!r.at_end() || !(v[2] > 0) || !(v[3] > 0)) return unsupported("a viewBox that does not parse"), false;
      box = v;
    }
    double w = 0, h = 0;
    const bool absolute = has("width") && has("height") && !percent("width") && !percent("height");
    if (absolute) {
      auto pw = length(a, "width"), ph = length(a, "height");
      if (!pw || !ph) return false;
      w = *pw, h = *ph;
    } else if (box && !(has("width") && !percent("width")) && !(has("height") && !percent("height"))) {
      w = (*box)[2], h = (*box)[3];
    } else {
      return unsupported("a width or height that is not given, or a percentage, with the other absolute"), false;
    }
    out_.width = w * kPointsPerCssPixel, out_.height = h * kPointsPerCssPixel;
    if (!(out_.width > 0) || !(out_.height > 0) || out_.width > kMaxSvgPoints || out_.height > kMaxSvgPoints)
      return unsupported("a size of zero or over the limit"), false;
    Matrix view;
    if (box) {
      std::string_view par = has("preserveAspectRatio") ? std::string_view(a.geometry.at("preserveAspectRatio"))
                                                          : std::string_view("xMidYMid meet");
      par = trim(par);
      if (par.substr(0, 6) == "defer ") par = trim(par.substr(6));
      const size_t space = par.find_first_of(" \t\n\r");
      const std::string_view align = par.substr(0, space);
      const std::string_view how = space == std::string_view::npos ? "meet" : trim(par.substr(space));
      if (!one_of(how, {"meet", "slice"}) ||
          !one_of(align, {"none", "xMinYMin", "xMidYMin", "xMaxYMin", "xMinYMid", "xMidYMid", "xMaxYMid",
                          "xMinYMax", "xMidYMax", "xMaxYMax"}))
        return unsupported("a preserveAspectRatio that does not parse"), false;
      double sx = w / (*box)[2], sy = h / (*box)[3];
      double tx = 0, ty = 0;
      if (align != "none") {
        sx = sy = how == "meet" ? std::min(sx, sy) : std::max(sx, sy);
        const double free_x = w - (*box)[2] * sx, free_y = h - (*box)[3] * sy;
        const std::string_view ax = align.substr(1, 3), ay = align.substr(5, 3);
        tx = ax == "Mid" ? free_x / 2 : ax == "Max" ? free_x : 0;
        ty = ay == "Mid" ? free_y / 2 : ay == "Max" ? free_y : 0;
      }
      view = {sx, 0, 0, sy, tx - (*box)[0] * sx, ty - (*box)[1] * sy};
    }
    const Matrix flip{kPointsPerCssPixel, 0, 0, -kPointsPerCssPixel, 0, out_.height};
    const Matrix m = flip.times(view);
    if (!m.usable()) return unsupported("a viewBox that cannot be drawn"), false;
    out_.content += "q\n";
    cm(m);
    return true;
  }

  void cm(const Matrix& m) {
    for (double v : {m.a, m.b, m.c, m.d, m.e, m.f}) append_number(out_.content, v), out_.content += ' ';
    out_.content += "cm\n";
  }

  void draw(std::string_view element, const Attributes& a, const Open& open) {
    const Style& s = open.style;
    std::optional<std::string> ops;
    if (element == "path") {
      auto d = a.geometry.find("d");
      const size_t left = kMaxVectorContentBytes - std::min<size_t>(out_.content.size(), kMaxVectorContentBytes);
      ops = d == a.geometry.end() ? std::string() : path_operators(d->second, left);
      if (!ops) return unsupported("path data that does not parse, or over 64 MB of PDF operators");
    } else if (element == "rect") {
      auto x = length(a, "x"), y = length(a, "y"), w = length(a, "width"), h = length(a, "height");
      const bool has_rx = a.geometry.count("rx") > 0, has_ry = a.geometry.count("ry") > 0;
      auto rx = length(a, "rx"), ry = length(a, "ry");
      if (!x || !y || !w || !h || !rx || !ry) return;
      if (*w < 0 || *h < 0 || *rx < 0 || *ry < 0) return unsupported("a negative rect size");
      if (has_rx && !has_ry) ry = rx;
      if (has_ry && !has_rx) rx = ry;
      ops = *w > 0 && *h > 0 ? rect_operators(*x, *y, *w, *h, std::min(*rx, *w / 2), std::min(*ry, *h / 2))
                             : std::string();
    } else if (element == "circle" || element == "ellipse") {
      const bool circle = element == "circle";
      if (!circle && (!a.geometry.count("rx") || !a.geometry.count("ry")))
        return unsupported("an ellipse without both radii");
      auto cx = length(a, "cx"), cy = length(a, "cy"), rx = length(a, circle ? "r" : "rx"),
           ry = length(a, circle ? "r" : "ry");
      if (!cx || !cy || !rx || !ry) return;
      if (*rx < 0 || *ry < 0) return unsupported("a negative radius");
      ops = *rx > 0 && *ry > 0 ? ellipse_operators(*cx, *cy, *rx, *ry) : std::string();
    } else if (element == "line") {
      auto x1 = length(a, "x1"), y1 = length(a, "y1"), x2 = length(a, "x2"), y2 = length(a, "y2");
      if (!x1 || !y1 || !x2 || !y2) return;
      std::string line;
      append_number(line, *x1), line += ' ', append_number(line, *y1), line += " m\n";
      append_number(line, *x2), line += ' ', append_number(line, *y2), line += " l\n";
      ops = std::move(line);
    } else {
      auto points = a.geometry.find("points");
      ops = points == a.geometry.end() ? std::string() : poly_operators(points->second, element == "polygon");
      if (!ops) return unsupported("points that do not parse");
    }
    if (ops->empty() || !s.visible) return;
    auto rgb = [&](const SvgPaint& p) { return p.kind == SvgPaint::Kind::CurrentColor ? s.color : p.rgb; };
    const bool fill = s.fill.kind != SvgPaint::Kind::None && element != "line";
    const bool stroke = s.stroke.kind != SvgPaint::Kind::None && s.stroke_width > 0;
    if (!fill && !stroke) return;
    std::string& c = out_.content;
    c += "q\n";
    if (!open.ctm.identity()) cm(open.ctm);
    if (fill) out_.paints.push_back({c.size(), rgb(s.fill), false});
    if (stroke) {
      out_.paints.push_back({c.size(), rgb(s.stroke), true});
      append_number(c, s.stroke_width);
      c += " w " + std::to_string(s.cap) + " J " + std::to_string(s.join) + " j ";
      append_number(c, s.miter);
      c += " M [";
      for (size_t i = 0; i < s.dash.size(); ++i) {
        if (i > 0) c += ' ';
        append_number(c, s.dash[i]);
      }
      c += "] ";
      append_number(c, s.dash.empty() ? 0 : s.dash_offset);
      c += " d\n";
    }
    c += *ops;
    c += fill && stroke ? (s.even_odd ? "B*\n" : "B\n") : fill ? (s.even_odd ? "f*\n" : "f\n") : "S\n";
    c += "Q\n";
    if (c.size() > kMaxVectorContentBytes) unsupported("a drawing over 64 MB of PDF operators");
  }

  std::string& why_;
  XML_Parser parser_ = nullptr;
  SvgDrawing out_;
  std::vector<Open> stack_;
  int depth_ = 0, hidden_depth_ = 0;
  bool root_done_ = false;
};

}  // namespace

std::optional<SvgDrawing> svg_native(std::string_view svg, std::string& unsupported) {
  unsupported.clear();
  if (svg.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    unsupported = "a file over 2 GB";
    return std::nullopt;
  }
  return Reader(unsupported).read(svg);
}

}  // namespace galley::image::detail

namespace galley::image {

std::string drawing_content(const SvgDrawing& drawing, const Recolor& recolor) {
  std::string out;
  out.reserve(drawing.content.size() + drawing.paints.size() * 24);
  size_t from = 0;
  for (const SvgDrawing::Paint& p : drawing.paints) {
    out.append(drawing.content, from, p.at - from);
    from = p.at;
    std::optional<std::string> mapped;
    if (recolor) mapped = recolor(p.rgb, p.stroke);
    if (mapped) out += *mapped;
    else detail::append_color(out, p.rgb, p.stroke);
  }
  out.append(drawing.content, from, std::string::npos);
  return out;
}

}  // namespace galley::image
