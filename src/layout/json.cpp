// The display list as JSON for `--dump-layout`: keys in a fixed order,
// numbers rounded to 0.01 pt (printed without trailing zeros), so dumps
// diff cleanly and are byte-identical for identical input.
#include <cmath>
#include <cstdio>

#include "layout/layout.h"

namespace galley::layout {

namespace {

class Json {
 public:
  std::string out;

  void num(double v) {
    double r = std::round(v * 100) / 100;
    if (r == 0) r = 0;  // no "-0"
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.2f", r);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    out += s;
  }
  void str(std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    out += '"';
  }
  // Object members: key() writes the separator and the key.
  void open() { out += '{'; first_ = true; }
  void close() { out += '}'; first_ = false; }
  void key(const char* k) {
    if (!first_) out += ',';
    first_ = false;
    str(k);
    out += ':';
  }
  template <class List, class F>
  void array(const List& v, F each) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ',';
      each(v[i]);
    }
    out += ']';
    first_ = false;
  }

 private:
  bool first_ = true;
};

void color(Json& j, const Color& c) {
  j.open();
  const char* space = "gray";
  int n = 1;
  switch (c.space) {
    case Color::Space::Gray: break;
    case Color::Space::Rgb: space = "rgb", n = 3; break;
    case Color::Space::Cmyk: space = "cmyk", n = 4; break;
    case Color::Space::Spot: space = "spot", n = 4; break;
  }
  j.key("space");
  j.str(space);
  j.key("v");
  std::vector<double> v(c.v.begin(), c.v.begin() + n);
  j.array(v, [&](double x) { j.num(x); });
  if (c.space == Color::Space::Spot) {
    j.key("name");
    j.str(c.spot_name);
    j.key("tint");
    j.num(c.tint);
  }
  j.close();
}

void opt_color(Json& j, const char* k, const std::optional<Color>& c) {
  j.key(k);
  if (c) color(j, *c); else j.out += "null";
}

void loc(Json& j, const SourceLoc& l) {
  j.key("loc");
  j.str(l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col));
}

void box(Json& j, const char* k, const Box& b) {
  j.key(k);
  std::vector<double> v{b.x, b.y, b.w, b.h};
  j.array(v, [&](double x) { j.num(x); });
}

void item(Json& j, const Item& it) {
  j.open();
  if (const auto* g = std::get_if<GlyphRun>(&it)) {
    j.key("kind"); j.str("glyphs");
    j.key("font"); j.out += std::to_string(g->font);
    j.key("size"); j.num(g->size);
    j.key("color"); color(j, g->color);
    j.key("x"); j.num(g->x);
    j.key("y"); j.num(g->y);
    j.key("rtl"); j.out += g->rtl ? "true" : "false";
    if (g->hscale != 1) {
      j.key("hscale");
      j.num(g->hscale);
    }
    j.key("text");
    std::string text;
    for (const auto& c : g->clusters) text += g->text_of(c);
    j.str(text);
    j.key("glyphs");
    j.array(g->glyphs, [&](const Glyph& gl) {
      j.out += '[' + std::to_string(gl.gid) + ',';
      j.num(gl.x);
      j.out += ',';
      j.num(gl.y);
      j.out += ',';
      j.num(gl.advance);
      j.out += ']';
    });
    j.key("clusters");
    j.array(g->clusters.unpacked(), [&](const Cluster& c) {
      j.out += '[' + std::to_string(c.glyph_begin) + ',' + std::to_string(c.glyph_count) + ',';
      j.str(g->text_of(c));
      j.out += ']';
    });
    loc(j, g->loc);
  } else if (const auto* r = std::get_if<Rect>(&it)) {
    j.key("kind"); j.str("rect");
    j.key("x"); j.num(r->x);
    j.key("y"); j.num(r->y);
    j.key("w"); j.num(r->w);
    j.key("h"); j.num(r->h);
    opt_color(j, "fill", r->fill);
    opt_color(j, "stroke", r->stroke);
    j.key("stroke_width"); j.num(r->stroke_width);
    j.key("radius"); j.num(r->radius);
    loc(j, r->loc);
  } else if (const auto* p = std::get_if<Path>(&it)) {
    j.key("kind"); j.str("path");
    j.key("ops");
    j.array(p->ops, [&](const Path::Op& op) {
      static const char* names[] = {"M", "L", "C", "Z"};
      j.out += '[';
      j.str(names[op.kind]);
      std::vector<double> v;
      if (op.kind == Path::Op::Curve) v = {op.x1, op.y1, op.x2, op.y2};
      if (op.kind != Path::Op::Close) v.push_back(op.x), v.push_back(op.y);
      for (double x : v) j.out += ',', j.num(x);
      j.out += ']';
    });
    opt_color(j, "fill", p->fill);
    opt_color(j, "stroke", p->stroke);
    j.key("stroke_width"); j.num(p->stroke_width);
    loc(j, p->loc);
  } else if (const auto* im = std::get_if<Image>(&it)) {
    j.key("kind"); j.str("image");
    j.key("path"); j.str(im->path);
    j.key("pixels");
    j.out += '[' + std::to_string(im->pixel_width) + ',' + std::to_string(im->pixel_height) + ']';
    if (im->page > 0) {
      j.key("page"); j.num(im->page);
    }
    j.key("x"); j.num(im->x);
    j.key("y"); j.num(im->y);
    j.key("w"); j.num(im->w);
    j.key("h"); j.num(im->h);
    j.key("clip");
    std::vector<double> v{im->clip_x, im->clip_y, im->clip_w, im->clip_h};
    j.array(v, [&](double x) { j.num(x); });
    j.key("alt"); j.str(im->alt);
    loc(j, im->loc);
  } else if (const auto* f = std::get_if<Figure>(&it)) {
    j.key("kind"); j.str("figure");
    j.key("alt"); j.str(f->alt);
    j.key("items"); j.out += std::to_string(f->items);
    loc(j, f->loc);
  } else if (const auto* m = std::get_if<Mark>(&it)) {
    j.key("kind"); j.str("mark");
    j.key("element"); j.out += std::to_string(m->element);
  }
  j.close();
}

