// OpenType feature settings for one run, as HarfBuzz wants them.
#pragma once
#include <hb.h>

#include <string>
#include <vector>

namespace galley::text {

// `kern` and `liga` on, then the style's settings in order ("smcp", "-liga",
// "liga=0", "+onum"), so a style can turn a default off. Letter-spaced text
// (tracking > 0) gets `liga` off unless the style asks for it, as CSS does:
// a ligature in spaced-out text reads as a gap in the wrong place. Settings
// HarfBuzz cannot parse are skipped and appended to `bad`.
std::vector<hb_feature_t> make_features(const std::vector<std::string>& settings, double tracking,
                                        std::vector<std::string>& bad);

}  // namespace galley::text
