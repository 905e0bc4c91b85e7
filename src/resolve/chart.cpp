#include "resolve/chart.h"

#include <algorithm>
#include <cmath>

#include "detail/nearest.h"
#include "detail/number_format.h"

namespace galley::resolve {

namespace {

using Space = model::Color::Space;

// How light a colour prints, 0 (solid) to 1 (paper).
double lightness(const Color& c) {
  switch (c.space) {
    case Space::Gray: return c.v[0];
    case Space::Rgb: return (c.v[0] + c.v[1] + c.v[2]) / 3;
    case Space::Cmyk: return 1 - std::min(1.0, std::max({c.v[0], c.v[1], c.v[2]}) + c.v[3]);
    case Space::Spot: return 1 - c.tint * std::min(1.0, std::max({c.v[0], c.v[1], c.v[2]}) + c.v[3]);
  }
  return 0;
}

Color cmyk(double c, double m, double y, double k) {
  Color out;
  out.space = Space::Cmyk;
  out.v = {c, m, y, k};
  return out;
}

std::vector<Color> palette(const model::Chart& c, const model::Layout& layout, Diagnostics& diags) {
  std::vector<Color> out;
  if (!c.colors.empty()) {
    std::vector<std::string> names;
    for (const auto& [name, color] : layout.colors) names.push_back(name);
    for (size_t i = 0; i < c.colors.size(); ++i) {
      const auto it = layout.colors.find(c.colors[i]);
      if (it != layout.colors.end()) out.push_back(it->second);
      else {
        std::string hint = did_you_mean(c.colors[i], names);
        if (hint.empty()) hint = " (the layout " + layout.path + " does not define it)";
        diags.error(c.color_locs[i], "unknown colour '" + c.colors[i].substr(0, 60) + "'" + hint);
      }
    }
    return out;
  }
  for (int i = 1;; ++i) {
    const auto it = layout.colors.find("chart-" + std::to_string(i));
    if (it == layout.colors.end()) break;
    out.push_back(it->second);
  }
  if (!out.empty()) return out;
  std::vector<const Color*> written;
  for (const auto& [name, color] : layout.colors)
    if (lightness(color) < 0.9) written.push_back(&color);
  std::sort(written.begin(), written.end(), [](const Color* a, const Color* b) {
    return std::pair{a->loc.line, a->loc.col} < std::pair{b->loc.line, b->loc.col};
  });
  for (const Color* color : written) out.push_back(*color);
  if (out.empty())
    out = {cmyk(1, 0.45, 0, 0.1), cmyk(0, 0.55, 1, 0), cmyk(0.7, 0, 0.9, 0.1), cmyk(0, 0.9, 0.6, 0.1),
           cmyk(0.5, 0.6, 0, 0), cmyk(0, 0, 0, 0.6)};
  return out;
}

// `c` at `t` of its strength, in its own space (a spot colour as a tint).
Color lighter(Color c, double t) {
  switch (c.space) {
    case Space::Gray:
    case Space::Rgb:
      for (double& v : c.v) v = 1 - (1 - v) * t;
      break;
    case Space::Cmyk: for (double& v : c.v) v *= t; break;
    case Space::Spot: c.tint *= t; break;
  }
  return c;
}

// One colour per series (a pie's: per slice): the palette in turn, each
// round after the first lighter, so no two neighbours print alike.
std::vector<Color> enough(const std::vector<Color>& palette, size_t needed) {
  std::vector<Color> out;
  for (size_t i = 0; i < std::max(needed, palette.size()); ++i) {
    const size_t round = i / palette.size();
    out.push_back(round == 0 ? palette[i % palette.size()]
                             : lighter(palette[i % palette.size()], std::max(0.25, 1 - 0.35 * static_cast<double>(round))));
  }
  return out;
}

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<model::ChartSeries>& series) {
  std::string out;
  for (size_t i = 0; i < series.size(); ++i) {
    if (i > 0) out += i + 1 == series.size() ? " and " : ", ";
    out += series[i].name;
  }
  return out;
}

// Past this a value's digits are beyond a double's and a page's precision.
constexpr double kMaxValue = 1e15;

// A label as a chart prints it: at most 60 characters, the rest "…". Longer
// ones do not fit beside a bar, and a data file's 64 KiB cells would cost
// seconds of shaping.
std::string label(const std::string& s) {
  constexpr int kMost = 60;
  int chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (++chars > kMost) return s.substr(0, i) + "\u2026";
  }
  return s;
}

