#include "detail/link_check.h"

#include <algorithm>
#include <cctype>

namespace galley::resolve {

namespace {

// A link's scheme, lower case; empty when it has none (a relative URI).
std::string scheme_of(const std::string& uri) {
  std::string scheme;
  for (char c : uri) {
    if (c == ':') return scheme;
    const bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
                    (!scheme.empty() && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return {};
}

}  // namespace

void check_link(const std::string& uri, const SourceLoc& loc, const model::Layout& layout,
                std::set<std::string>& reported, Diagnostics& diags) {
  static const std::set<std::string> kSafe = {"http", "https", "mailto", "tel"};
  if (uri.empty() || uri[0] == '#') return;
  if (uri.size() > kMaxUriBytes) {
    if (reported.insert(uri).second)
      diags.error(loc, "link '" + uri.substr(0, 60) + "...' is " + std::to_string(uri.size()) +
                           " bytes long; a link may have at most " + std::to_string(kMaxUriBytes));
    return;
  }
  const std::string scheme = scheme_of(uri);
  const auto& extra = layout.output.link_schemes;
  if (!layout.output.link_schemes_read) return;
  if (kSafe.count(scheme) || std::find(extra.begin(), extra.end(), scheme) != extra.end()) return;
  if (!reported.insert(uri).second) return;
  const std::string shown = uri.size() > 60 ? uri.substr(0, 60) + "..." : uri;
  diags.error(loc, scheme.empty() ? "link '" + shown + "' has no scheme (write https://..., or #name for a place in this document)"
                                  : "link '" + shown + "' uses the scheme '" + scheme +
                                        "', which is not allowed (http, https, mailto, tel; add it to the layout's output: link-schemes: to allow it)");
}

}  // namespace galley::resolve
