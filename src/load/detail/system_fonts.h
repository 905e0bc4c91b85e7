// Installed font families, found by name with fontconfig. Asked only while
// a layout loads, and only for families written `{system: NAME}`: the model
// keeps the files found, so everything after loading reads the same bytes
// a family given by path would (the PDF depends on the files, not on
// fontconfig's state).
#pragma once
#include <optional>
#include <string>

namespace galley::load {

struct SystemFamily {
  std::string family;  // as fontconfig names it
  std::string regular, bold, italic, bold_italic;  // empty: no such face installed
};

// The faces of the installed family `name` (case-insensitive); nothing when
// no installed family has that name or it has no upright regular face.
std::optional<SystemFamily> find_system_family(const std::string& name);

}  // namespace galley::load
