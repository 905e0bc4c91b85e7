// The document's fonts as PDF objects: one Type0/Identity-H font per face
// actually used, with a CIDFontType2 (or CIDFontType0 for CFF outlines)
// descendant, an embedded hb-subset program (glyph ids kept, so CID = GID),
// /W from the program's rounded advances and /ToUnicode from the clusters.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "font_program.h"
#include "hpdf_objects.h"
#include "text_ops.h"
#include "tounicode.h"

namespace galley::pdf {

struct FontObjects;

class DocumentFonts {
 public:
  // Loads every face the items' glyph runs use and learns their glyphs
  // and glyph texts, before the items are drawn. False (with diagnostics)
  // when a font cannot be read.
  bool learn(const layout::DisplayList& list, const std::vector<layout::Item>& items, Diagnostics& diags);
  // learn() over every page.
  bool prepare(const layout::DisplayList& list, Diagnostics& diags);
  // Writes the font objects, once every page is drawn: the subsets hold
  // the glyphs learnt. False when libharu or hb-subset fails.
  bool embed(hpdf::Writer& writer, Diagnostics& diags);
  // The Type0 font object of `font` (an index into DisplayList::fonts),
  // made (empty until embed()) at its first use.
  std::optional<Ref> ref(hpdf::Writer& writer, int font);
  // How glyph_run_ops() positions and annotates text in `font`.
  RunFont run_font(int font, const std::string& resource) const;

  // /W array for `gids` (consecutive ids grouped), exposed for tests.
  static Array widths(const FontProgram& program, const std::set<uint32_t>& gids);

 private:
  struct Used {
    FontProgram program;
    std::set<uint32_t> gids;
    // By 16-bit gid: its /W width once it is in `gids`, else kUnseen, so a
    // drawn glyph costs an index, not a set insert and a HarfBuzz advance.
    std::vector<int> widths;
    GlyphTextMap text;
    std::string path;
    SourceLoc loc;     // where the layout names the font
    std::string file;  // the subset cache's name for the program (pdf/detail/font_streams.h)
    std::optional<Ref> ref;
  };
  static constexpr int kUnseen = -1;
  // The font's objects (libharu W16); empty, or why they cannot be made.
  static std::string make_objects(const Used& used, FontObjects& out);
  static std::string objects_key(const Used& used);
  std::map<int, Used> used_;
  std::set<int> failed_;  // fonts that could not be read, reported once
};

}  // namespace galley::pdf
