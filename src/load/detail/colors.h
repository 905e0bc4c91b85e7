// Colours in descriptors. Components are numbers from 0 to 1 or
// percentages ("60%"); gray follows PDF DeviceGray (0 black, 1 white).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yaml_tree.h"

#include "reader.h"
#include "model/values.h"

namespace galley::load {

// "#rgb" / "#rrggbb" (RGB), {gray: g}, {rgb: [r, g, b]}, {cmyk: [c, m, y, k]},
// {spot: Name, cmyk: [c, m, y, k], tint: t}.
std::optional<model::Color> parse_color_literal(Reader& r, const Node& n, std::string_view what);

// A literal, a name from `palette`, or a built-in name (black, white).
// Unknown names are reported with a did-you-mean over the palette.
std::optional<model::Color> color_ref(Reader& r, const Node& n, std::string_view what,
                                      const std::map<std::string, model::Color>& palette);

// `recolor: {"#0057b8": mayo-blue}`: each key a graphic's colour as
// #rrggbb, each value the colour to print it in. With a palette (a layout
// file) values are looked up at once; without one (a content file) a name
// is kept for resolve/ to look up in the layout's palette, and a literal is
// read at once.
std::vector<model::Recolor> recolor_map(Reader& r, const Node& n,
                                        const std::map<std::string, model::Color>* palette);

}  // namespace galley::load
