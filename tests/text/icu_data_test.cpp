// galley hands ICU a compact package of the data an English build opens
// (text/detail/icu_data.h); what it lacks must still come from ICU's full
// data: the Thai dictionary that finds Thai word boundaries, here.
#include <doctest/doctest.h>
#include <unicode/ubrk.h>

#include <string>
#include <vector>

#include "text/text.h"

namespace {

std::vector<int> line_breaks(const char* locale, const std::u16string& text) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator* it = ubrk_open(UBRK_LINE, locale, reinterpret_cast<const UChar*>(text.data()),
                                 static_cast<int32_t>(text.size()), &status);
  std::vector<int> out;
  if (U_FAILURE(status)) return out;
  for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it)) out.push_back(b);
  ubrk_close(it);
  return out;
}

}  // namespace

TEST_CASE("ICU's compact data: English line breaks from the package, Thai words from the full data") {
  galley::text::install_compact_icu_data();
  CHECK(line_breaks("en_US", u"Hello world, again") == std::vector<int>{6, 13, 18});
  // "ภาษาไทยง่าย" (Thai language is easy): no spaces, breaks only where the
  // dictionary finds words.
  const std::vector<int> thai = line_breaks("th", u"\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22\u0e07\u0e48\u0e32\u0e22");
  REQUIRE(thai.size() >= 2);
  CHECK(thai.front() == 4);
  CHECK(thai.back() == 11);
}
