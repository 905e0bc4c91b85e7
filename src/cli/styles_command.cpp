#include "detail/styles_command.h"

#include <cstdio>
#include <algorithm>
#include <sstream>

#include "cli/cli.h"
#include "detail/report.h"
#include "load/load.h"
#include "resolve/resolve.h"

namespace galley::cli {

namespace {

const char* align_name(model::Align a) {
  switch (a) {
    case model::Align::Justify: return "justify";
    case model::Align::Left: return "left";
    case model::Align::Right: return "right";
    case model::Align::Center: return "center";
  }
  return "left";
}

std::string pt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpt", v);
  return buf;
}

std::string colour(const model::Color& c) {
  char buf[96];
  switch (c.space) {
    case model::Color::Space::Gray: std::snprintf(buf, sizeof buf, "gray %g", c.v[0]); break;
    case model::Color::Space::Rgb: std::snprintf(buf, sizeof buf, "rgb %g %g %g", c.v[0], c.v[1], c.v[2]); break;
    case model::Color::Space::Cmyk:
      std::snprintf(buf, sizeof buf, "cmyk %g %g %g %g", c.v[0], c.v[1], c.v[2], c.v[3]);
      break;
    case model::Color::Space::Spot: std::snprintf(buf, sizeof buf, "spot %s %g", c.spot_name.c_str(), c.tint); break;
  }
  return buf;
}

void describe(const resolve::ParaStyle& p, bool built_in, std::ostringstream& out) {
  out << p.name << ": " << p.font;
  if (p.bold) out << " bold";
  if (p.italic) out << " italic";
  out << ' ' << pt(p.size) << '/' << pt(p.leading) << ' ' << align_name(p.align);
  if (p.hyphenate) out << " hyphenate";
  out << ' ' << p.language << ", color " << colour(p.color);
  if (p.space_before != 0 || p.space_after != 0) out << ", space " << pt(p.space_before) << '/' << pt(p.space_after);
  if (p.first_indent != 0) out << ", first-indent " << pt(p.first_indent);
  if (p.left_indent != 0 || p.right_indent != 0)
    out << ", indents " << pt(p.left_indent) << '/' << pt(p.right_indent);
  if (p.background) out << ", background " << colour(*p.background);
  if (p.border) out << ", border " << colour(*p.border) << ' ' << pt(p.border_width);
  if (p.padding != 0) out << ", padding " << pt(p.padding);
  if (p.keep_with_next) out << ", keep-with-next";
  if (p.uppercase) out << ", uppercase";
  if (built_in) out << "  (built-in)";
  out << '\n';
}

}  // namespace

std::string describe_styles(const model::Layout& layout, Diagnostics& diags) {
  const resolve::Cascade cascade(layout, "en-US", diags);
  std::ostringstream out;
  out << "paragraph styles:\n";
  for (const auto& [name, p] : cascade.with_defaults()) {
    if (std::find(resolve::kCharacterStyles.begin(), resolve::kCharacterStyles.end(), name) !=
        resolve::kCharacterStyles.end())
      continue;
    out << "  ";
    describe(p, !cascade.para(name), out);
  }
  out << "character styles:\n";
  const resolve::ParaStyle body = cascade.fallback("body");
  for (const char* name : resolve::kCharacterStyles) {
    resolve::CharStyle c = resolve::char_style(body);
    cascade.apply(name, c);
    out << "  " << name << ": " << c.font;
    if (c.bold) out << " bold";
    if (c.italic) out << " italic";
    if (c.strike) out << " struck through";
    out << ' ' << pt(c.size) << ", color " << colour(c.color);
    if (!cascade.flat(name)) out << "  (built-in)";
    out << '\n';
  }
  return out.str();
}

int run_styles(const std::string& layout_path) {
  Diagnostics diags;
  auto layout = load::load_layout(layout_path, diags);
  if (layout) {
    std::string listing = describe_styles(*layout, diags);
    if (!diags.has_errors()) std::fwrite(listing.data(), 1, listing.size(), stdout);
  }
  print_diagnostics(diags, stderr);
  return diags.has_errors() ? InputError : Ok;
}

}  // namespace galley::cli
