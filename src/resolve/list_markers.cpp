#include "detail/list_markers.h"

#include <utility>

namespace galley::resolve {

namespace {

// 1 → "a", 26 → "z", 27 → "aa", as spreadsheets count.
std::string letters(int n) {
  std::string s;
  for (; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (n - 1) % 26));
  return s;
}

std::string roman(int n) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kParts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                       {1, "i"}};
  std::string s;
  for (const auto& [value, digits] : kParts)
    for (; n >= value; n -= value) s += digits;
  return s;
}

}  // namespace

std::string list_marker(bool ordered, int depth, int number) {
  if (!ordered) return depth == 0 ? "\u2022" : depth == 1 ? "\u2013" : "\u25E6";
  if (depth == 0) return std::to_string(number) + ".";
  if (depth == 1) return letters(number) + ".";
  return roman(number) + ".";
}

}  // namespace galley::resolve
