// The display list: what layout/ hands to pdf/ and print/. Plain data, no
// PDF or libharu types. Units are points; the origin is the top-left corner
// of the trim box, y grows downwards (the bleed and slug have negative
// coordinates or lie beyond the trim size).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "diag/diagnostic.h"
#include "model/values.h"
#include "text/shaped.h"

namespace galley::layout {

using model::Color;

// A font file used by the document. Glyph runs refer to it by index into
// DisplayList::fonts, so each face is embedded once.
struct FontRef {
  std::string path;
  unsigned face_index = 0;   // inside a collection
  std::string family;
  bool bold = false, italic = false;
  SourceLoc loc;  // the layout's `fonts:` entry, for errors about the file
};

// The glyphs and clusters of a run are text/'s (text/shaped.h,
// text/cluster_list.h).
using text::Cluster;
using text::Glyph;

// Glyphs in visual (left-to-right drawing) order with explicit positions.
struct GlyphRun {
  int font = 0;         // index into DisplayList::fonts
  double size = 10;
  Color color;
  double x = 0, y = 0;  // baseline origin
  std::vector<Glyph> glyphs;
  text::ClusterList clusters;
  std::string text;     // the clusters' text, UTF-8, each cluster in logical order
  bool rtl = false;     // clusters in the run read right to left
  SourceLoc loc;        // the block this text came from

  std::string_view text_of(const Cluster& c) const { return std::string_view(text).substr(c.text_begin, c.text_size); }
  // Appends a cluster of `count` glyphs from `first` that stands for `s`.
  void add_cluster(uint32_t first, uint32_t count, std::string_view s) {
    clusters.push_back({first, count, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(s.size())});
    text += s;
  }
  // Font expansion: glyphs drawn this much wider (PDF Tz); positions and
  // advances above already include it.
  double hscale = 1;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  std::optional<Color> fill, stroke;
  double stroke_width = 0;
  double radius = 0;
  SourceLoc loc;
};

struct Path {
  struct Op {
    enum Kind { Move, Line, Curve, Close } kind = Move;
    double x = 0, y = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // Curve: control points x1,y1,x2,y2 then end x,y
  };
  std::vector<Op> ops;
  std::optional<Color> fill, stroke;
  double stroke_width = 0;
  SourceLoc loc;
};

struct Image {
  std::string path;
  int pixel_width = 0, pixel_height = 0;      // 0 for a vector graphic
  // A vector graphic (image/vector.h): the page placed (1-based; 0 for PNG
  // and JPEG), its size in points, and the colours it prints RGB in
  // (0xRRGGBB → colour, sorted by RGB).
  int page = 0;
  double natural_w = 0, natural_h = 0;
  std::vector<std::pair<uint32_t, Color>> recolor;
  double x = 0, y = 0, w = 0, h = 0;          // where the whole image is placed
  double clip_x = 0, clip_y = 0, clip_w = 0, clip_h = 0;  // visible area (== placement unless fit: cover)
  std::string alt;           // alternate description, "" for none
  SourceLoc loc;
};

// Draws nothing: the `items` items after it are one figure (a QR code's
// modules) that assistive technology reads as `alt`, as an image's alt.
struct Figure {
  std::string alt;
  uint32_t items = 0;
  SourceLoc loc;
};

// Tagged PDF (docs/accessibility.md): the items after a Mark, up to the
// next Mark or the page's end, draw the content of one structure element,
// or an artifact. In a finished list `element` indexes
// DisplayList::structure; inside layout/ it is first a block's own node
// (MeasuredBlock::structure), then a key that names the flow and block too.
struct Mark {
  static constexpr int64_t kArtifact = -1;
  int64_t element = kArtifact;
};

using Item = std::variant<GlyphRun, Rect, Path, Image, Figure, Mark>;

struct Link {
  double x = 0, y = 0, w = 0, h = 0;
  std::string uri;   // external, or
  std::string dest;  // a named destination
  SourceLoc loc;
  std::string text = {};  // the words the area covers, for the annotation's /Contents
  int64_t element = Mark::kArtifact;  // the structure element the words belong to (see Mark)
};

// One element of the structure tree, in reading order: an element comes
// after its parent and after the elements before it in the content file.
struct StructElement {
  std::string role;     // a standard structure type: "P", "H2", "L", "LI", "Table", "TH", "Figure"...
  int32_t parent = -1;  // index into the same vector; -1: the document
  std::string alt;      // Figure: what it shows
  std::string lang;     // BCP 47, when it differs from the document's
  std::string scope;    // TH: "Column" or "Row"
  SourceLoc loc;
};

// Distinct strings numbered in the order they came, looked up by hash: a
// content can give each of a hundred thousand elements a language of its
// own.
class StringTable {
 public:
  uint32_t index(const std::string& s);
  const std::string& operator[](uint32_t i) const { return strings_[i]; }

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, uint32_t> at_;  // looked up only: its order reaches nothing
};

// A structure element kept compact: its strings numbered in tables beside
// it (StringTable), the rare alt text and scope apart.
struct StructRecord {
  int32_t parent;
  uint32_t file;  // in the files' table
  int32_t line, col;
  uint32_t extra;       // 1 + index of its StructExtra, or 0
  uint32_t role, lang;  // in the words' table
};
struct StructExtra {
  std::string alt, scope;
};

// The structure elements of a list, in the order StructElement describes.
// A long report has a hundred thousand, held until the PDF's end: each is
// kept in a few words, its role, language and source file as indices into
// tables of the distinct ones (a few dozen, and the content files), the
// rare alt text and scope apart, not as a StructElement of five strings
// (176 bytes, and a copy of the file's name).
class StructureList {
 public:
  // An element read back; its strings are the list's.
  struct Element {
    const std::string& role;
    int32_t parent;
    const std::string& alt;
    const std::string& lang;
    const std::string& scope;
    const std::string& file;
    int line, col;
    SourceLoc loc() const { return {file, line, col}; }
  };
  class Iterator {
   public:
    Iterator(const StructureList& list, size_t i) : list_(&list), i_(i) {}
    Element operator*() const { return (*list_)[i_]; }
    Iterator& operator++() { return ++i_, *this; }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const StructureList* list_;
    size_t i_;
  };

