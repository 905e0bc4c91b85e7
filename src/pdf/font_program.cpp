#include "detail/font_program.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <atomic>
#include <cmath>
#include <iterator>

#include "image/image.h"
#include "text/text.h"

namespace galley::pdf {
namespace {

// Big-endian readers over a table blob; 0 when out of range so truncated
// tables degrade to defaults instead of reading past the end.
struct Table {
  hb_blob_t* blob = nullptr;
  const uint8_t* data = nullptr;
  unsigned size = 0;
  Table(hb_face_t* face, const char* tag)
      : blob(hb_face_reference_table(face, hb_tag_from_string(tag, 4))) {
    data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob, &size));
  }
  ~Table() { hb_blob_destroy(blob); }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  bool has(unsigned offset, unsigned len) const { return data && offset + len <= size; }
  uint16_t u16(unsigned o) const { return has(o, 2) ? uint16_t(data[o] << 8 | data[o + 1]) : 0; }
  int16_t s16(unsigned o) const { return static_cast<int16_t>(u16(o)); }
  int32_t s32(unsigned o) const {
    return has(o, 4) ? int32_t(uint32_t(u16(o)) << 16 | u16(o + 2)) : 0;
  }
};

std::string clean_name(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos)
      out.push_back(c);
  return out.empty() ? "Font" : out;
}

// The tables no subset keeps: layout (positioning is in the content
// stream, text in /ToUnicode), signatures, vertical metrics.
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG",
                                          "kern", "morx", "STAT", "meta", "vhea", "vmtx"};

bool dropped(hb_tag_t tag) {
  for (const char* name : kDroppedTables)
    if (hb_tag_from_string(name, 4) == tag) return true;
  return false;
}

// `face` as a font of its own without the dropped tables; null when
// HarfBuzz cannot build it or read it back. hb_subset_preprocess keeps
// every table it is given, and GSUB and GPOS were half its work (Noto Sans
// Bold: 55 M instructions with them, 27 M without) though no subset keeps
// them: a subset plan drops them, and skips the layout closure, whether
// the source has them or not.
hb_face_t* without_dropped_tables(hb_face_t* face) {
  hb_face_t* builder = hb_face_builder_create();
  bool ok = builder != hb_face_get_empty();
  hb_tag_t tags[32];
  unsigned offset = 0, count = 0;
  do {
    count = static_cast<unsigned>(std::size(tags));
    hb_face_get_table_tags(face, offset, &count, tags);
    offset += count;
    for (unsigned i = 0; ok && i < count; ++i) {
      if (dropped(tags[i])) continue;
      hb_blob_t* table = hb_face_reference_table(face, tags[i]);
      ok = hb_face_builder_add_table(builder, tags[i], table);
      hb_blob_destroy(table);
    }
  } while (ok && count == std::size(tags));
  hb_blob_t* blob = ok ? hb_face_reference_blob(builder) : nullptr;
  hb_face_destroy(builder);
  hb_face_t* trimmed = blob && hb_blob_get_length(blob) > 0 ? hb_face_create(blob, 0) : nullptr;
  hb_blob_destroy(blob);
  if (trimmed && hb_face_get_glyph_count(trimmed) != hb_face_get_glyph_count(face)) {
    hb_face_destroy(trimmed);
    trimmed = nullptr;
  }
  return trimmed;
}

}  // namespace

struct FontProgram::Face {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  ~Face() {
    hb_face_destroy(preprocessed);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }

  // The face to subset from. A face subset once (a cold build) is subset
  // from as it is; from its second glyph set on (a batch's rows, a
  // server's requests) from hb-subset's preprocessed copy, which keeps
  // what every subset plan otherwise rebuilds (the cmap's mapping, the
  // glyph closure's tables): the same bytes, a fraction of the work.
  // While one thread preprocesses, the others subset from the face as it
  // is rather than wait (a batch's other rows: preprocessing Noto Sans
  // Bold is 27 M instructions, a subset from the face 2.4 M).
  // Only a face already subset without failing is preprocessed: on failure
  // hb_subset_preprocess gives back the source itself, referenced or not
  // depending on HarfBuzz's version.
  hb_face_t* subset_source() {
    if (!subset_once.load(std::memory_order_acquire)) return face;
    int state = preprocess_state.load(std::memory_order_acquire);
    if (state == kNone &&
        preprocess_state.compare_exchange_strong(state, kMaking, std::memory_order_acq_rel)) {
      hb_face_t* trimmed = without_dropped_tables(face);
      hb_face_t* source = trimmed ? trimmed : face;
      hb_face_t* p = hb_subset_preprocess(source);
      // On failure the trimmed face, if any, is the source (subset as it is).
      preprocessed = p == face ? nullptr : p;
      // The preprocessed face references the tables it keeps as they are.
      if (p != trimmed) hb_face_destroy(trimmed);
      state = kReady;
      preprocess_state.store(kReady, std::memory_order_release);
    }
    return state == kReady && preprocessed ? preprocessed : face;
  }

  std::atomic<bool> subset_once{false};
  static constexpr int kNone = 0, kMaking = 1, kReady = 2;
  std::atomic<int> preprocess_state{kNone};
  hb_face_t* preprocessed = nullptr;
};

