#include "detail/uppercase.h"

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <vector>

namespace galley::resolve {

std::string to_upper(const std::string& utf8, const std::string& language) {
  if (utf8.empty() || utf8.size() > (size_t{1} << 28)) return utf8;
  char locale[ULOC_FULLNAME_CAPACITY] = "";
  UErrorCode err = U_ZERO_ERROR;
  uloc_forLanguageTag(language.c_str(), locale, sizeof locale, nullptr, &err);
  if (U_FAILURE(err)) locale[0] = '\0';

  err = U_ZERO_ERROR;
  const auto n = static_cast<int32_t>(utf8.size());
  std::vector<UChar> in(utf8.size() + 1);
  int32_t in_len = 0;
  u_strFromUTF8WithSub(in.data(), static_cast<int32_t>(in.size()), &in_len, utf8.data(), n, 0xFFFD, nullptr,
                       &err);
  if (U_FAILURE(err)) return utf8;

  // Full case mapping may grow the text (ß → SS); ICU says by how much.
  std::vector<UChar> up(static_cast<size_t>(in_len) + 16);
  err = U_ZERO_ERROR;
  int32_t up_len = u_strToUpper(up.data(), static_cast<int32_t>(up.size()), in.data(), in_len, locale, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    up.resize(static_cast<size_t>(up_len) + 1);
    err = U_ZERO_ERROR;
    up_len = u_strToUpper(up.data(), static_cast<int32_t>(up.size()), in.data(), in_len, locale, &err);
  }
  if (U_FAILURE(err)) return utf8;

  std::string out(static_cast<size_t>(up_len) * 3 + 1, '\0');
  int32_t out_len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_len, up.data(), up_len, &err);
  if (U_FAILURE(err)) return utf8;
  out.resize(static_cast<size_t>(out_len));
  return out;
}

}  // namespace galley::resolve
