#include "detail/coverage.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>

namespace galley::text {
namespace {

// Fewer code points than this is incidental (a few Greek letters for maths),
// not coverage of the script.
constexpr int kMinCodePoints = 10;

std::vector<std::pair<std::string, int>> scripts_of(FT_Face face) {
  std::map<std::string, int> count;
  if (face && FT_Select_Charmap(face, FT_ENCODING_UNICODE) == 0) {
    FT_UInt gid = 0;
    for (FT_ULong cp = FT_Get_First_Char(face, &gid); gid != 0; cp = FT_Get_Next_Char(face, cp, &gid)) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
      if (U_FAILURE(status) || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN) continue;
      ++count[uscript_getName(s)];
    }
  }
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [name, n] : count)
    if (n >= kMinCodePoints) out.emplace_back(name, n);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

const char* style_name(const FaceInfo& f) {
  if (f.bold && f.italic) return "bold italic";
  if (f.bold) return "bold";
  if (f.italic) return "italic";
  return "regular";
}

}  // namespace

std::string describe(const FontBook& fonts) {
  std::ostringstream os;
  std::string family;
  for (int i = 0; i < fonts.size(); ++i) {
    const FaceInfo& f = fonts.info(i);
    if (i == 0 || f.family != family) {
      family = f.family;
      os << (i ? "\n" : "") << family << "\n";
    }
    FT_Face ft = fonts.ft_face(i);
    os << "  " << style_name(f) << ": " << f.postscript_name << "\n"
       << "    file: " << f.path << "\n"
       << "    glyphs: " << (ft ? ft->num_glyphs : 0) << ", units per em: " << f.units_per_em
       << (f.embeddable ? "" : ", embedding NOT permitted (OS/2 fsType)") << "\n"
       << "    scripts:";
    const auto scripts = scripts_of(ft);
    if (scripts.empty()) os << " none";
    for (size_t k = 0; k < scripts.size(); ++k)
      os << (k ? ", " : " ") << scripts[k].first << " (" << scripts[k].second << ")";
    os << "\n";
  }
  const auto& fallback = fonts.fallback_families();
  os << "\nfallback:";
  if (fallback.empty()) os << " none";
  for (size_t k = 0; k < fallback.size(); ++k) os << (k ? ", " : " ") << fallback[k];
  os << "\n";
  return os.str();
}

}  // namespace galley::text
