#include "detail/features.h"

namespace galley::text {
namespace {

hb_feature_t global(hb_tag_t tag, uint32_t value) {
  return hb_feature_t{tag, value, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
}

}  // namespace

std::vector<hb_feature_t> make_features(const std::vector<std::string>& settings, double tracking,
                                        std::vector<std::string>& bad) {
  std::vector<hb_feature_t> out;
  out.reserve(settings.size() + 2);
  out.push_back(global(HB_TAG('k', 'e', 'r', 'n'), 1));
  out.push_back(global(HB_TAG('l', 'i', 'g', 'a'), tracking > 0 ? 0 : 1));
  for (const std::string& s : settings) {
    hb_feature_t f;
    if (s.empty() || !hb_feature_from_string(s.data(), static_cast<int>(s.size()), &f)) {
      bad.push_back(s);
      continue;
    }
    out.push_back(f);
  }
  return out;
}

}  // namespace galley::text
