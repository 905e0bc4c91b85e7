#include "resolve/styled.h"

namespace galley::resolve {

const std::shared_ptr<const ParaStyle>& default_box() {
  static const auto box = std::make_shared<const ParaStyle>();
  return box;
}

std::string Paragraph::plain_text() const {
  std::string s;
  for (const Run& r : runs) s += r.text;
  return s;
}

}  // namespace galley::resolve
