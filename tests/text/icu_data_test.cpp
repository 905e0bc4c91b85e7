// galley hands ICU a compact package of the data an English build opens
// (text/detail/icu_data.h); what it lacks must still come from ICU's full
// data: the Thai dictionary that finds Thai word boundaries, here.
#include <doctest/doctest.h>
#include <unicode/ubrk.h>
#include <unicode/udata.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "text/text.h"

extern "C" const char U_ICUDATA_ENTRY_POINT[];

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

TEST_CASE("ICU's compact data: an en-US document's break rules and bundles all come from the package") {
  galley::text::install_compact_icu_data();
  // The full package's items lie within it, from its start to its last
  // item's offset at least (its table of contents, ucmndata.h).
  const char* full = U_ICUDATA_ENTRY_POINT;
  const auto u32 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  const char* toc = full + (static_cast<uint8_t>(full[0]) | static_cast<uint8_t>(full[1]) << 8);
  const uint32_t count = u32(toc);
  REQUIRE(count > 1000);
  const char* full_end = toc + u32(toc + 4 + 8 * (count - 1) + 4);
  // A line break iterator for en_US opens brkitr/en_US.res, then en.res
  // and root.res, and the rules: read from the full data, each costs its
  // pages and the search of 3,920 names.
  for (const auto& [type, name] : {std::pair{"res", "en_US"}, {"res", "en"}, {"res", "root"}, {"brk", "line"},
                                   {"brk", "char"}}) {
    UErrorCode status = U_ZERO_ERROR;
    UDataMemory* item = udata_open(U_ICUDATA_NAME "-brkitr", type, name, &status);
    const std::string what = std::string("brkitr/") + name + "." + type;
    REQUIRE_MESSAGE(U_SUCCESS(status), what);
    const auto* at = static_cast<const char*>(udata_getMemory(item));
    CHECK_MESSAGE((at < full || at > full_end), what);
    udata_close(item);
  }
  CHECK(line_breaks("en_US", u"Hello world, again") == std::vector<int>{6, 13, 18});
}
