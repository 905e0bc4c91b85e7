#include "detail/font_facts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include "image/image.h"
#include "text/text.h"

namespace galley::print {
namespace {

struct Library {
  FT_Library lib = nullptr;
  ~Library() { if (lib) FT_Done_FreeType(lib); }
};

struct Face {
  hb_blob_t* file = nullptr;  // the process's one copy of the font file (text/font_file.h)
  FT_Face face = nullptr;
  ~Face() {
    if (face) FT_Done_Face(face);
    hb_blob_destroy(file);
  }
};

std::optional<FontFacts> read_facts(const layout::FontRef& font, std::string& error) {
  Library library;
  if (FT_Init_FreeType(&library.lib) != 0) {
    error = "FreeType cannot start";
    return std::nullopt;
  }
  Face face;
  face.file = text::font_file(font.path);
  unsigned size = 0;
  const char* data = face.file ? hb_blob_get_data(face.file, &size) : nullptr;
  if (size == 0 || FT_New_Memory_Face(library.lib, reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(size),
                                      static_cast<FT_Long>(font.face_index), &face.face) != 0) {
    error = "cannot read font file '" + font.path + "'";
    return std::nullopt;
  }
  FontFacts facts;
  if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face.face, FT_SFNT_OS2))) {
    facts.fs_type = os2->fsType;
  }
  if (face.face->units_per_EM > 0 && face.face->ascender > 0) {
    facts.ascender = static_cast<double>(face.face->ascender) / face.face->units_per_EM;
    facts.descender = -static_cast<double>(face.face->descender) / face.face->units_per_EM;
  }
  return facts;
}

}  // namespace

std::optional<FontFacts> read_font_facts(const layout::FontRef& font, std::string& error) {
  // Preflight checks every font of every batch row.
  static image::FileFacts<FontFacts> known;
  return known.get(font.path, std::to_string(font.face_index), [&] { return read_facts(font, error); });
}

std::string embedding_restriction(uint16_t fs_type) {
  // Bits 1-3 are exclusive by the spec; when a font sets several, the least
  // restrictive one applies, so only "restricted" alone forbids embedding.
  if ((fs_type & 0x000E) == 0x0002) return "its licence forbids embedding (OS/2 fsType restricted)";
  if (fs_type & 0x0200) return "its licence allows only bitmap embedding (OS/2 fsType 0x0200)";
  if (fs_type & 0x0100) return "its licence forbids subsetting (OS/2 fsType 0x0100), and galley subsets every font";
  return {};
}

}  // namespace galley::print
