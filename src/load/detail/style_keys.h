// The keys of a style in the layout descriptor. Shared so the content loader
// can tell a user who writes a style key on a block where it belongs; the
// keys themselves are declared in model/style_keys.h.
#pragma once
#include <string_view>

#include "model/style_keys.h"

namespace galley::load {

#define GALLEY_STYLE_KEY_NAME(key, ...) key,
inline constexpr std::string_view kStyleKeys[] = {
    GALLEY_STYLE_KEYS(GALLEY_STYLE_KEY_NAME, GALLEY_STYLE_KEY_NAME, GALLEY_STYLE_KEY_NAME)};
#undef GALLEY_STYLE_KEY_NAME

}  // namespace galley::load
