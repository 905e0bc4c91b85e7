#include "detail/page_writer.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "detail/content.h"
#include "detail/marks.h"
#include "detail/text_ops.h"
#include "detail/unicode.h"

namespace galley::pdf {
namespace {

using Space = model::Color::Space;

}  // namespace

bool StructRoles::add(const std::string& role) {
  auto it = std::find(names_.begin(), names_.end(), role);
  if (it == names_.end()) {
    if (names_.size() > UINT16_MAX) return false;
    it = names_.insert(names_.end(), role);
  }
  of_.push_back(static_cast<uint16_t>(it - names_.begin()));
  return true;
}

std::optional<Ref> separation(PageShared& shared, const Separation& sep) {
  auto it = shared.separations.find(sep.colorant);
  if (it != shared.separations.end()) return it->second;
  Dict tint;
  tint.set("FunctionType", 2)
      .set("Domain", Array{{0, 1}})
      .set("C0", Array{{0, 0, 0, 0}})
      .set("C1", Array{{sep.c, sep.m, sep.y, sep.k}})
      .set("N", 1);
  auto ref = shared.writer->add_object(
      Array{{Name{"Separation"}, Name{sep.colorant}, Name{"DeviceCMYK"}, tint}});
  if (ref) shared.separations.emplace(sep.colorant, *ref);
  return ref;
}

namespace {

class Painter {
 public:
  Painter(PageShared& shared, const layout::Page& page, int index, Diagnostics& diags)
      : shared_(shared), page_(page), index_(index), diags_(diags), at_(Coords::of(page)) {}

  bool color(const model::Color& c, bool stroke, std::string& out) {
    if (c.space == Space::Rgb) uses_rgb_ = true;
    if (c.space != Space::Spot) {
      append_color_op(out, c, stroke);
      return true;
    }
    auto name = spot_resource(separation_of(c));
    if (!name) return false;
    append_color_op(out, c, stroke, *name);
    return true;
  }

  std::optional<std::string> spot_resource(const Separation& sep) {
    auto ref = separation(shared_, sep);
    if (!ref) return std::nullopt;
    return shared_.writer->resource(index_, "ColorSpace", *ref);
  }

  // One display-list item; closes an open figure after its last item.
  bool paint(const layout::Item& it, std::string& out) {
    if (const auto* m = std::get_if<layout::Mark>(&it)) {
      element_ = m->element;
      return true;
    }
    if (tagged()) return tagged_paint(it, out);
    const bool figure = std::holds_alternative<layout::Figure>(it);
    if (!std::visit([&](const auto& x) { return item(x, out); }, it)) return false;
    if (!figure && figure_left_ > 0 && --figure_left_ == 0) out += "EMC\n";
    return true;
  }

  // Closes a figure whose items ran past the end of the page, or the open
  // marked content.
  void finish(std::string& out) {
    if (figure_left_ > 0 || open_) out += "EMC\n";
    figure_left_ = 0;
    open_ = false;
  }

  bool tagged() const { return shared_.structure != nullptr; }

