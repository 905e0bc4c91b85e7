// A font's streams as the PDF holds them, made once for the process
// (base/memo.h): subset programs per (font file identity, face, glyph set)
// and deflated ToUnicode CMaps per content. Batch rows that set the same
// glyphs of a face share one hb-subset and one deflate; rows whose glyphs
// differ get streams of their own.
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "font_program.h"
#include "kept_bytes.h"

namespace galley::pdf {

struct SubsetProgram {
  size_t length = 0;     // the program's size, for /Length1
  std::string deflated;  // as hpdf::Compress::Flate writes it
  size_t bytes() const { return deflated.size(); }
};

// `program` reduced to `gids` (FontProgram::subset) and deflated. `file`
// names where the program was loaded from: its path, face index and
// image::file_stamp() taken before loading; empty, nothing is kept. Null
// when hb-subset or deflating fails.
std::shared_ptr<const SubsetProgram> subset_program(const FontProgram& program,
                                                    const std::string& file,
                                                    const std::set<uint32_t>& gids);

// `cmap` (tounicode_cmap()) deflated as hpdf::Compress::Flate would; null
// when deflating fails.
std::shared_ptr<const KeptBytes> deflated_cmap(const std::string& cmap);

}  // namespace galley::pdf
