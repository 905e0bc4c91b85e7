#include "detail/chart_loader.h"

#include <filesystem>


#include "detail/cell_format.h"
#include "load/data_rows.h"

namespace galley::load {
namespace {

using model::ChartType;

std::string grouped(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string fields_of(const model::DataTable& t) {
  std::string s;
  for (size_t i = 0; i < t.fields.size() && i < 12; ++i) s += (i ? ", " : "") + t.fields[i];
  if (t.fields.size() > 12) s += ", ...";
  return s;
}

class ChartLoader {
 public:
  explicit ChartLoader(Reader& r) : r_(r) {}

  std::shared_ptr<const model::Chart> load(const Node& n) {
    if (!n.IsMap()) {
      r_.error(n, std::string("expected {type: bar, data: FILE, x: FIELD, y: [FIELDS]} for chart, found ") +
                      describe(n));
      return nullptr;
    }
    auto c = std::make_shared<model::Chart>();
    c->loc = r_.loc(n);
    r_.map(n, "chart", {"type", "data", "x", "y", "stacked", "horizontal", "donut", "legend", "labels", "colors",
                        "x-label", "y-label", "width", "height", "aspect", "format", "alt", "caption"});
    if (const auto v = r_.get(n, "type"))
      if (auto t = r_.choice(v, "chart 'type'", {"bar", "line", "pie"}))
        c->type = *t == "bar" ? ChartType::Bar : *t == "line" ? ChartType::Line : ChartType::Pie;
    options(n, *c);
    Node x = r_.get(n, "x"), y = r_.get(n, "y"), data = r_.get(n, "data");
    if (!data) r_.error(n, "missing required key 'data' in chart (a CSV, YAML or JSON file of rows)");
    if (!x) r_.error(n, "missing required key 'x' in chart (the field of the categories)");
    if (!y) r_.error(n, "missing required key 'y' in chart (the field or fields of the values)");
    std::vector<Node> y_nodes;
    if (y && y.IsSequence()) {
      if (y.size() == 0) r_.error(y, "'y' names no field");
      for (const auto& f : y) y_nodes.push_back(f);
    } else if (y) {
      y_nodes.push_back(y);
    }
    if (c->type == ChartType::Pie && y_nodes.size() > 1)
      r_.error(y, "a pie chart shows one series; 'y' names " + std::to_string(y_nodes.size()) + " fields");
    if (!data || !x || y_nodes.empty()) return c;
    const auto path = r_.existing_file(data, "chart 'data'");
    if (!path) return c;
    // Named in messages as written, when that is the file the check passed.
    std::string named = r_.relative_path(data.Scalar());
    std::error_code ec;
    if (!std::filesystem::equivalent(named, *path, ec)) named = *path;
    auto table = read_data_table(named, r_.diags());
    if (!table) return c;
    columns(*table, data, x, y_nodes, *c);
    if (!c->y_fields.empty()) c->data = std::make_shared<const model::DataTable>(std::move(*table));
    return c;
  }

 private:
  void options(const Node& n, model::Chart& c) {
    const bool bar = c.type == ChartType::Bar, pie = c.type == ChartType::Pie;
    const auto only = [&](const Node& v, const char* key, bool ok, const char* kinds) {
      if (!ok) r_.error(v, std::string("'") + key + "' is for " + kinds + " only");
      return ok;
    };
    if (const auto v = r_.get(n, "stacked"); v && only(v, "stacked", bar, "bar charts"))
      c.stacked = r_.boolean(v, "'stacked'").value_or(false);
    if (const auto v = r_.get(n, "horizontal"); v && only(v, "horizontal", bar, "bar charts"))
      c.horizontal = r_.boolean(v, "'horizontal'").value_or(false);
    if (const auto v = r_.get(n, "donut"); v && only(v, "donut", pie, "pie charts")) {
      // `donut: true` or the hole as a fraction of the radius.
      if (v.IsScalar() && (v.Scalar() == "true" || v.Scalar() == "false"))
        c.hole = *r_.boolean(v, "'donut'") ? 0.55 : 0;
      else if (auto h = r_.number(v, "'donut' (true, false or the hole's share of the radius)", 0, 0.9))
        c.hole = *h;
    }
    if (const auto v = r_.get(n, "legend")) c.legend = r_.boolean(v, "'legend'");
    if (const auto v = r_.get(n, "labels"); v && only(v, "labels", !pie, "bar and line charts"))
      c.labels = r_.boolean(v, "'labels'").value_or(false);
    if (const auto v = r_.get(n, "colors")) {
      if (r_.sequence(v, "chart 'colors'")) {
        if (v.size() == 0) r_.error(v, "'colors' names no colour");
        for (const auto& e : v)
          if (auto s = r_.string(e, "a colour name")) {
            c.colors.push_back(*s);
            c.color_locs.push_back(r_.loc(e));
          }
      }
    }
    if (const auto v = r_.get(n, "x-label")) {
      c.x_label = r_.text(v, "'x-label'");
      c.x_label_set = true;
    }
    if (const auto v = r_.get(n, "y-label")) {
      c.y_label = r_.text(v, "'y-label'");
      c.y_label_set = true;
    }
    if (const auto v = r_.get(n, "width")) c.width = r_.length(v, "chart 'width'", LengthRule::PositiveOrPercent);
    if (const auto v = r_.get(n, "height")) c.height = r_.length(v, "chart 'height'", LengthRule::Positive);
    if (const auto v = r_.get(n, "aspect"))
      if (auto a = r_.number(v, "chart 'aspect' (width / height)", 0.2, 5)) c.aspect = *a;
    if (const auto v = r_.get(n, "format")) {
      read_cell_format(r_, v, c.format, "a chart");
      if (c.format.kind == model::CellFormat::Kind::Date)
        r_.error(v, "a chart's values are numbers: its 'format' is number, integer or percent");
    }
    if (const auto v = r_.get(n, "alt"))
      if (auto s = r_.string(v, "'alt'")) c.alt = *s;
    if (const auto v = r_.get(n, "caption")) c.caption = r_.text(v, "'caption'");
  }

  std::optional<size_t> field(const model::DataTable& t, const Node& n, std::string_view what) {
    const auto name = r_.string(n, what);
    if (!name) return std::nullopt;
    if (auto i = t.field_index(*name)) return i;
    r_.error(n, "unknown field '" + name->substr(0, 60) + "' in " + t.source +
                    r_.hint(*name, [&] { return t.fields; }) + "; its fields are " + fields_of(t));
    return std::nullopt;
  }

  void columns(const model::DataTable& t, const Node& data, const Node& x,
               const std::vector<Node>& y, model::Chart& c) {
    const auto xi = field(t, x, "chart 'x'");
    std::vector<size_t> yi;
    for (const auto& n : y) {
      if (auto i = field(t, n, "a 'y' field")) {
        yi.push_back(*i);
        c.y_locs.push_back(r_.loc(n));
      }
    }
    if (!xi || yi.size() != y.size()) return;
    if (t.rows.empty()) {
      r_.error(data, t.source + " has no rows to chart");
      return;
    }
    const size_t most = c.type == ChartType::Bar ? kMaxBarCategories
                        : c.type == ChartType::Line ? kMaxLinePoints
                                                    : kMaxPieSlices;
    if (t.rows.size() > most) {
      const char* what = c.type == ChartType::Bar    ? "a bar chart draws at most %s bars per series"
                         : c.type == ChartType::Line ? "a line chart draws at most %s points per series"
                                                     : "a pie chart draws at most %s slices";
      std::string message = what;
      message.replace(message.find("%s"), 2, grouped(most));
      r_.error(data, message + "; " + t.source + " has " + grouped(t.rows.size()) + " rows");
      return;
    }
    c.x_field = *xi;
    c.y_fields = yi;
  }

  Reader& r_;
};

}  // namespace

std::shared_ptr<const model::Chart> load_chart(Reader& r, const Node& n) { return ChartLoader(r).load(n); }

}  // namespace galley::load
