#include "detail/master_elements.h"

#include "detail/paragraph_block.h"
#include "detail/image_fit.h"
#include "resolve/resolve.h"

namespace galley::layout {

namespace {

struct Area {
  double x = 0, y = 0, w = 0, h = 0;
};

Area area_of(const model::Element& e, const model::PageSetup& page) {
  Area a{e.x.resolve(page.width), e.y.resolve(page.height), e.width.resolve(page.width),
         e.height.resolve(page.height)};
  if (!e.bleed || page.bleed <= 0) return a;
  // Sides on the trim edge reach into the bleed so trimming leaves no sliver.
  constexpr double eps = 0.01;
  const double b = page.bleed;
  if (a.x <= eps) a.w += a.x + b, a.x = -b;
  if (a.y <= eps) a.h += a.y + b, a.y = -b;
  if (a.x + a.w >= page.width - eps) a.w = page.width + b - a.x;
  if (a.y + a.h >= page.height - eps) a.h = page.height + b - a.y;
  return a;
}

void text_element(const resolve::TextTemplate& t, const Area& a, const resolve::TextTemplate::Values& values,
                  const text::FontBook& fonts, Page& page, std::vector<Item>& items, Diagnostics& diags) {
  const resolve::Paragraph para = t.fill(values);
  // A setter per element: its cache is keyed by the paragraph's address.
  TextSetter ts(fonts, false, diags);
  std::vector<Link> links;
  draw_paragraph(para, a.w > 0 ? a.w : page.trim.w - 2 * a.x, a.x, a.y, ts, items, links);
  for (Link& l : links) page.links.push_back(std::move(l));
}

void image_in(const std::string& path, const Area& a, model::Fit fit, const SourceLoc& loc,
              std::vector<Item>& items, Diagnostics& diags, int page = 1,
              const std::vector<model::Recolor>& recolor = {}) {
  std::vector<std::pair<uint32_t, Color>> colors;
  for (const model::Recolor& m : recolor)
    if (m.color) colors.emplace_back(m.rgb, *m.color);
  auto img = probe_image(path, page, std::move(colors), loc, diags);
  if (!img) return;
  fit_image(*img, a.x, a.y, a.w, a.h, fit);
  items.push_back(std::move(*img));
}

}  // namespace

std::vector<Item> master_items(const model::Master& master, const model::Layout& layout,
                               const std::vector<resolve::TextTemplate>& texts,
                               const resolve::TextTemplate::Values& values, const text::FontBook& fonts,
                               Page& page, Diagnostics& diags) {
  std::vector<Item> items;
  const Area bleed{page.bleed.x, page.bleed.y, page.bleed.w, page.bleed.h};
  if (master.background) {
    Rect r{bleed.x, bleed.y, bleed.w, bleed.h, master.background, std::nullopt, 0, 0, master.loc};
    items.push_back(r);
  }
  if (!master.background_image.empty())
    image_in(master.background_image, bleed, model::Fit::Cover, master.loc, items, diags);

  size_t text = 0;  // the next of `texts`, which follow the master's text elements
  auto element = [&](const model::Element& e) {
    const Area a = area_of(e, layout.page);
    switch (e.kind) {
      case model::Element::Kind::Rect: {
        Rect r{a.x, a.y, a.w, a.h, e.fill, e.stroke, e.stroke ? e.stroke_width : 0, e.radius, e.loc};
        items.push_back(r);
        break;
      }
      case model::Element::Kind::Line: {
        Path p;
        p.ops.push_back({Path::Op::Move, a.x, a.y});
        p.ops.push_back({Path::Op::Line, a.x + a.w, a.y + a.h});
        p.stroke = e.stroke ? e.stroke : e.fill ? e.fill : Color::black();
        p.stroke_width = e.stroke_width;
        p.loc = e.loc;
        items.push_back(std::move(p));
        break;
      }
      case model::Element::Kind::Image: image_in(e.src, a, e.fit, e.loc, items, diags, e.page, e.recolor); break;
      case model::Element::Kind::Text:
        if (text < texts.size()) text_element(texts[text++], a, values, fonts, page, items, diags);
        break;
    }
  };
  for (const model::Element& e : master.elements) element(e);
  if (master.header) element(*master.header);
  if (master.footer) element(*master.footer);
  return items;
}

}  // namespace galley::layout