std::optional<FontProgram> FontProgram::load(const std::string& path, unsigned face_index,
                                             Diagnostics& diags, const SourceLoc& where) {
  // Every row of a batch embeds the same faces.
  static image::FileFacts<FontProgram> loaded;
  return loaded.get(path, std::to_string(face_index), [&] { return read(path, face_index, diags, where); });
}

std::optional<FontProgram> FontProgram::read(const std::string& path, unsigned face_index,
                                             Diagnostics& diags, const SourceLoc& where) {
  SourceLoc loc = where;
  if (loc.file.empty()) loc.file = path;
  auto f = std::make_shared<Face>();
  f->blob = text::font_file(path);
  if (!f->blob) {
    diags.error(loc, "font '" + path + "': cannot read file");
    return std::nullopt;
  }
  if (face_index >= hb_face_count(f->blob)) {
    diags.error(loc, "font '" + path + "': no face " + std::to_string(face_index));
    return std::nullopt;
  }
  f->face = hb_face_create(f->blob, face_index);
  const unsigned upem = hb_face_get_upem(f->face);
  const unsigned glyphs = hb_face_get_glyph_count(f->face);
  Table head(f->face, "head");
  if (glyphs == 0 || upem < 16 || upem > 16384 || !head.has(0, 54)) {
    diags.error(loc, "font '" + path + "': not a usable TrueType/OpenType font");
    return std::nullopt;
  }
  f->font = hb_font_create(f->face);
  hb_font_set_scale(f->font, static_cast<int>(upem), static_cast<int>(upem));
  // Shared by the threads of a batch, which only read it.
  hb_face_make_immutable(f->face);
  hb_font_make_immutable(f->font);

  FontProgram p;
  FontMetrics& m = p.metrics_;
  m.units_per_em = static_cast<int>(upem);
  m.glyph_count = glyphs;
  const auto em = [&](double v) { return static_cast<int>(std::lround(v * 1000.0 / upem)); };
  for (int i = 0; i < 4; ++i) m.bbox[i] = em(head.s16(36 + 2 * i));

  Table os2(f->face, "OS/2"), hhea(f->face, "hhea"), post(f->face, "post");
  const bool has_os2 = os2.has(0, 78);
  m.ascent = em(has_os2 ? os2.s16(68) : hhea.s16(4));
  m.descent = em(has_os2 ? os2.s16(70) : hhea.s16(6));
  m.cap_height = has_os2 && os2.u16(0) >= 2 && os2.has(88, 2) ? em(os2.s16(88)) : m.ascent;
  m.fs_type = has_os2 ? os2.u16(8) : 0;
  const int weight = has_os2 ? os2.u16(4) : 400;
  m.stem_v = static_cast<int>(std::lround(50 + (weight / 65.0) * (weight / 65.0)));
  m.italic_angle = post.s32(4) / 65536.0;
  const bool fixed = post.has(12, 4) && post.s32(12) != 0;
  const int family_class = has_os2 ? (os2.s16(30) >> 8) : 0;
  const bool serif = family_class >= 1 && family_class <= 7;
  const bool italic = m.italic_angle != 0 || (head.u16(44) & 2) != 0;
  m.flags = 4 | (fixed ? 1 : 0) | (serif ? 2 : 0) | (italic ? 64 : 0);
  {
    hb_blob_t* cff = hb_face_reference_table(f->face, HB_TAG('C', 'F', 'F', ' '));
    m.cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
  }
  char name[128];
  unsigned len = sizeof name;
  len = hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
  m.postscript_name = clean_name(len ? std::string(name, len) : std::string());
  p.face_ = std::move(f);
  return p;
}

int FontProgram::width(uint32_t gid) const {
  if (gid >= metrics_.glyph_count) return 0;
  const hb_position_t adv = hb_font_get_glyph_h_advance(face_->font, gid);
  return static_cast<int>(std::lround(adv * 1000.0 / metrics_.units_per_em));
}

std::optional<std::string> FontProgram::subset(const std::set<uint32_t>& gids) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return std::nullopt;
  hb_set_t* glyphs = hb_subset_input_glyph_set(input);
  hb_set_add(glyphs, 0);
  for (uint32_t g : gids)
    if (g < metrics_.glyph_count) hb_set_add(glyphs, g);
  // Unicode mapping comes from /ToUnicode; the PDF never uses the cmap.
  hb_set_clear(hb_subset_input_unicode_set(input));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_face_t* result = hb_subset_or_fail(face_->subset_source(), input);
  hb_subset_input_destroy(input);
  if (!result) return std::nullopt;
  face_->subset_once.store(true, std::memory_order_release);
  hb_blob_t* blob = hb_face_reference_blob(result);
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  std::optional<std::string> out;
  if (data && size) out = std::string(data, size);
  hb_blob_destroy(blob);
  hb_face_destroy(result);
  return out;
}

bool FontProgram::never_subset() const { return !face_->subset_once.load(std::memory_order_acquire); }

void FontProgram::release_pages() const { text::drop_font_pages(face_->blob); }

std::string subset_tag(const std::string& postscript_name, const std::set<uint32_t>& gids) {
  uint64_t h = 1469598103934665603ull;
  const auto mix = [&](uint8_t b) { h = (h ^ b) * 1099511628211ull; };
  for (char c : postscript_name) mix(static_cast<uint8_t>(c));
  for (uint32_t g : gids)
    for (int s = 0; s < 32; s += 8) mix(static_cast<uint8_t>(g >> s));
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

}  // namespace galley::pdf
