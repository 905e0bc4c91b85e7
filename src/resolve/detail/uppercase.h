// Upper-casing for `uppercase: true` styles: ICU's full case mapping for the
// language ("straße" → "STRASSE", Turkish dotted İ), not ASCII toupper.
#pragma once
#include <string>

namespace galley::resolve {

// `language` is a BCP 47 tag ("en-US", "tr"). Text ICU cannot convert is
// returned unchanged.
std::string to_upper(const std::string& utf8, const std::string& language);

}  // namespace galley::resolve