  // Tagged: an item's drawing goes inside marked content for the current
  // element, opened when the element changes and only around something
  // drawn. The structure element carries a figure's alternate text, so
  // Figure items and an image's own /Alt span are left out.
  bool tagged_paint(const layout::Item& it, std::string& out) {
    if (std::holds_alternative<layout::Figure>(it)) return true;
    const auto& structure = *shared_.structure;
    const bool content = element_ >= 0 && static_cast<size_t>(element_) < structure.size();
    const int64_t want = content ? element_ : layout::Mark::kArtifact;
    if (content && std::holds_alternative<layout::GlyphRun>(it)) {
      // The run marks its own pieces (RunFont::open_piece).
      const std::string& role = structure[static_cast<size_t>(want)];
      // A piece with /ActualText is tagged Span: poppler reads ActualText
      // only there (its MCID still makes it the element's content).
      piece_ = Piece{&role, want, link_of(std::get<layout::GlyphRun>(it), want)};
      if (open_) out += "EMC\n";
      open_ = false;
      const bool ok = item(std::get<layout::GlyphRun>(it), out);
      piece_.role = nullptr;
      return ok;
    }
    thread_local std::string ops;
    ops.clear();
    bool ok = true;
    // An image inside text (the element is a paragraph, not a figure)
    // keeps its own /Alt span: it is the only place its description goes.
    const bool own_alt = content && structure[static_cast<size_t>(want)] != "Figure";
    if (const auto* img = std::get_if<layout::Image>(&it); img && !img->alt.empty() && !own_alt) {
      layout::Image plain = *img;
      plain.alt.clear();
      ok = item(plain, ops);
    } else {
      ok = std::visit([&](const auto& x) { return item(x, ops); }, it);
    }
    if (!ok) return false;
    if (ops.empty()) return true;
    if (!open_ || open_element_ != want) {
      if (open_) out += "EMC\n";
      if (content) {
        out += "/" + structure[static_cast<size_t>(want)] + " <</MCID " +
               std::to_string(mcids_.size()) + ">> BDC\n";
        mcids_.push_back(static_cast<int32_t>(want));
        links_.push_back(-1);
      } else {
        out += "/Artifact BMC\n";
      }
      open_ = true;
      open_element_ = want;
    }
    if (content && structure[static_cast<size_t>(want)] == "Figure") grow_box(static_cast<int32_t>(want), it);
    out += ops;
    return true;
  }

  std::vector<int32_t>& mcids() { return mcids_; }
  std::vector<int32_t>& mcid_links() { return links_; }
  std::map<int32_t, std::array<double, 4>>& figure_boxes() { return boxes_; }

  bool item(const layout::GlyphRun& run, std::string& out) {
    auto font = shared_.fonts->ref(*shared_.writer, run.font);
    if (!font) return run.glyphs.empty();
    auto name = shared_.writer->resource(index_, "Font", *font);
    fill_.clear();
    if (!name || !color(run.color, false, fill_)) return false;
    RunFont rf = shared_.fonts->run_font(run.font, *name);
    if (piece_.role) rf.open_piece = [this](std::string& s, const std::string* actual) { open_piece(s, actual); };
    append_glyph_run_ops(out, run, at_, rf, fill_);
    return true;
  }

  bool item(const layout::Rect& r, std::string& out) {
    if (!r.fill && !(r.stroke && r.stroke_width > 0)) return true;
    // Written in place: a failed colour fails the whole page.
    out += "q\n";
    if (r.fill && !color(*r.fill, false, out)) return false;
    const bool stroke = r.stroke && r.stroke_width > 0;
    if (stroke && !color(*r.stroke, true, out)) return false;
    if (stroke) {
      append_num(out, r.stroke_width);
      out += " w\n";
    }
    append_rect_path(out, at_, r.x, r.y, r.w, r.h, r.radius);
    out += paint_op(r.fill.has_value(), stroke);
    out += "Q\n";
    return true;
  }

  bool item(const layout::Path& p, std::string& out) {
    const bool stroke = p.stroke && p.stroke_width > 0;
    if (p.ops.empty() || (!p.fill && !stroke)) return true;
    std::string s = "q\n";
    if (p.fill && !color(*p.fill, false, s)) return false;
    if (stroke && !color(*p.stroke, true, s)) return false;
    if (stroke) s += num(p.stroke_width) + " w\n";
    s += path_ops(at_, p) + paint_op(p.fill.has_value(), stroke) + "Q\n";
    out += s;
    return true;
  }

  bool item(const layout::Image& img, std::string& out) {
    if (!(img.w > 0) || !(img.h > 0)) return true;
    auto ref = img.page > 0 ? shared_.graphics->get(shared_, img, diags_)
                            : shared_.images->get(*shared_.writer, img, diags_);
    if (!ref) return shared_.writer->ok();  // a bad image is a diagnostic, not a write failure
    auto name = shared_.writer->resource(index_, "XObject", *ref);
    if (!name) return false;
    out += image_ops(img, at_, *name);
    return true;
  }

