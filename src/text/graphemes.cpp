#include <unicode/ubrk.h>

#include <memory>

#include "detail/graphemes.h"

namespace galley::text {
namespace {

struct BreakCloser {
  void operator()(UBreakIterator* b) const { ubrk_close(b); }
};

}  // namespace

std::vector<bool> grapheme_starts(const CodePoints& text) {
  const size_t n = text.size();
  // Without ICU every code point is its own cluster: coarser font choice, never wrong text.
  std::vector<bool> starts(n, true);
  if (n == 0) return starts;
  // Opening a break iterator loads rules; one per thread is reused.
  thread_local std::unique_ptr<UBreakIterator, BreakCloser> it;
  UErrorCode status = U_ZERO_ERROR;
  if (!it) {
    it.reset(ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status));
    if (U_FAILURE(status) || !it) {
      it.reset();
      return starts;
    }
  }
  ubrk_setText(it.get(), reinterpret_cast<const UChar*>(text.utf16.data()),
               static_cast<int32_t>(text.utf16.size()), &status);
  if (U_FAILURE(status)) return starts;
  std::fill(starts.begin(), starts.end(), false);
  size_t i = 0;
  for (int32_t b = ubrk_first(it.get()); b != UBRK_DONE; b = ubrk_next(it.get())) {
    while (i < n && text.unit[i] < static_cast<uint32_t>(b)) ++i;
    if (i < n && text.unit[i] == static_cast<uint32_t>(b)) starts[i] = true;
  }
  starts[0] = true;
  return starts;
}

}  // namespace galley::text
