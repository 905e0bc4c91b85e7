// Subset font programs as their FontFile streams hold them, made once per
// (font file identity, face, glyph set) for the process (pdf/memo.h): batch
// rows that set the same glyphs of a face share one hb-subset and one
// deflate, and rows whose glyphs differ get subsets of their own.
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "pdf/font_program.h"

namespace galley::pdf {

struct SubsetProgram {
  size_t length = 0;     // the program's size, for /Length1
  std::string deflated;  // as hpdf::Compress::Flate writes it
  size_t bytes() const { return deflated.size(); }
};

// `program` reduced to `gids` (FontProgram::subset) and deflated. `file`
// names where the program was loaded from: its path, face index and
// image::file_stamp() taken before loading; empty, nothing is kept. Null
// when hb-subset or zlib fails.
std::shared_ptr<const SubsetProgram> subset_program(const FontProgram& program,
                                                    const std::string& file,
                                                    const std::set<uint32_t>& gids);

}  // namespace galley::pdf
