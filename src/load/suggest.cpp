#include "detail/suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace galley::load {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A typo changes a few letters; allow about one edit per three letters.
int threshold(std::string_view word) {
  return std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
}

template <class T>
std::string closest(std::string_view word, std::span<const T> candidates) {
  // Inputs are descriptor keys and names; a pathological 50 MB key must not
  // cost 50 MB × candidates of work.
  if (word.size() > 64) return {};
  std::string lw = lower(word);
  std::string best;
  int best_d = threshold(word) + 1;
  for (const auto& c : candidates) {
    std::string_view cv(c);
    if (cv.size() > 64) continue;
    int d = edit_distance(lw, lower(cv));
    if (d < best_d) {
      best_d = d;
      best = std::string(cv);
    }
  }
  return best;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a swap of two neighbours ("fnot") is one typo.
  const size_t w = b.size() + 1;
  std::vector<int> d((a.size() + 1) * w);
  for (size_t i = 0; i <= a.size(); ++i) d[i * w] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

std::string suggest(std::string_view word, std::span<const std::string_view> candidates) {
  return closest(word, candidates);
}

std::string suggest(std::string_view word, std::span<const std::string> candidates) {
  return closest(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  std::string s = suggest(word, candidates);
  return s.empty() ? s : " (did you mean '" + s + "'?)";
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  std::string s = suggest(word, candidates);
  return s.empty() ? s : " (did you mean '" + s + "'?)";
}

}  // namespace galley::load
