// Did-you-mean: the closest allowed word to a misspelt one.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace galley::load {

// Edit distance (insertions, deletions, substitutions, swaps of neighbours),
// case-sensitive.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo
// (ties go to the earlier candidate), else empty.
std::string suggest(std::string_view word, std::span<const std::string_view> candidates);
std::string suggest(std::string_view word, std::span<const std::string> candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace galley::load
