#include <unicode/ubidi.h>

#include <memory>

#include "detail/bidi.h"

namespace galley::text {
namespace {

struct BidiCloser {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

}  // namespace

bool is_rtl_language(std::string_view lang) {
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  for (std::string_view rtl : {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "syr", "ckb"})
    if (primary == rtl) return true;
  return false;
}

std::vector<uint8_t> bidi_levels(const CodePoints& text, bool rtl_paragraph, uint8_t& base_level) {
  base_level = rtl_paragraph ? 1 : 0;
  std::vector<uint8_t> levels(text.size(), base_level);
  if (text.size() == 0) return levels;
  // One UBiDi object per thread, reused: it grows to the longest paragraph
  // instead of allocating per call.
  thread_local std::unique_ptr<UBiDi, BidiCloser> bidi;
  UErrorCode status = U_ZERO_ERROR;
  if (!bidi) {
    bidi.reset(ubidi_open());
    if (!bidi) return levels;
  }
  const UBiDiLevel para = rtl_paragraph ? UBiDiLevel{1} : UBiDiLevel{UBIDI_DEFAULT_LTR};
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(text.utf16.data()),
                static_cast<int32_t>(text.utf16.size()), para, nullptr, &status);
  if (U_FAILURE(status)) return levels;
  const UBiDiLevel* per_unit = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status) || !per_unit) return levels;
  base_level = ubidi_getParaLevel(bidi.get()) & 1;
  for (size_t i = 0; i < text.size(); ++i) levels[i] = per_unit[text.unit[i]];
  return levels;
}

}  // namespace galley::text
