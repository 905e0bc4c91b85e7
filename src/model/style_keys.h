// Every key of a style in the layout descriptor (docs/format.md, "Styles"),
// declared once.
//
// A plain key is one value that load/ reads with one reader, the cascade
// inherits along `base:` as it is, and that lands in resolve::ParaStyle
// under the same member name. Its PLAIN line makes all of that: the
// optional member of model::Style, the member of resolve::ParaStyle with its
// default, the loader's read, the inheritance and the copy into the resolved
// style. Adding one is that line, the member's use, and docs/format.md
// (docs/architecture.md, "Adding a style key").
//
//   PLAIN(key, member, type, default, read)   read: a model::StyleRead
//   OTHER(key)   read, inherited and resolved by hand (a colour name, a
//                font checked against `fonts:`, a size that scales the
//                leading, a character-level key that reaches shaping)
//
// The order is the order keys are suggested in ("did you mean").
#pragma once

namespace galley::model {

// How load/ reads a plain key's value.
struct StyleRead {
  enum Kind { Boolean, Points, SignedPoints, Integer };
  Kind kind = Boolean;
  int lo = 0, hi = 0;  // Integer's range
};

}  // namespace galley::model

#define GALLEY_STYLE_BOOLEAN (::galley::model::StyleRead{::galley::model::StyleRead::Boolean})
#define GALLEY_STYLE_POINTS (::galley::model::StyleRead{::galley::model::StyleRead::Points})
#define GALLEY_STYLE_SIGNED_POINTS (::galley::model::StyleRead{::galley::model::StyleRead::SignedPoints})
#define GALLEY_STYLE_INTEGER(lo, hi) (::galley::model::StyleRead{::galley::model::StyleRead::Integer, lo, hi})

#define GALLEY_STYLE_KEYS(PLAIN, OTHER)                                                    \
  OTHER("base")                                                                          \
  OTHER("font")                                                                          \
  OTHER("weight")                                                                        \
  OTHER("style")                                                                         \
  OTHER("size")                                                                          \
  OTHER("leading")                                                                       \
  OTHER("align")                                                                         \
  PLAIN("hyphenate", hyphenate, bool, false, GALLEY_STYLE_BOOLEAN)                       \
  OTHER("language")                                                                      \
  PLAIN("space-before", space_before, double, 0, GALLEY_STYLE_POINTS)                    \
  PLAIN("space-after", space_after, double, 0, GALLEY_STYLE_POINTS)                      \
  PLAIN("first-indent", first_indent, double, 0, GALLEY_STYLE_SIGNED_POINTS)             \
  PLAIN("left-indent", left_indent, double, 0, GALLEY_STYLE_POINTS)                      \
  PLAIN("right-indent", right_indent, double, 0, GALLEY_STYLE_POINTS)                    \
  PLAIN("keep-with-next", keep_with_next, bool, false, GALLEY_STYLE_BOOLEAN)             \
  PLAIN("widows", widows, int, 2, GALLEY_STYLE_INTEGER(1, 10))                           \
  PLAIN("orphans", orphans, int, 2, GALLEY_STYLE_INTEGER(1, 10))                         \
  OTHER("color")                                                                         \
  OTHER("background")                                                                    \
  OTHER("border")                                                                        \
  PLAIN("border-width", border_width, double, 0, GALLEY_STYLE_POINTS)                    \
  PLAIN("padding", padding, double, 0, GALLEY_STYLE_POINTS)                              \
  PLAIN("radius", radius, double, 0, GALLEY_STYLE_POINTS)                                \
  OTHER("features")                                                                      \
  OTHER("tracking")                                                                      \
  PLAIN("uppercase", uppercase, bool, false, GALLEY_STYLE_BOOLEAN)                       \
  PLAIN("smart-quotes", smart_quotes, bool, true, GALLEY_STYLE_BOOLEAN)                  \
  OTHER("emergency-stretch")                                                             \
  PLAIN("protrusion", protrusion, bool, true, GALLEY_STYLE_BOOLEAN)                      \
  OTHER("expansion")

// The plain keys alone.
#define GALLEY_STYLE_SKIP(key)
#define GALLEY_PLAIN_STYLE_KEYS(PLAIN) GALLEY_STYLE_KEYS(PLAIN, GALLEY_STYLE_SKIP)
