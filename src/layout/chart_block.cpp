// Charts: drawn as vector items (rectangles, paths) and glyph runs set in
// the layout's fonts through the normal shaping path, so their labels are
// selectable text. Width a length or a percentage of the column (default
// 100 %, never wider), height given or from the aspect ratio; never split,
// shorter when the column is; one Figure in the structure tree with the
// chart's alt text; caption below as for images. Geometry is
// chart_geometry.h; this file places the labels around it.
#include <algorithm>
#include <cmath>

#include "detail/chart_block.h"
#include "detail/image_block.h"
#include "detail/chart_geometry.h"
#include "detail/structure.h"
#include "resolve/chart.h"

namespace galley::layout {

namespace {

// Tags of the label paragraphs TextSetter keeps per chart (derived()).
constexpr int kTopTitle = 1, kBottomTitle = 2, kTick = 100, kLegend = 1000, kCategory = 1'000'000,
              kValue = 2'000'000;
// Past this many, value labels would be a smear: `labels:` prints none.
constexpr size_t kMostValueLabels = 200;

class ChartPainter {
 public:
  ChartPainter(const resolve::Block& b, TextSetter& ts)
      : b_(b), c_(*b.figure->chart), ts_(ts), size_(c_.text.size), leading_(c_.text.leading) {}

  // Draws the chart into a w × h box at the origin.
  void draw(double w, double h) {
    if (c_.type == model::ChartType::Pie) pie(w, h);
    else axes_chart(w, h);
  }

  std::vector<Item>& items() { return items_; }

 private:
  const resolve::Paragraph& label(int tag, const std::string& text) {
    return ts_.derived(&c_, tag, [&] { return plain_paragraph(text, c_.text, b_.loc); });
  }
  double width_of(int tag, const std::string& text) { return ts_.natural_width(label(tag, text)); }

  // A one-line label: `align` 0 puts its left edge at x, 0.5 its centre,
  // 1 its right edge; its digits centred on y.
  void text(int tag, const std::string& s, double x, double y, double align) {
    if (s.empty()) return;
    const resolve::Paragraph& p = label(tag, s);
    const double w = ts_.natural_width(p);
    auto lines = ts_.lines(p, w + 100);
    if (lines.empty()) return;
    std::vector<Link> links;
    ts_.draw(std::move(lines.front()), b_.loc, x - align * w, y + 0.35 * size_, items_, links);
  }

  void rect(double x, double y, double w, double h, const Color& fill, double radius = 0) {
    Rect r;
    r.x = x, r.y = y, r.w = w, r.h = h;
    r.fill = fill;
    r.radius = radius;
    r.loc = b_.loc;
    items_.push_back(r);
  }

  const Color& color(size_t i) const { return c_.colors[i % c_.colors.size()]; }
  static Color grid() { return Color::gray(0.82); }

  std::vector<std::vector<double>> values() const {
    std::vector<std::vector<double>> v;
    for (const auto& s : c_.series) v.push_back(s.values);
    return v;
  }

  // Legend entries (a swatch and a name) in rows across `w` from `top`;
  // returns its height.
  double legend_below(const std::vector<std::string>& names, double w, double top, bool measure_only) {
    if (!c_.legend || names.empty()) return 0;
    const double swatch = 0.8 * size_, gap = 3;
    std::vector<double> widths;
    for (size_t i = 0; i < names.size(); ++i) widths.push_back(swatch + gap + width_of(kLegend + int(i), names[i]));
    const auto placed = chart::legend_rows(widths, w, 2 * size_);
    if (measure_only) return (placed.back().row + 1) * leading_ + 0.4 * leading_;
    for (size_t i = 0; i < names.size(); ++i) {
      const double y = top + 0.4 * leading_ + placed[i].row * leading_ + leading_ / 2;
      rect(placed[i].x, y - swatch / 2, swatch, swatch, color(i));
      text(kLegend + int(i), names[i], placed[i].x + swatch + gap, y, 0);
    }
    return 0;
  }

