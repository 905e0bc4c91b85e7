// What galley-vector.so offers pdf/: the copy of a vector graphic's page
// into the PDF being written, as one Form XObject (vector_objects.h). The
// module reads the page with qpdf and makes its objects again through an
// ObjectSink, which the process implements over hpdf::Writer; the module
// itself calls nothing in galley (image/detail/vector_module.h has the
// module's other table).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hpdf_objects.h"
#include "value.h"

namespace galley::pdf {

inline constexpr const char* kGraphicCopierEntry = "galley_vector_copier";
// Changes with GraphicCopier or any type it passes (ObjectSink, Graphic,
// Value): a module from another build of galley is refused.
inline constexpr int kGraphicCopierAbi = 1;

// Where the copied objects go: hpdf::Writer's object calls, as virtual
// functions, so the module needs none of galley's or libharu's symbols.
class ObjectSink {
 public:
  virtual ~ObjectSink() = default;
  virtual std::optional<Ref> add_object(const Value& value) = 0;
  virtual std::optional<Ref> add_stream(const Dict& dict, std::string_view bytes, hpdf::Compress compress) = 0;
  virtual bool extend(Ref object, const Dict& entries) = 0;
  virtual std::string error() const = 0;
};

// One graphic to copy: page `page` of the PDF in `bytes` (an SVG already
// converted), with its RGB colours mapped as `recolor` says.
struct Graphic {
  std::shared_ptr<const std::string> bytes;
  std::string path;  // for qpdf's messages
  int page = 1;
  struct Mapped {
    uint32_t rgb = 0;              // 0xRRGGBB as the content sets it
    std::string fill, stroke;      // the operators setting the new colour instead
  };
  std::vector<Mapped> recolor;
  // Separation spaces the mapped colours name, added to the /ColorSpace of
  // every rewritten content stream's resources.
  struct Space {
    std::string resource;
    Ref ref;
  };
  std::vector<Space> spaces;
};

struct GraphicCopier {
  int abi = kGraphicCopierAbi;
  // The Form XObject of the graphic, its /Matrix mapping the page's box
  // (rotation applied) onto the unit square; nullopt with `error` when the
  // page cannot be read or copied, or is over image/detail/vector.h's
  // budgets.
  std::optional<Ref> (*copy)(const Graphic& graphic, ObjectSink& sink, std::string& error) = nullptr;
};

}  // namespace galley::pdf
