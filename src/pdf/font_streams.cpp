#include "detail/font_streams.h"

#include "base/memo.h"
#include "detail/hpdf_objects.h"

namespace galley::pdf {
namespace {

// A face's subsets for a batch whose rows vary the glyphs of a few lines
// are tens of kilobytes each, its CMaps a few.
constexpr size_t kFontBudgetBytes = size_t{32} << 20;

std::shared_ptr<const SubsetProgram> make(const FontProgram& program, const std::set<uint32_t>& gids) {
  auto subset = program.subset(gids);
  if (!subset) return nullptr;
  auto deflated = hpdf::deflate(*subset, hpdf::Compress::Flate);
  if (!deflated) return nullptr;
  return std::make_shared<const SubsetProgram>(SubsetProgram{subset->size(), std::move(*deflated)});
}

}  // namespace

std::shared_ptr<const SubsetProgram> subset_program(const FontProgram& program,
                                                    const std::string& file,
                                                    const std::set<uint32_t>& gids) {
  if (file.empty()) return make(program, gids);
  static base::Memo<SubsetProgram> memo(kFontBudgetBytes);
  std::string key = file;
  key.push_back('\n');
  for (uint32_t g : gids) key.append(reinterpret_cast<const char*>(&g), sizeof g);
  return memo.get(key, [&] { return make(program, gids); });
}

std::shared_ptr<const KeptBytes> deflated_cmap(const std::string& cmap) {
  static base::Memo<KeptBytes> memo(kFontBudgetBytes);
  return memo.get(cmap, [&] { return kept_deflated(cmap, hpdf::Compress::Flate); });
}

}  // namespace galley::pdf
