#include "detail/font_book.h"
#include "detail/font_file.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace galley::text {
namespace {

// One loaded face. The file is mapped, not read: FreeType and HarfBuzz read
// the blob in place and touch only the tables they use (a brochure's four
// faces are 2 MB, of which shaping reads a fraction). FreeType checks the
// face at load and is closed again; it is opened anew only for ft_face().
struct Face {
  FaceInfo info;
  FT_Face ft = nullptr;
  bool mapped_now = false;  // this load mapped the file (drop_font_pages)
  hb_blob_t* blob = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;

  Face() = default;
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;
  ~Face() {
    if (hb_font) hb_font_destroy(hb_font);
    if (hb_face) hb_face_destroy(hb_face);
    if (blob) hb_blob_destroy(blob);
    if (ft) FT_Done_Face(ft);
  }
};

// OS/2 fsType: bit 1 alone is "restricted license embedding"; bit 9 is
// "bitmap embedding only". Everything else allows embedding outlines.
bool embeddable(unsigned fs_type) {
  if ((fs_type & 0x000F) == 0x0002) return false;
  return (fs_type & 0x0200) == 0;
}

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// FreeType opens a cut-off file and reads a table only when asked, so a
// truncated font would fail at subsetting, far from the layout line that
// names it. What of face 0 does not fit in the file ("its 'glyf' table");
// empty when all does or the file is no sfnt (FreeType says so).
std::string table_past_end(const unsigned char* data, size_t size) {
  size_t dir = 0;
  if (size >= 16 && std::memcmp(data, "ttcf", 4) == 0) dir = be32(data + 12);
  if (dir > size || size - dir < 12) return {};
  const size_t tables = (size_t{data[dir + 4]} << 8) | data[dir + 5];
  if (tables * 16 > size - dir - 12) return "its table directory";
  for (size_t i = 0; i < tables; ++i) {
    const unsigned char* rec = data + dir + 12 + 16 * i;
    const uint64_t end = uint64_t{be32(rec + 8)} + be32(rec + 12);
    if (end > size) {
      std::string tag(reinterpret_cast<const char*>(rec), 4);
      for (char& c : tag)
        if (c < 0x20 || c > 0x7E) c = '?';
      return "its '" + tag + "' table";
    }
  }
  return {};
}

}  // namespace

struct FontBook::Impl {
  uint64_t id = 0;
  FT_Library ft = nullptr;
  std::vector<std::unique_ptr<Face>> faces;
  // family name → face index per style (regular, bold, italic, bold italic), -1 if absent.
  struct Family { std::string name; int face[4] = {-1, -1, -1, -1}; };
  std::vector<Family> families;
  std::vector<std::string> fallback;
  std::mutex ft_mutex;  // FreeType's library is not thread-safe to open faces in

  ~Impl() {
    faces.clear();  // faces before the library that owns them
    if (ft) FT_Done_FreeType(ft);
  }

  const Family* family(const std::string& name) const {
    for (const Family& f : families)
      if (f.name == name) return &f;
    return nullptr;
  }

  // Loads one face; nullopt (with an error at `loc`) when it is not usable.
  std::optional<int> load_face(const std::string& family, const std::string& path, bool bold, bool italic,
                               const SourceLoc& loc, Diagnostics& diags) {
    auto face = std::make_unique<Face>();
    face->blob = font_file(path, &face->mapped_now);
    if (!face->blob) {
      diags.error(loc, "cannot read font file '" + path + "' of family '" + family + "'");
      return std::nullopt;
    }
    unsigned size = 0;
    const auto* data = reinterpret_cast<const FT_Byte*>(hb_blob_get_data(face->blob, &size));
    if (size == 0 || FT_New_Memory_Face(ft, data, static_cast<FT_Long>(size), 0, &face->ft) != 0) {
      face->ft = nullptr;
      diags.error(loc, "'" + path + "' of family '" + family + "' is not a font file FreeType can read");
      return std::nullopt;
    }
    FT_Face ftf = face->ft;
    if (auto table = table_past_end(data, size); !table.empty()) {
      diags.error(loc, "'" + path + "' of family '" + family + "' is truncated: " + table +
                           " runs past the end of the file");
      return std::nullopt;
    }
    if (!FT_IS_SCALABLE(ftf) || ftf->units_per_EM == 0) {
      diags.error(loc, "'" + path + "' of family '" + family + "' is not a scalable (TrueType or OpenType) font");
      return std::nullopt;
    }
    if (const auto* post = static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_POST));
        post && (post->italicAngle < -90 * 65536 || post->italicAngle > 90 * 65536)) {
      diags.error(loc, "'" + path + "' of family '" + family + "' has an italic angle of " +
                           std::to_string(post->italicAngle / 65536) + "°, outside -90° to 90° (its 'post' table is corrupt)");
      return std::nullopt;
    }
    if (FT_Select_Charmap(ftf, FT_ENCODING_UNICODE) != 0) {
      diags.error(loc, "'" + path + "' of family '" + family + "' has no Unicode cmap");
      return std::nullopt;
    }
    face->hb_face = hb_face_create(face->blob, 0);
    face->hb_font = hb_font_create(face->hb_face);
    if (!face->hb_face || !face->hb_font || hb_face_get_glyph_count(face->hb_face) == 0) {
      diags.error(loc, "HarfBuzz cannot read '" + path + "' of family '" + family + "'");
      return std::nullopt;
    }
    const int upem = ftf->units_per_EM;
    hb_font_set_scale(face->hb_font, upem, upem);
    hb_font_make_immutable(face->hb_font);  // shared read-only between threads

    FaceInfo& info = face->info;
    info.family = family;
    info.path = path;
    info.loc = loc;
    info.bold = bold;
    info.italic = italic;
    info.units_per_em = static_cast<unsigned>(upem);
    info.ascender = static_cast<double>(ftf->ascender) / upem;
    info.descender = -static_cast<double>(ftf->descender) / upem;
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(ftf, FT_SFNT_OS2))) {
      info.embeddable = embeddable(os2->fsType);
      if (os2->version >= 2 && os2->sCapHeight > 0) info.cap_height = static_cast<double>(os2->sCapHeight) / upem;
      if (os2->version >= 2 && os2->sxHeight > 0) info.x_height = static_cast<double>(os2->sxHeight) / upem;
      if (os2->yStrikeoutSize > 0) {
        info.strike_position = static_cast<double>(os2->yStrikeoutPosition) / upem;
        info.strike_thickness = static_cast<double>(os2->yStrikeoutSize) / upem;
      }
    }
    if (const char* ps = FT_Get_Postscript_Name(ftf)) info.postscript_name = ps;
    FT_Done_Face(face->ft);
    face->ft = nullptr;
    faces.push_back(std::move(face));
    return static_cast<int>(faces.size()) - 1;
  }
};

