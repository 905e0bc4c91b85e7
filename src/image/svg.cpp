// SVG → PDF with librsvg and cairo (docs/architecture.md says why these).
// librsvg reads the document from memory with no base file: it then
// resolves no relative or file: reference (images, <use> of other files,
// CSS @import), so an SVG cannot make galley read a file the descriptor
// did not name; only data: URLs load.
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

#include <cctype>
#include <cmath>
#include <memory>

#include "image/vector.h"

namespace galley::image::detail {
namespace {

// CSS pixels: an SVG's px, and its unitless lengths, are 1/96 inch.
constexpr double kCssDpi = 96;
constexpr double kPointsPerPixel = 72 / kCssDpi;

struct GObjectFree {
  void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string take_message(GError* error, const char* fallback) {
  if (!error) return fallback;
  std::string message = error->message ? error->message : fallback;
  g_error_free(error);
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
  return message;
}

}  // namespace

std::optional<std::string> svg_to_pdf(const std::string& svg, std::string& error) {
  // g_memory_input_stream_new_from_data does not copy: `svg` outlives it.
  std::unique_ptr<GInputStream, GObjectFree> in(
      g_memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr));
  GError* gerror = nullptr;
  std::unique_ptr<RsvgHandle, GObjectFree> handle(
      rsvg_handle_new_from_stream_sync(in.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &gerror));
  if (!handle) {
    error = "not a readable SVG file: " + take_message(gerror, "parse error");
    return std::nullopt;
  }
  rsvg_handle_set_dpi(handle.get(), kCssDpi);
  double w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h)) {
    // Percentage width/height: the viewBox gives the size.
    gboolean has_viewbox = FALSE;
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle.get(), nullptr, nullptr, nullptr, nullptr, &has_viewbox,
                                         &viewbox);
    if (!has_viewbox) {
      error = "SVG has neither an absolute width and height nor a viewBox";
      return std::nullopt;
    }
    w = viewbox.width, h = viewbox.height;
  }
  const double wpt = w * kPointsPerPixel, hpt = h * kPointsPerPixel;
  if (!std::isfinite(wpt) || !std::isfinite(hpt) || wpt <= 0 || hpt <= 0) {
    error = "SVG has zero size";
    return std::nullopt;
  }
  if (wpt > kMaxSvgPoints || hpt > kMaxSvgPoints) {
    error = "SVG is too large (" + std::to_string(std::lround(wpt)) + " x " + std::to_string(std::lround(hpt)) +
            " pt; the limit is 14400 pt, 200 inches, a side)";
    return std::nullopt;
  }
  std::string pdf;
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_pdf_surface_create_for_stream(append, &pdf, wpt, hpt));
  // Only the page's content and resources reach galley's PDF; the dates
  // are fixed all the same so the intermediate PDF is reproducible too.
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
  std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), kPointsPerPixel, kPointsPerPixel);
  const RsvgRectangle viewport{0, 0, w, h};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerror)) {
    error = "cannot draw the SVG: " + take_message(gerror, "render error");
    return std::nullopt;
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot convert the SVG to PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get()));
    return std::nullopt;
  }
  return pdf;
}

}  // namespace galley::image::detail