  void axes_chart(double w, double h) {
    const bool across = c_.horizontal && c_.type == model::ChartType::Bar;
    const bool line = c_.type == model::ChartType::Line;
    const auto v = values();
    const auto [lo, hi] = chart::value_range(v, c_.stacked && !line);
    const chart::Scale scale = chart::nice_scale(lo, hi);
    std::vector<std::string> ticks;
    double tick_w = 0;
    for (size_t i = 0; i < scale.ticks.size(); ++i) {
      ticks.push_back(resolve::chart_value(c_, scale.ticks[i], scale.decimals));
      tick_w = std::max(tick_w, width_of(kTick + int(i), ticks.back()));
    }
    const size_t n = c_.categories.size();
    double cat_w = 0;
    for (size_t i = 0; i < n; ++i) cat_w = std::max(cat_w, width_of(kCategory + int(i), c_.categories[i]));
    std::vector<std::string> names;
    for (const auto& s : c_.series) names.push_back(s.name);
    // Value labels: each value, or a stack's total.
    std::vector<std::pair<size_t, double>> values;  // (category, value) per label
    if (c_.labels) {
      for (size_t i = 0; i < n; ++i) {
        double total = 0;
        for (const auto& s : v) {
          if (i >= s.size()) continue;
          if (c_.stacked && !line) total += s[i];
          else values.emplace_back(i, s[i]);
        }
        if (c_.stacked && !line) values.emplace_back(i, total);
      }
      if (values.size() > kMostValueLabels) values.clear();
    }
    std::vector<std::string> value_text;
    double value_w = 0;
    for (size_t i = 0; i < values.size(); ++i) {
      value_text.push_back(resolve::chart_value(c_, values[i].second, -1));
      value_w = std::max(value_w, width_of(kValue + int(i), value_text.back()));
    }

    // Titles: the value axis's above a vertical chart, the categories'
    // above a horizontal one; the other centred below.
    const std::string& top_title = across ? c_.x_label : c_.y_label;
    const std::string& bottom_title = across ? c_.y_label : c_.x_label;
    chart::Box plot;
    plot.y = (top_title.empty() ? 0 : leading_) + 0.6 * size_ + (values.empty() || across ? 0 : leading_);
    double bottom = h - legend_below(names, w, 0, true);
    const double legend_top = bottom;
    if (!bottom_title.empty()) bottom -= leading_;
    const double title_y = bottom + leading_ / 2;
    bottom -= leading_;  // the tick or category labels under the plot
    plot.h = std::max(1.0, bottom - plot.y);
    const double gap = 0.4 * size_;
    plot.x = (across ? std::min(cat_w, 0.4 * w) : tick_w) + gap;
    const double right = across ? std::max(tick_w / 2, values.empty() ? 0 : value_w + gap) : 0.5 * size_;
    plot.w = std::max(1.0, w - plot.x - right);

    text(kTopTitle, top_title, 0, leading_ / 2, 0);
    text(kBottomTitle, bottom_title, plot.x + plot.w / 2, title_y, 0.5);

    // Grid lines and value labels at each tick.
    for (size_t i = 0; i < scale.ticks.size(); ++i) {
      const double t = scale.ticks[i];
      if (across) {
        const double x = chart::position(scale, t, plot.x, plot.x + plot.w);
        if (t != 0) rect(x - 0.25, plot.y, 0.5, plot.h, grid());
        text(kTick + int(i), ticks[i], x, plot.y + plot.h + leading_ / 2, 0.5);
      } else {
        const double y = chart::position(scale, t, plot.y + plot.h, plot.y);
        if (t != 0) rect(plot.x, y - 0.25, plot.w, 0.5, grid());
        text(kTick + int(i), ticks[i], plot.x - gap, y, 1);
      }
    }

    if (line) lines(v, scale, plot);
    else
      for (const chart::Bar& bar : chart::bars(v, scale, plot, c_.stacked, across))
        rect(bar.box.x, bar.box.y, bar.box.w, bar.box.h, color(bar.series));

    // The zero line over the bars' feet.
    if (across) rect(chart::position(scale, 0, plot.x, plot.x + plot.w) - 0.4, plot.y, 0.8, plot.h, c_.text.color);
    else rect(plot.x, chart::position(scale, 0, plot.y + plot.h, plot.y) - 0.4, plot.w, 0.8, c_.text.color);

    // Category labels; every k-th when they would collide.
    if (n > 0) {
      const double band = (across ? plot.h : plot.w) / static_cast<double>(n);
      const double need = across ? leading_ : cat_w + size_;
      const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(need / band)));
      for (size_t i = 0; i < n; i += every) {
        if (across)
          text(kCategory + int(i), c_.categories[i], plot.x - gap,
               chart::band_centre(i, n, plot.y, plot.y + plot.h), 1);
        else
          text(kCategory + int(i), c_.categories[i], chart::band_centre(i, n, plot.x, plot.x + plot.w),
               plot.y + plot.h + leading_ / 2, 0.5);
      }
    }
    value_labels(values, value_text, v, scale, plot, across, line);
    legend_below(names, w, legend_top, false);
  }

  // Each label at the outer end of its bar (a stack's total at the end of
  // its positive part), or above its point.
  void value_labels(const std::vector<std::pair<size_t, double>>& values, const std::vector<std::string>& text_of,
                    const std::vector<std::vector<double>>& v, const chart::Scale& scale, const chart::Box& plot,
                    bool across, bool line) {
    if (values.empty()) return;
    const size_t n = c_.categories.size();
    const double gap = 0.4 * size_;
    const bool stacked = c_.stacked && !line;
    const size_t per = stacked ? 1 : v.size();
    const double band = (across ? plot.h : plot.w) / static_cast<double>(std::max<size_t>(n, 1));
    for (size_t i = 0; i < values.size(); ++i) {
      const auto [category, value] = values[i];
      double end = value;
      if (stacked) {
        end = 0;
        for (const auto& s : v)
          if (category < s.size() && s[category] > 0) end += s[category];
      }
      // Across the band: the bar's centre (side by side), or the band's.
      double along = (across ? plot.y : plot.x) + (static_cast<double>(category) + 0.5) * band;
      if (!line && !stacked) along += (static_cast<double>(i % per) + 0.5 - per / 2.0) * 0.7 * band / per;
      if (across) {
        const double x = chart::position(scale, end, plot.x, plot.x + plot.w);
        text(kValue + int(i), text_of[i], end < 0 ? x - gap : x + gap, along, end < 0 ? 1 : 0);
      } else {
        const double y = chart::position(scale, end, plot.y + plot.h, plot.y);
        text(kValue + int(i), text_of[i], along, end < 0 ? y + 0.6 * leading_ : y - 0.6 * leading_, 0.5);
      }
    }
  }

