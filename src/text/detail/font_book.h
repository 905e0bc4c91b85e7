// The font book: every face of the layout's `fonts:`, loaded once with
// FreeType and HarfBuzz, and the fallback order used per character.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/layout.h"

struct hb_font_t;
struct FT_FaceRec_;

namespace galley::text {

struct FaceInfo {
  std::string family;
  std::string path;
  bool bold = false, italic = false;
  unsigned units_per_em = 1000;
  double ascender = 0.8, descender = 0.2, cap_height = 0.7, x_height = 0.5;  // per em, descender positive
  double strike_position = 0.25, strike_thickness = 0.05;  // per em, above the baseline (OS/2)
  bool embeddable = true;  // OS/2 fsType allows embedding
  std::string postscript_name;
  SourceLoc loc;  // the layout's `fonts:` entry naming it
};

class FontBook {
 public:
  // Loads every face named by the layout. Missing or unreadable files are
  // errors at the `fonts:` entry.
  static std::optional<FontBook> load(const model::Layout& layout, Diagnostics& diags);
  FontBook(FontBook&&) noexcept;
  FontBook& operator=(FontBook&&) noexcept;
  ~FontBook();

  int size() const;
  // A number no other FontBook of this process has, for caches keyed on it.
  uint64_t id() const;
  const FaceInfo& info(int face) const;
  hb_font_t* hb_font(int face) const;  // scaled in font units (upem)
  bool has_glyph(int face, char32_t cp) const;
  uint32_t glyph(int face, char32_t cp) const;  // 0 when missing
  double advance(int face, uint32_t gid) const; // per em
  // The FreeType face, for cmap walks and metrics. FreeType faces are not
  // thread-safe: use from one thread only (hb_font() is safe to share).
  FT_FaceRec_* ft_face(int face) const;

  // The face for a family and weight/slant, falling back to the family's
  // regular face; -1 when the family is unknown.
  int find(const std::string& family, bool bold, bool italic) const;
  // The style's family first, then the layout's fallback families.
  std::vector<int> fallback_chain(const std::string& family, bool bold, bool italic) const;
  // The layout's fallback families that the book holds, in order.
  const std::vector<std::string>& fallback_families() const;

 private:
  FontBook();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley::text