  // Figures do not nest; one without alt text or items marks nothing.
  bool item(const layout::Figure& f, std::string& out) {
    if (figure_left_ > 0 || f.items == 0 || f.alt.empty()) return true;
    out += alt_begin(f.alt);
    figure_left_ = f.items;
    return true;
  }

  // Marks are read in paint().
  bool item(const layout::Mark&, std::string&) { return true; }

  bool uses_rgb() const { return uses_rgb_; }

 private:
  PageShared& shared_;
  const layout::Page& page_;
  int index_;
  Diagnostics& diags_;
  Coords at_;
  bool uses_rgb_ = false;
  uint32_t figure_left_ = 0;  // items still inside the open figure
  // A run's fill colour operator, reused: a CMYK one is past the short
  // string's room, and a page paints a run a line.
  std::string fill_;

  // The link of the element whose area holds the run's start: its words
  // (layout/text_setter.cpp makes the area from the run).
  int32_t link_of(const layout::GlyphRun& run, int64_t element) const {
    constexpr double eps = 0.01;
    for (size_t k = 0; k < page_.links.size(); ++k) {
      const layout::Link& l = page_.links[k];
      if (l.element == element && run.x >= l.x - eps && run.x < l.x + l.w - eps && run.y >= l.y - eps &&
          run.y <= l.y + l.h + eps)
        return static_cast<int32_t>(k);
    }
    return -1;
  }

  // A figure's bounding box grows by each image, rectangle or path it draws.
  void grow_box(int32_t element, const layout::Item& it) {
    double x = 0, y = 0, w = 0, h = 0;
    if (const auto* img = std::get_if<layout::Image>(&it)) {
      const bool clip = img->clip_w > 0 && img->clip_h > 0;
      x = clip ? img->clip_x : img->x, y = clip ? img->clip_y : img->y;
      w = clip ? img->clip_w : img->w, h = clip ? img->clip_h : img->h;
    } else if (const auto* r = std::get_if<layout::Rect>(&it)) {
      x = r->x, y = r->y, w = r->w, h = r->h;
    } else if (const auto* p = std::get_if<layout::Path>(&it); p && !p->ops.empty()) {
      // A chart's lines and slices: the box of their points, control points
      // included (a curve stays inside their hull).
      double x0 = p->ops[0].x, y0 = p->ops[0].y, x1 = x0, y1 = y0;
      const auto add = [&](double px, double py) {
        x0 = std::min(x0, px), y0 = std::min(y0, py), x1 = std::max(x1, px), y1 = std::max(y1, py);
      };
      for (const auto& op : p->ops) {
        if (op.kind == layout::Path::Op::Close) continue;
        add(op.x, op.y);
        if (op.kind == layout::Path::Op::Curve) add(op.x1, op.y1), add(op.x2, op.y2);
      }
      x = x0, y = y0, w = x1 - x0, h = y1 - y0;
    } else {
      return;
    }
    const std::array<double, 4> b{at_.x(x), at_.y(y + h), at_.x(x + w), at_.y(y)};
    auto [slot, fresh] = boxes_.try_emplace(element, b);
    if (fresh) return;
    auto& s = slot->second;
    s = {std::min(s[0], b[0]), std::min(s[1], b[1]), std::max(s[2], b[2]), std::max(s[3], b[3])};
  }

  // Tagged: the structure element whose glyph run is being painted.
  struct Piece {
    const std::string* role = nullptr;  // null: no run is being painted
    int64_t element = 0;
    int32_t link = -1;
  } piece_;

