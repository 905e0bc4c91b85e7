// Every key of a style in the layout descriptor (docs/format.md, "Styles"),
// declared once.
//
// A plain key is one value that load/ reads with one reader, the cascade
// inherits along `base:` as it is, and that lands in resolve::ParaStyle
// under the same member name. Its PLAIN line makes all of that: the
// optional member of model::Style, the member of resolve::ParaStyle with its
// default, the loader's read, the inheritance and the copy into the resolved
// style.
//
// A character key is a plain key that also reaches shaping: its CHAR line
// makes everything a PLAIN line does, plus the member of resolve::CharStyle
// (a run's style), its copy from the paragraph into each run, a character
// style's (strong, emphasis, code, link) override of it, and its part in the
// shape memo's key (text/shape_cache.cpp); tests/text/shape_key_test.cpp
// changes each CHAR member in turn and expects a new key.
//
// Adding a key is its line, the member's use, and docs/format.md
// (docs/architecture.md, "Adding a style key").
//
//   PLAIN(key, member, type, default, read)   read: a model::StyleRead
//   CHAR(key, member, type, default, read)
//   OTHER(key)   read, inherited and resolved by hand (a colour name, a
//                size-dependent length, the leading that follows the size)
//
// The order is the order keys are suggested in ("did you mean").
#pragma once
#include <string>
#include <vector>

namespace galley::model {

// How load/ reads a plain or character key's value.
struct StyleRead {
  enum Kind {
    Boolean,         // true or false
    Choice,          // `yes` or `no`, read as true or false
    Points,          // a length, not negative
    PositivePoints,  // a length above zero
    SignedPoints,    // a length of either sign
    Integer,         // a whole number in [lo, hi]
    Number,          // a number in [lo, hi]
    Name,            // a string
    Font,            // a family defined under `fonts:`
    Features,        // a list of OpenType feature settings
  };
  Kind kind = Boolean;
  int lo = 0, hi = 0;                         // Integer's and Number's range
  const char* yes = nullptr, *no = nullptr;   // Choice's words
  const char* what = nullptr;                 // how errors name the value; else 'key'
};

}  // namespace galley::model

#define GALLEY_STYLE_READ_(...) (::galley::model::StyleRead{__VA_ARGS__})
#define GALLEY_STYLE_BOOLEAN GALLEY_STYLE_READ_(::galley::model::StyleRead::Boolean)
#define GALLEY_STYLE_CHOICE(yes, no, what) \
  GALLEY_STYLE_READ_(::galley::model::StyleRead::Choice, 0, 0, yes, no, what)
#define GALLEY_STYLE_POINTS GALLEY_STYLE_READ_(::galley::model::StyleRead::Points)
#define GALLEY_STYLE_POSITIVE_POINTS GALLEY_STYLE_READ_(::galley::model::StyleRead::PositivePoints)
#define GALLEY_STYLE_SIGNED_POINTS GALLEY_STYLE_READ_(::galley::model::StyleRead::SignedPoints)
#define GALLEY_STYLE_INTEGER(lo, hi) GALLEY_STYLE_READ_(::galley::model::StyleRead::Integer, lo, hi)
#define GALLEY_STYLE_NUMBER(lo, hi, what) \
  GALLEY_STYLE_READ_(::galley::model::StyleRead::Number, lo, hi, nullptr, nullptr, what)
#define GALLEY_STYLE_NAME GALLEY_STYLE_READ_(::galley::model::StyleRead::Name)
#define GALLEY_STYLE_FONT GALLEY_STYLE_READ_(::galley::model::StyleRead::Font)
#define GALLEY_STYLE_FEATURES GALLEY_STYLE_READ_(::galley::model::StyleRead::Features)

#define GALLEY_STYLE_KEYS(PLAIN, CHAR, OTHER)                                                               \
  OTHER("base")                                                                                             \
  CHAR("font", font, std::string, "Noto Serif", GALLEY_STYLE_FONT)                                          \
  CHAR("weight", bold, bool, false, GALLEY_STYLE_CHOICE("bold", "normal", "weight"))                        \
  CHAR("style", italic, bool, false, GALLEY_STYLE_CHOICE("italic", "normal", "font style"))                 \
  CHAR("size", size, double, 10, GALLEY_STYLE_POSITIVE_POINTS)                                              \
  OTHER("leading")                                                                                          \
  OTHER("align")                                                                                            \
  PLAIN("hyphenate", hyphenate, bool, false, GALLEY_STYLE_BOOLEAN)                                          \
  CHAR("language", language, std::string, "en-US", GALLEY_STYLE_NAME)                                       \
  PLAIN("space-before", space_before, double, 0, GALLEY_STYLE_POINTS)                                       \
  PLAIN("space-after", space_after, double, 0, GALLEY_STYLE_POINTS)                                         \
  PLAIN("first-indent", first_indent, double, 0, GALLEY_STYLE_SIGNED_POINTS)                                \
  PLAIN("left-indent", left_indent, double, 0, GALLEY_STYLE_POINTS)                                         \
  PLAIN("right-indent", right_indent, double, 0, GALLEY_STYLE_POINTS)                                       \
  PLAIN("keep-with-next", keep_with_next, bool, false, GALLEY_STYLE_BOOLEAN)                                \
  PLAIN("widows", widows, int, 2, GALLEY_STYLE_INTEGER(1, 10))                                              \
  PLAIN("orphans", orphans, int, 2, GALLEY_STYLE_INTEGER(1, 10))                                            \
  OTHER("color")                                                                                            \
  OTHER("background")                                                                                       \
  OTHER("border")                                                                                           \
  PLAIN("border-width", border_width, double, 0, GALLEY_STYLE_POINTS)                                       \
  PLAIN("padding", padding, double, 0, GALLEY_STYLE_POINTS)                                                 \
  PLAIN("radius", radius, double, 0, GALLEY_STYLE_POINTS)                                                   \
  CHAR("features", features, std::vector<std::string>, std::vector<std::string>{}, GALLEY_STYLE_FEATURES)   \
  CHAR("tracking", tracking, double, 0, GALLEY_STYLE_NUMBER(-500, 1000, "'tracking' (em/1000)"))            \
  PLAIN("uppercase", uppercase, bool, false, GALLEY_STYLE_BOOLEAN)                                          \
  PLAIN("smart-quotes", smart_quotes, bool, true, GALLEY_STYLE_BOOLEAN)                                     \
  OTHER("emergency-stretch")                                                                                \
  PLAIN("protrusion", protrusion, bool, true, GALLEY_STYLE_BOOLEAN)                                         \
  OTHER("expansion")

// The plain and character keys, which have the same line shape (a
// character key is also a plain key), and the character keys alone.
#define GALLEY_STYLE_SKIP(...)
#define GALLEY_PLAIN_STYLE_KEYS(PLAIN) GALLEY_STYLE_KEYS(PLAIN, PLAIN, GALLEY_STYLE_SKIP)
#define GALLEY_CHAR_STYLE_KEYS(CHAR) GALLEY_STYLE_KEYS(GALLEY_STYLE_SKIP, CHAR, GALLEY_STYLE_SKIP)
