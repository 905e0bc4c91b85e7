#include "detail/booklet_sides.h"

namespace galley::print {

std::vector<std::array<int, 2>> booklet_sides(int pages) {
  if (pages <= 0) return {};
  const int padded = (pages + 3) / 4 * 4;
  // Reading order with the blanks in place: they sit before the back cover.
  std::vector<int> order;
  order.reserve(padded);
  const int body = pages >= 2 ? pages - 1 : pages;
  for (int i = 0; i < body; ++i) order.push_back(i);
  for (int i = pages; i < padded; ++i) order.push_back(-1);
  if (pages >= 2) order.push_back(pages - 1);

  std::vector<std::array<int, 2>> sides;
  for (int i = 0; i < padded / 4; ++i) {
    sides.push_back({order[padded - 1 - 2 * i], order[2 * i]});
    sides.push_back({order[2 * i + 1], order[padded - 2 - 2 * i]});
  }
  return sides;
}

}  // namespace galley::print