void page(Json& j, const Page& p) {
  j.open();
  j.key("label"); j.str(p.label);
  j.key("master"); j.str(p.master);
  box(j, "trim", p.trim);
  box(j, "bleed", p.bleed);
  box(j, "media", p.media);
  j.key("items");
  j.array(p.items, [&](const Item& it) { item(j, it); });
  j.key("links");
  j.array(p.links, [&](const Link& l) {
    j.open();
    j.key("x"); j.num(l.x);
    j.key("y"); j.num(l.y);
    j.key("w"); j.num(l.w);
    j.key("h"); j.num(l.h);
    j.key("uri"); j.str(l.uri);
    j.key("dest"); j.str(l.dest);
    j.close();
  });
  j.key("destinations");
  j.array(p.destinations, [&](const Destination& d) {
    j.open();
    j.key("name"); j.str(d.name);
    j.key("y"); j.num(d.y);
    j.close();
  });
  j.close();
}

}  // namespace

std::string to_json(const DisplayList& list) {
  Json j;
  j.open();
  j.key("source_hash"); j.str(list.source_hash);
  j.key("meta");
  j.open();
  j.key("title"); j.str(list.meta.title);
  j.key("subtitle"); j.str(list.meta.subtitle);
  j.key("author"); j.str(list.meta.author);
  j.key("subject"); j.str(list.meta.subject);
  j.key("keywords"); j.str(list.meta.keywords);
  j.key("language"); j.str(list.meta.language);
  j.key("date"); j.str(list.meta.date);
  j.close();
  j.key("intent");
  j.open();
  j.key("standard"); j.str(list.intent.standard);
  j.key("icc_profile"); j.str(list.intent.icc_profile);
  j.key("condition"); j.str(list.intent.condition);
  j.close();
  j.key("bleed"); j.num(list.bleed);
  j.key("crop_marks"); j.out += list.crop_marks ? "true" : "false";
  j.key("registration_marks"); j.out += list.registration_marks ? "true" : "false";
  j.key("fonts");
  j.array(list.fonts, [&](const FontRef& f) {
    j.open();
    j.key("path"); j.str(f.path);
    j.key("face_index"); j.out += std::to_string(f.face_index);
    j.key("family"); j.str(f.family);
    j.key("bold"); j.out += f.bold ? "true" : "false";
    j.key("italic"); j.out += f.italic ? "true" : "false";
    j.close();
  });
  j.key("outline");
  j.array(list.outline, [&](const OutlineEntry& o) {
    j.open();
    j.key("title"); j.str(o.title);
    j.key("level"); j.out += std::to_string(o.level);
    j.key("page"); j.out += std::to_string(o.page);
    j.key("y"); j.num(o.y);
    j.close();
  });
  j.key("structure");
  j.array(list.structure, [&](const StructureList::Element& e) {
    j.open();
    j.key("role"); j.str(e.role);
    j.key("parent"); j.out += std::to_string(e.parent);
    if (!e.alt.empty()) j.key("alt"), j.str(e.alt);
    if (!e.lang.empty()) j.key("lang"), j.str(e.lang);
    if (!e.scope.empty()) j.key("scope"), j.str(e.scope);
    loc(j, e.loc());
    j.close();
  });
  j.key("pages");
  j.array(list.pages, [&](const Page& p) { page(j, p); });
  j.close();
  j.out += '\n';
  return j.out;
}

}  // namespace galley::layout
