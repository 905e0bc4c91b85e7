#include "detail/measured.h"

namespace galley::layout {

void translate(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, Figure> || std::is_same_v<T, Mark>) {
          return;
        } else if constexpr (std::is_same_v<T, Path>) {
          for (auto& op : it.ops) {
            op.x += dx, op.y += dy, op.x1 += dx, op.y1 += dy, op.x2 += dx, op.y2 += dy;
          }
        } else {
          it.x += dx;
          it.y += dy;
          if constexpr (std::is_same_v<T, Image>) {
            it.clip_x += dx;
            it.clip_y += dy;
          }
        }
      },
      item);
}

}  // namespace galley::layout