  void lines(const std::vector<std::vector<double>>& v, const chart::Scale& scale, const chart::Box& plot) {
    const double dot = std::max(2.0, 0.35 * size_);
    for (size_t k = 0; k < v.size(); ++k) {
      Path p;
      p.stroke = color(k);
      p.stroke_width = std::max(1.0, 0.15 * size_);
      p.loc = b_.loc;
      std::vector<std::pair<double, double>> points;
      for (size_t i = 0; i < v[k].size(); ++i) {
        const double x = chart::band_centre(i, v[k].size(), plot.x, plot.x + plot.w);
        const double y = chart::position(scale, v[k][i], plot.y + plot.h, plot.y);
        p.ops.push_back({i == 0 ? Path::Op::Move : Path::Op::Line, x, y});
        points.emplace_back(x, y);
      }
      items_.push_back(std::move(p));
      // Dots mark the data; past a few hundred points they would be a smear.
      if (points.size() <= 200)
        for (const auto& [x, y] : points) rect(x - dot / 2, y - dot / 2, dot, dot, color(k), dot / 2);
    }
  }

  void pie(double w, double h) {
    const auto& values = c_.series.empty() ? std::vector<double>{} : c_.series[0].values;
    double total = 0;
    for (double x : values) total += std::max(0.0, x);
    std::vector<std::string> names;
    double widest = 0;
    for (size_t i = 0; i < values.size() && i < c_.categories.size(); ++i) {
      std::string s = c_.categories[i] + "  " + resolve::chart_value(c_, values[i], -1);
      if (total > 0) s += " (" + std::to_string(std::lround(100 * values[i] / total)) + " %)";
      names.push_back(s);
      widest = std::max(widest, width_of(kLegend + int(i), s));
    }
    const double swatch = 0.8 * size_, gap = 3;
    double d = std::min(h, w / 2);
    const double side_x = d + 2 * size_;
    // The legend goes beside the pie when it fits there, else below it.
    const bool beside = !c_.legend || side_x + swatch + gap + widest <= w;
    if (!beside) d = std::max(1.0, std::min(h - legend_below(names, w, 0, true), w));
    const double r = d / 2 - 1;
    const double cx = beside ? d / 2 : w / 2, cy = d / 2;
    for (const chart::Slice& s : chart::pie_slices(values)) {
      Path p;
      p.ops = chart::slice_path(cx, cy, r, c_.hole * r, s.start, s.sweep);
      p.fill = color(s.category);
      p.stroke = Color::white();
      p.stroke_width = 0.75;
      p.loc = b_.loc;
      items_.push_back(std::move(p));
    }
    if (!c_.legend) return;
    if (!beside) {
      legend_below(names, w, d, false);
      return;
    }
    const double top = std::max(0.0, cy - names.size() * leading_ / 2);
    for (size_t i = 0; i < names.size(); ++i) {
      const double y = top + (i + 0.5) * leading_;
      rect(side_x, y - swatch / 2, swatch, swatch, color(i));
      text(kLegend + int(i), names[i], side_x + swatch + gap, y, 0);
    }
  }

  const resolve::Block& b_;
  const resolve::Chart& c_;
  TextSetter& ts_;
  double size_, leading_;
  std::vector<Item> items_;
};

}  // namespace

MeasuredBlock measure_chart(const resolve::Block& b, double width, double height, TextSetter& ts) {
  MeasuredBlock m;
  m.loc = b.loc;
  if (!b.figure->chart) return m;
  const resolve::Chart& c = *b.figure->chart;
  const double w = std::clamp(c.width ? c.width->resolve(width) : width, 1.0, width);
  double h = c.height ? c.height->resolve(height) : w / c.aspect;
  Caption caption = measure_caption(b, width, ts);
  // A chart never splits: in a short column it is drawn shorter, down to a
  // few lines of its labels.
  if (h + caption.height > height) h = std::max(height - caption.height, std::min(h, 6 * c.text.leading));
  ChartPainter painter(b, ts);
  painter.draw(w, h);
  const double dx = (width - w) / 2;
  Slice s;
  s.gap_before = b.box->space_before;
  const int figure = add_node(m, "Figure", -1, b.loc);
  m.structure[static_cast<size_t>(figure)].alt = b.figure->alt;
  s.items.push_back(Mark{figure});
  s.items.push_back(Figure{b.figure->alt, static_cast<uint32_t>(painter.items().size()), b.loc});
  for (Item& it : painter.items()) {
    translate(it, dx, 0);
    s.items.push_back(std::move(it));
  }
  finish_figure(b, std::move(s), h, std::move(caption), m);
  return m;
}

}  // namespace galley::layout
