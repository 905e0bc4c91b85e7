#include "resolve/styled.h"

namespace galley::resolve {

std::string Paragraph::plain_text() const {
  std::string s;
  for (const Run& r : runs) s += r.text;
  return s;
}

}  // namespace galley::resolve
