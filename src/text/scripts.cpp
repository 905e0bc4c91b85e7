#include <unicode/uchar.h>

#include "detail/scripts.h"

namespace galley::text {
namespace {

bool is_real(UScriptCode s) { return s != USCRIPT_COMMON && s != USCRIPT_INHERITED && s != USCRIPT_UNKNOWN; }

struct OpenBracket {
  char32_t closer;
  size_t index;
};

// Deep enough for any sane text; a deeper nesting just stops being paired.
constexpr size_t kMaxBrackets = 64;

}  // namespace

std::vector<UScriptCode> resolve_scripts(const CodePoints& text) {
  const size_t n = text.size();
  std::vector<UScriptCode> out(n, USCRIPT_COMMON);
  std::vector<OpenBracket> stack;
  UScriptCode current = USCRIPT_COMMON;
  size_t unresolved_from = 0;  // first Common position waiting for a real script
  bool pending = false;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = text.cp[i];
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status)) s = USCRIPT_COMMON;
    if (is_real(s)) {
      if (pending) {
        for (size_t j = unresolved_from; j < i; ++j)
          if (out[j] == USCRIPT_COMMON) out[j] = s;
        pending = false;
      }
      current = s;
      out[i] = s;
      continue;
    }
    const auto bracket = static_cast<UBidiPairedBracketType>(
        u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_BIDI_PAIRED_BRACKET_TYPE));
    if (s == USCRIPT_COMMON && bracket == U_BPT_CLOSE) {
      for (size_t k = stack.size(); k-- > 0;) {
        if (stack[k].closer != c) continue;
        // Resolved at read time: a backfill may have set the opener's script since.
        const UScriptCode opener = out[stack[k].index];
        stack.resize(k);
        if (is_real(opener)) current = opener;
        break;
      }
    }
    if (s == USCRIPT_COMMON && bracket == U_BPT_OPEN && stack.size() < kMaxBrackets)
      stack.push_back({static_cast<char32_t>(u_getBidiPairedBracket(static_cast<UChar32>(c))), i});
    out[i] = current;
    if (!is_real(current) && !pending) {
      pending = true;
      unresolved_from = i;
    }
  }
  return out;
}

}  // namespace galley::text
