#include "detail/face_choice.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace galley::text {
namespace {

bool is_neutral_script(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
  return U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED;
}

// How many of the cluster's glyph-needing code points `face` covers.
int coverage(const CodePoints& text, size_t begin, size_t end, const FontBook& fonts, int face) {
  int n = 0;
  for (size_t i = begin; i < end; ++i)
    if (needs_glyph(text.cp[i]) && covers(fonts, face, text.cp[i])) ++n;
  return n;
}

}  // namespace

bool needs_glyph(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (cp == 0x2028 || cp == 0x2029) return false;
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
  return u_charType(c) != U_CONTROL_CHAR;
}

bool covers(const FontBook& fonts, int face, char32_t cp) {
  if (fonts.has_glyph(face, cp)) return true;
  return u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR && fonts.has_glyph(face, 0x20);
}

FaceChoice choose_faces(const CodePoints& text, const std::vector<bool>& starts,
                        const std::vector<uint32_t>& style_of, const std::vector<std::vector<int>>& chains,
                        const FontBook& fonts) {
  const size_t n = text.size();
  FaceChoice out;
  out.face.assign(n, 0);
  int prev_face = -1;
  uint32_t prev_style = UINT32_MAX;
  size_t begin = 0;
  while (begin < n) {
    size_t end = begin + 1;
    // A style change inside a grapheme (a mark styled apart from its base)
    // still ends the cluster: runs never straddle styles.
    while (end < n && !starts[end] && style_of[end] == style_of[begin]) ++end;
    const std::vector<int>& chain = chains[style_of[begin]];
    const bool same_style = style_of[begin] == prev_style;

    int wanted = 0;
    bool neutral = true;
    for (size_t i = begin; i < end; ++i) {
      if (!needs_glyph(text.cp[i])) continue;
      ++wanted;
      neutral = neutral && is_neutral_script(text.cp[i]);
    }

    int chosen = -1;
    if (same_style && prev_face >= 0 && (wanted == 0 || neutral) &&
        coverage(text, begin, end, fonts, prev_face) == wanted)
      chosen = prev_face;
    if (chosen < 0 && wanted == 0) chosen = chain.empty() ? 0 : chain.front();
    int best = -1, best_cover = -1;
    for (size_t k = 0; chosen < 0 && k < chain.size(); ++k) {
      const int c = coverage(text, begin, end, fonts, chain[k]);
      if (c == wanted) chosen = chain[k];
      else if (c > best_cover) { best = chain[k]; best_cover = c; }
    }
    if (chosen < 0) {
      chosen = best >= 0 ? best : 0;
      for (size_t i = begin; i < end; ++i)
        if (needs_glyph(text.cp[i]) && !covers(fonts, chosen, text.cp[i]))
          out.missing.push_back(static_cast<uint32_t>(i));
    }
    for (size_t i = begin; i < end; ++i) out.face[i] = chosen;
    prev_face = chosen;
    prev_style = style_of[begin];
    begin = end;
  }
  return out;
}

}  // namespace galley::text
