// What preflight needs to know about a font file: its embedding licence
// (OS/2 fsType) and vertical metrics for the bounds of its glyph runs.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "layout/page.h"

namespace galley::print {

struct FontFacts {
  uint16_t fs_type = 0;     // 0 when the font has no OS/2 table
  double ascender = 0.8;    // per em, above the baseline
  double descender = 0.2;   // per em, below the baseline (positive)
};

// Reads the face with FreeType, once per font file identity
// (image/detail/file_stamp.h); nullopt with `error` set when it cannot.
std::optional<FontFacts> read_font_facts(const layout::FontRef& font, std::string& error);

// The embedding restriction fsType forbids for a print PDF (which embeds and
// subsets every font), or "" when embedding is allowed.
std::string embedding_restriction(uint16_t fs_type);

}  // namespace galley::print
