// The keys of a style in the layout descriptor. Shared so the content loader
// can tell a user who writes a style key on a block where it belongs.
#pragma once
#include <string_view>

namespace galley::load {

inline constexpr std::string_view kStyleKeys[] = {
    "base",         "font",         "weight",       "style",          "size",    "leading",     "align",
    "hyphenate",    "language",     "space-before", "space-after",    "first-indent", "left-indent",
    "right-indent", "keep-with-next", "widows",     "orphans",        "color",   "background",  "border",
    "border-width", "padding",      "radius",       "features",       "tracking", "uppercase",
    "smart-quotes", "emergency-stretch", "protrusion", "expansion"};

}  // namespace galley::load