// The plotted cells as numbers; each field's first cell that is not one is
// an error at the cell.
void read_values(const model::Chart& c, Chart& out, Diagnostics& diags) {
  if (!c.data) return;
  const model::DataTable& t = *c.data;
  for (const auto& row : t.rows) out.categories.push_back(label(row[c.x_field]));
  const bool pie = c.type == model::ChartType::Pie;
  for (size_t k = 0; k < c.y_fields.size(); ++k) {
    const size_t f = c.y_fields[k];
    model::ChartSeries s{label(t.fields[f]), {}, c.y_locs[k]};
    double positive = 0;
    for (size_t row = 0; row < t.rows.size(); ++row) {
      const std::string& cell = t.rows[row][f];
      const auto v = parse_number(cell);
      const std::string where = "field '" + s.name + "' of row " + std::to_string(row + 1);
      std::string problem;
      if (!v) problem = cell.empty() ? " is empty; a chart needs a number there"
                                     : " is '" + cell.substr(0, 40) + "', not a number";
      else if (!std::isfinite(*v) || std::abs(*v) > kMaxValue) problem = " is too large to chart (over 10^15)";
      else if (pie && *v < 0) problem = " is negative (" + cell.substr(0, 40) + "); a pie chart shows parts of a whole";
      if (!problem.empty()) {
        diags.error(t.cell_location(row, f), where + problem);
        break;
      }
      positive += std::max(*v, 0.0);
      s.values.push_back(*v);
    }
    if (s.values.size() == t.rows.size() && pie && positive == 0)
      diags.error(c.y_locs[k], "every value of '" + s.name + "' is 0; a pie chart needs a positive value");
    out.series.push_back(std::move(s));
  }
}

}  // namespace

std::shared_ptr<const Chart> resolve_chart(const model::Chart& c, const model::Layout& layout,
                                           const ParaStyle& text, Diagnostics& diags) {
  auto out = std::make_shared<Chart>();
  out->type = c.type;
  out->stacked = c.stacked;
  out->horizontal = c.horizontal;
  out->hole = c.hole;
  out->labels = c.labels;
  out->format = c.format;
  read_values(c, *out, diags);
  const bool pie = c.type == model::ChartType::Pie;
  out->colors = palette(c, layout, diags);
  if (out->colors.empty()) out->colors.push_back(Color::black());
  out->colors = enough(out->colors, pie ? out->categories.size() : out->series.size());
  // A single series needs no legend (the value axis names it); a pie's
  // legend names its slices.
  out->legend = c.legend.value_or(pie || out->series.size() > 1);
  const std::string x = c.data ? label(c.data->fields[c.x_field]) : "";
  out->x_label = c.x_label_set ? c.x_label.value : pie ? "" : x;
  out->y_label = c.y_label_set ? c.y_label.value : out->series.size() == 1 && !pie ? out->series[0].name : "";
  out->text = text;
  out->width = c.width;
  out->height = c.height;
  out->aspect = c.aspect > 0 ? c.aspect : pie ? 2.0 : 1.6;
  return out;
}

std::string chart_summary(const Chart& c) {
  std::string kind;
  switch (c.type) {
    case model::ChartType::Bar: kind = c.stacked ? "Stacked bar chart" : "Bar chart"; break;
    case model::ChartType::Line: kind = "Line chart"; break;
    case model::ChartType::Pie: kind = c.hole > 0 ? "Donut chart" : "Pie chart"; break;
  }
  std::string s = kind + " of " + joined(c.series);
  if (!c.x_label.empty()) s += " by " + c.x_label;
  if (c.categories.empty() || c.series.empty()) return s + ", without data.";
  if (c.type == model::ChartType::Pie) {
    const auto& v = c.series[0].values;
    double total = 0;
    for (double x : v) total += std::max(x, 0.0);
    s += ": ";
    const size_t shown = std::min<size_t>(v.size(), 8);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) s += ", ";
      s += c.categories[i] + " " + chart_value(c, v[i], -1);
      if (total > 0) s += " (" + std::to_string(std::lround(100 * v[i] / total)) + " %)";
    }
    if (shown < v.size()) s += " and " + std::to_string(v.size() - shown) + " more";
    return s + ".";
  }
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& series : c.series)
    for (double x : series.values) lo = std::min(lo, x), hi = std::max(hi, x);
  s += ", " + c.categories.front();
  if (c.categories.size() > 1) s += "\u2013" + c.categories.back();
  s += ": " + chart_value(c, lo, -1);
  if (hi > lo) s += " to " + chart_value(c, hi, -1);
  return s + ".";
}

std::string chart_value(const Chart& c, double v, int decimals) {
  return format_number(v, c.format, decimals, c.text.language);
}

}  // namespace galley::resolve
