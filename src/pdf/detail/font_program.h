// A font file as the PDF needs it: metrics for the FontDescriptor, glyph
// widths in 1/1000 em (the same rounded values the text positioning uses),
// and a subset program that keeps glyph ids (so CID = GID).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "diag/diagnostic.h"

namespace galley::pdf {

struct FontMetrics {
  int units_per_em = 1000;
  int bbox[4] = {0, 0, 0, 0};  // 1/1000 em
  int ascent = 0, descent = 0, cap_height = 0;  // 1/1000 em, descent negative
  double italic_angle = 0;
  int stem_v = 0;          // estimated from the weight class: fonts do not store it
  int flags = 0;           // FontDescriptor /Flags
  uint16_t fs_type = 0;    // OS/2 embedding permissions
  bool cff = false;        // PostScript outlines (FontFile3/OpenType) vs TrueType
  std::string postscript_name;
  unsigned glyph_count = 0;
};

class FontProgram {
 public:
  // Reads face `face_index` of the file, once per file identity
  // (image/detail/file_stamp.h): copies share the face, read-only, across threads.
  // Reports at `where` on failure.
  static std::optional<FontProgram> load(const std::string& path, unsigned face_index,
                                         Diagnostics& diags, const SourceLoc& where);

  const FontMetrics& metrics() const { return metrics_; }
  // Horizontal advance in 1/1000 em, rounded; 0 for glyph ids out of range.
  int width(uint32_t gid) const;
  // The font reduced to `gids` (plus .notdef), glyph ids unchanged, hinting
  // and layout tables dropped. nullopt when hb-subset fails.
  std::optional<std::string> subset(const std::set<uint32_t>& gids) const;
  // Whether the face was never subset: its next subset reads the file.
  bool never_subset() const;
  // Lets the pages of the face's file that were read so far leave the
  // process's resident memory (text::drop_font_pages); a later read brings
  // them back from the page cache.
  void release_pages() const;

 private:
  static std::optional<FontProgram> read(const std::string& path, unsigned face_index,
                                         Diagnostics& diags, const SourceLoc& where);

  struct Face;
  std::shared_ptr<Face> face_;
  FontMetrics metrics_;
};

// Six uppercase letters derived from the font name and the glyph set, so the
// same subset always gets the same tag (PDF 9.6.4 subset prefix).
std::string subset_tag(const std::string& postscript_name, const std::set<uint32_t>& gids);

}  // namespace galley::pdf