  // RunFont::open_piece for a tagged run.
  void open_piece(std::string& out, const std::string* actual) {
    out += '/';
    out += actual ? std::string_view("Span") : std::string_view(*piece_.role);
    out += " <</MCID ";
    char digits[24];
    out.append(digits, static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, mcids_.size()).ptr - digits));
    if (actual) {
      out += " /ActualText ";
      out += text_string_operand(*actual);
    }
    out += ">> BDC\n";
    mcids_.push_back(static_cast<int32_t>(piece_.element));
    links_.push_back(piece_.link);
  }
  int64_t element_ = layout::Mark::kArtifact;  // from the last Mark
  bool open_ = false;                          // tagged: marked content is open
  int64_t open_element_ = layout::Mark::kArtifact;
  std::vector<int32_t> mcids_;                 // element of each MCID
  std::vector<int32_t> links_;                 // page link of each MCID, -1 for none
  std::map<int32_t, std::array<double, 4>> boxes_;
};

}  // namespace

Array pdf_box(const layout::Box& box, const layout::Box& media) {
  const Coords at{media.x, media.y + media.h};
  const double x0 = std::clamp(box.x, media.x, media.x + media.w);
  const double x1 = std::clamp(box.x + box.w, media.x, media.x + media.w);
  const double y0 = std::clamp(box.y, media.y, media.y + media.h);
  const double y1 = std::clamp(box.y + box.h, media.y, media.y + media.h);
  return Array{{std::stod(num(at.x(x0))), std::stod(num(at.y(y1))), std::stod(num(at.x(x1))),
                std::stod(num(at.y(y0)))}};
}

std::optional<PageResult> write_page(PageShared& shared, const layout::Page& page,
                                     const std::vector<layout::Item>& items, Diagnostics& diags) {
  hpdf::Writer& w = *shared.writer;
  const layout::Box& m = page.media;
  Dict boxes;
  boxes.set("MediaBox", pdf_box(m, m))
      .set("CropBox", pdf_box(m, m))
      .set("BleedBox", pdf_box(page.bleed, m))
      .set("TrimBox", pdf_box(page.trim, m));
  if (shared.structure) {
    // The page's key in the parent tree is its index (write.cpp).
    boxes.set("StructParents", static_cast<int>(w.page_count()));
    if (!page.links.empty()) boxes.set("Tabs", Name{"S"});
  }
  auto index = w.add_page(boxes);
  if (!index) return std::nullopt;
  PageResult result;
  result.index = *index;
  Painter painter(shared, page, *index, diags);
  std::string& ops = result.content;
  // Room for a page like the last: the operators grow a run at a time.
  ops.reserve(shared.content_bytes + shared.content_bytes / 8);
  for (const auto& item : items)
    if (!painter.paint(item, ops)) return std::nullopt;
  painter.finish(ops);
  if (shared.crop_marks || shared.registration_marks) {
    auto all = painter.spot_resource(registration());
    if (!all) return std::nullopt;
    std::string marks = mark_ops(page, shared.crop_marks, shared.registration_marks, *all);
    result.marks_dropped = marks.empty();
    if (shared.structure && !marks.empty()) marks = "/Artifact BMC\n" + marks + "EMC\n";
    ops += marks;
  }
  result.uses_rgb = painter.uses_rgb();
  result.mcid_element = std::move(painter.mcids());
  result.mcid_link = std::move(painter.mcid_links());
  result.figure_box = std::move(painter.figure_boxes());
  if (shared.default_rgb && !w.set_resource(*index, "ColorSpace", "DefaultRGB", *shared.default_rgb))
    return std::nullopt;
  shared.content_bytes = ops.size();
  // Handed over, not copied: the result's content is read no more.
  if (!ops.empty() && !w.append_content(*index, std::exchange(ops, std::string()))) return std::nullopt;
  return result;
}

}  // namespace galley::pdf

namespace galley::pdf {

std::optional<std::string> write_layer(PageShared& shared, const layout::Page& page, int index,
                                       const std::vector<layout::Item>& items, Diagnostics& diags) {
  Painter painter(shared, page, index, diags);
  std::string ops;
  for (const auto& item : items)
    if (!painter.paint(item, ops)) return std::nullopt;
  painter.finish(ops);
  if (!painter.mcids().empty()) {
    diags.error({}, "cannot write PDF: a layer under page " + std::to_string(index + 1) + " has tagged content");
    return std::nullopt;
  }
  return ops;
}

}  // namespace galley::pdf