FontBook::FontBook() : impl_(std::make_unique<Impl>()) {
  static std::atomic<uint64_t> next_id{1};
  impl_->id = next_id.fetch_add(1, std::memory_order_relaxed);
}
FontBook::FontBook(FontBook&&) noexcept = default;
FontBook& FontBook::operator=(FontBook&&) noexcept = default;
FontBook::~FontBook() = default;

std::optional<FontBook> FontBook::load(const model::Layout& layout, Diagnostics& diags) {
  FontBook book;
  Impl& im = *book.impl_;
  if (FT_Init_FreeType(&im.ft) != 0) {
    im.ft = nullptr;
    diags.error(SourceLoc{layout.path, 0, 0}, "cannot initialise FreeType");
    return std::nullopt;
  }
  bool ok = true;
  for (const model::FontFamily& fam : layout.fonts) {
    Impl::Family entry{fam.name, {-1, -1, -1, -1}};
    const std::string* paths[4] = {&fam.regular, &fam.bold, &fam.italic, &fam.bold_italic};
    if (fam.regular.empty()) {
      diags.error(fam.loc, "font family '" + fam.name + "' has no regular face");
      ok = false;
    }
    for (int s = 0; s < 4; ++s) {
      if (paths[s]->empty()) continue;
      const auto idx = im.load_face(fam.name, *paths[s], s & 1, s & 2, fam.loc, diags);
      if (idx) entry.face[s] = *idx;
      else ok = false;
    }
    im.families.push_back(std::move(entry));
  }
  for (const std::string& name : layout.fallback)
    if (im.family(name)) im.fallback.push_back(name);
  if (!ok) return std::nullopt;
  // The checks read the table directory and a few tables of every face;
  // most faces a build declares it never draws (a brochure's eleven of
  // fifteen, 0.9 MiB of the file pages around what was read). Shaping and
  // the PDF read what they need again.
  for (const auto& face : im.faces)
    if (face->mapped_now) drop_font_pages(face->blob);
  return book;
}

uint64_t FontBook::id() const { return impl_->id; }
int FontBook::size() const { return static_cast<int>(impl_->faces.size()); }
const FaceInfo& FontBook::info(int face) const { return impl_->faces.at(static_cast<size_t>(face))->info; }
hb_font_t* FontBook::hb_font(int face) const { return impl_->faces.at(static_cast<size_t>(face))->hb_font; }
FT_FaceRec_* FontBook::ft_face(int face) const {
  Face& f = *impl_->faces.at(static_cast<size_t>(face));
  std::lock_guard lock(impl_->ft_mutex);
  if (!f.ft) {
    // Read at load; reading it again cannot fail unless the file's mapping did.
    unsigned size = 0;
    const auto* data = reinterpret_cast<const FT_Byte*>(hb_blob_get_data(f.blob, &size));
    if (FT_New_Memory_Face(impl_->ft, data, static_cast<FT_Long>(size), 0, &f.ft) != 0) f.ft = nullptr;
  }
  return f.ft;
}

bool FontBook::has_glyph(int face, char32_t cp) const { return glyph(face, cp) != 0; }

uint32_t FontBook::glyph(int face, char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(hb_font(face), cp, &gid)) return 0;
  return gid;
}

double FontBook::advance(int face, uint32_t gid) const {
  const Face& f = *impl_->faces.at(static_cast<size_t>(face));
  return static_cast<double>(hb_font_get_glyph_h_advance(f.hb_font, gid)) / f.info.units_per_em;
}

int FontBook::find(const std::string& family, bool bold, bool italic) const {
  const Impl::Family* f = impl_->family(family);
  if (!f) return -1;
  const int want = (bold ? 1 : 0) | (italic ? 2 : 0);
  if (f->face[want] >= 0) return f->face[want];
  // Bold italic missing: keep the weight before the slant, which is the more
  // visible of the two; never synthesise either.
  if (want == 3 && f->face[1] >= 0) return f->face[1];
  if (want == 3 && f->face[2] >= 0) return f->face[2];
  return f->face[0];
}

const std::vector<std::string>& FontBook::fallback_families() const { return impl_->fallback; }

std::vector<int> FontBook::fallback_chain(const std::string& family, bool bold, bool italic) const {
  std::vector<int> chain;
  const auto add = [&](int face) {
    if (face < 0) return;
    for (int c : chain)
      if (c == face) return;
    chain.push_back(face);
  };
  add(find(family, bold, italic));
  for (const std::string& name : impl_->fallback) add(find(name, bold, italic));
  return chain;
}

}  // namespace galley::text