  void push_back(const StructElement& e);
  void reserve(size_t n) { records_.reserve(n); }
  Element operator[](size_t i) const;
  size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, size()}; }
  // Empties the list; the tables of words and files stay for the next.
  void clear() { records_.clear(), extras_.clear(); }

 private:
  std::vector<StructRecord> records_;
  std::vector<StructExtra> extras_;
  StringTable words_, files_;
};

struct Destination {
  std::string name;
  double y = 0;
};

struct OutlineEntry {
  std::string title;
  int level = 1;
  int page = 0;  // 0-based
  double y = 0;
};

// A box in the page's own coordinates (same origin as items).
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

struct Page {
  Box media, bleed, trim;  // trim is {0,0,width,height}
  std::vector<Item> items; // painting order
  std::vector<Link> links;
  std::vector<Destination> destinations;
  std::string label;       // printed page number ("" for none)
  std::string master;
};

struct Metadata {
  std::string title, subtitle, author, subject, keywords, language;
  std::string date;  // ISO 8601 date or empty
  SourceLoc loc;     // the content file's `meta:` (reports about the metadata)
};

struct OutputIntent {
  std::string standard;     // "" or "PDF/X-4"
  std::string icc_profile;  // path
  std::string condition;
  SourceLoc loc;  // the layout's `profile:`, for errors about the file
};

struct DisplayList {
  std::vector<FontRef> fonts;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  Metadata meta;
  OutputIntent intent;
  bool crop_marks = false, registration_marks = false;
  double bleed = 0;
  // Tagged PDF: the structure tree and the accessibility and archiving
  // standards the file declares. lay_out() tags unless the layout says
  // `tagged: false`; a list made by hand is untagged unless it says so.
  bool tagged = false;
  StructureList structure;
  // While pages are handed on (layout::PageSink), `structure` holds only
  // the elements the last page met first, numbered from here, their roles
  // alone (what a page's drawing reads of them); the complete list, in
  // content order, is there from 0 once every page is.
  size_t structure_base = 0;
  bool pdf_ua = false;   // PDF/UA-1
  std::string pdf_a;     // "", "2a", "2b" or "2u" (PDF/A-2)
  SourceLoc standard_loc;  // where the layout asks for them
  std::string source_hash;  // hex digest of the inputs, for /ID
};

}  // namespace galley::layout
