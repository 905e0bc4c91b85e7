#include "detail/ahead.h"

#include "detail/image_encoding.h"
#include "detail/output_intent.h"

namespace galley::pdf {

// In the order write_pdf() needs them: the sRGB space before the pages,
// the output intent after them.
void prepare_ahead(const std::vector<std::string>& image_paths, const layout::OutputIntent& intent) {
  const bool pdfx = intent.standard == "PDF/X-4";
  if (pdfx) prepare_srgb_space();
  for (const std::string& path : image_paths) {
    Diagnostics ignored;
    encoded_image(path, ignored, {});
  }
  if (pdfx) prepare_output_intent(intent);
}

}  // namespace galley::pdf
