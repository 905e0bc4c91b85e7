// model::Layout: the layout descriptor, typed. Produced by load/. Lengths are
// in points; font and image paths are absolute.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"  // model::Fit (image elements)
#include "model/style_keys.h"
#include "model/values.h"

namespace galley::model {

struct PageSetup {
  double width = 612, height = 792;  // trim size, after orientation
  bool landscape = false;
  double bleed = 0;
  double slug = 0;                   // room outside the bleed for marks
  bool crop_marks = false;
  bool registration_marks = false;
  SourceLoc loc;
};

struct FontFamily {
  std::string name;
  std::string regular, bold, italic, bold_italic;  // absolute paths; may be empty but for regular
  SourceLoc loc;
};

enum class Align { Justify, Left, Right, Center };
enum class VAlign { Top, Middle, Bottom };

// Every field optional: `base:` inheritance is resolved by resolve/.
struct Style {
  std::string name;
  SourceLoc loc;
  std::string base;
  SourceLoc base_loc;
  std::optional<double> leading;       // points
  std::optional<Align> align;
  std::optional<std::string> color;    // a name in `colors:` or a literal
  std::optional<Color> color_value;    // the colour itself, resolved by the loader
  std::optional<std::string> background;
  std::optional<Color> background_value;
  std::optional<std::string> border;
  std::optional<Color> border_value;
  std::optional<Length> emergency_stretch;  // a percentage is of the font size
  std::optional<double> expansion;         // fraction of a glyph's width, each way
#define GALLEY_STYLE_MEMBER(key, member, type, fallback, read) std::optional<type> member;
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_MEMBER)  // the plain and character keys (model/style_keys.h)
#undef GALLEY_STYLE_MEMBER
};

// Element and frame geometry: a percentage is of the page's trim width (x,
// width) or trim height (y, height); origin at the top-left of the trim box.
struct Element {
  enum class Kind { Rect, Line, Image, Text };
  Kind kind = Kind::Rect;
  SourceLoc loc;
  Length x, y, width, height;          // line: x,y → x+width,y+height
  std::optional<Color> fill, stroke;
  double stroke_width = 1;
  double radius = 0;
  std::string src;                     // image
  Fit fit = Fit::Cover;
  int page = 1;                        // image: the page of a PDF
  std::vector<Recolor> recolor;        // image: a vector graphic's colours
  Text text;                           // text; may use {{page}}, {{pages}}
  std::string style;
  bool bleed = false;                  // rect/image extended into the bleed on sides it touches
};

struct Frame {
  std::string name;
  std::string flow;
  SourceLoc loc, flow_loc;
  Length x, y, width, height;
  int columns = 1;
  double gutter = 12;
  VAlign valign = VAlign::Top;
  double padding = 0;
  bool balance = false;
};

struct Master {
  std::string name;
  SourceLoc loc;
  std::optional<Color> background;     // fills the page into the bleed
  std::string background_image;        // absolute path, or empty
  std::vector<Element> elements;
  std::vector<Frame> frames;
  std::optional<Element> header, footer;  // Kind::Text
};

struct SequenceEntry {
  std::string master;
  SourceLoc loc;
  bool until_empty = false;
  int count = 1;
};

struct FitRule {
  std::string flow;
  double shrink_to = 0;  // smallest body size, points
  SourceLoc loc;
};

struct Output {
  std::string standard;     // "" or "PDF/X-4"
  bool pdf_ua = false;      // PDF/UA-1 asked for
  std::string pdf_a;        // "", "2a", "2b" or "2u" (PDF/A-2 asked for)
  bool tagged = true;       // write a structure tree
  SourceLoc standard_loc, tagged_loc;
  std::string icc_profile;  // absolute path
  SourceLoc icc_profile_loc;
  std::string condition = "Coated offset";
  std::string imposition = "none";  // none | booklet | trifold
  // URI schemes links may use besides http, https, mailto and tel
  // (`link-schemes:`), lower case.
  std::vector<std::string> link_schemes;
  // False when `link-schemes:` had an error (reported): which links are
  // allowed is then not known, and none is reported for its scheme.
  bool link_schemes_read = true;
  SourceLoc loc;
};

// The heading level each running head of master text follows
// (`running-heads:`): `{{section}}` the last heading of level `section`
// started on or before the page, `{{section-first}}` the first on it.
struct RunningHeads {
  int section = 1, chapter = 1, part = 1;
  SourceLoc loc;
};

// Footnotes (`footnotes:`): how they are numbered and the rule above them
// at the foot of a column.
struct Footnotes {
  bool per_page = false;          // numbering: page (else document)
  Length rule_width{33, true, {}}; // of the column's width when a percentage
  double rule_weight = 0.5;       // points; 0: no rule
  Color rule_color = Color::black();
  double space = 6;               // above the rule and between it and the notes
  SourceLoc loc;
};

struct Layout {
  std::string path;
  PageSetup page;
  std::vector<FontFamily> fonts;
  std::vector<std::string> fallback;  // family names, in order
  std::vector<std::string> omit_flows; // content flows left out on purpose
  std::map<std::string, Color> colors;
  std::map<std::string, Style> styles;
  std::map<std::string, Master> masters;
  std::vector<SequenceEntry> sequence;
  std::vector<FitRule> fit;
  RunningHeads running_heads;
  Footnotes footnotes;
  Output output;
};

}  // namespace galley::model
