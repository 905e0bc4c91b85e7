// "Did you mean ...?" for names resolve/ looks up (variables, styles).
#pragma once
#include <string>
#include <vector>

namespace galley::resolve {

// The candidate closest to `name` by edit distance, if it is close enough to
// be a plausible typo (at most a third of the name's length, at least 1);
// ties go to the first candidate. Empty when none is.
std::string nearest(const std::string& name, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace galley::resolve
