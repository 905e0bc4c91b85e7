#include "detail/ahead.h"

#include "detail/image_encoding.h"
#include "detail/output_intent.h"
#include "image/image.h"

namespace galley::pdf {

// In the order write_pdf() needs them: the sRGB space before the pages,
// the output intent after them.
void prepare_ahead(const std::vector<std::string>& image_paths, const layout::OutputIntent& intent, bool pdf_a) {
  const bool pdfx = intent.standard == "PDF/X-4";
  if (pdfx) prepare_srgb_space();
  {
    // The pictures' checks share one mapping of rows, gone before the intent.
    const image::ReusedRows reused;
    for (const std::string& path : image_paths) {
      Diagnostics ignored;
      // A vector graphic has no pixels to encode; reading an SVG (drawing it,
      // or converting it to PDF) is the work worth starting early.
      const auto info = image::probe(path, ignored, {});
      if (info && (info->format == image::Format::Pdf || info->format == image::Format::Svg)) {
        image::vector_source(path, ignored, {});
        continue;
      }
      encoded_image(path, ignored, {});
    }
  }
  if (pdfx || pdf_a) prepare_output_intent(intent);
}

}  // namespace galley::pdf
