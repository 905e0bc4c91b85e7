// SVG → PDF with librsvg and cairo (docs/architecture.md says why these).
// librsvg reads the document from memory with no base file: it then
// resolves no relative or file: reference (images, <use> of other files,
// CSS @import), so an SVG cannot make galley read a file the descriptor
// did not name; only data: URLs load.
//
// librsvg is opened with dlopen on the first SVG, not linked: it brings
// some thirty shared libraries (glib, gio, pango, fontconfig, ...) that cost
// every run of galley about 7 ms of start-up and 6 MB, SVG or not
// (docs/architecture.md).
#include <cairo-pdf.h>
#include <dlfcn.h>
#include <librsvg/rsvg.h>

#include <cctype>
#include <cmath>
#include <memory>

#include "detail/vector.h"

namespace galley::image::detail {
namespace {

// CSS pixels: an SVG's px, and its unitless lengths, are 1/96 inch.
constexpr double kCssDpi = 96;
constexpr double kPointsPerPixel = 72 / kCssDpi;

// The functions used, looked up in librsvg and the libraries it links.
struct Rsvg {
#define GALLEY_RSVG_FUNCTIONS(X)                                                                    \
  X(g_memory_input_stream_new_from_data) X(g_object_unref) X(g_error_free)                          \
  X(rsvg_handle_new_from_stream_sync) X(rsvg_handle_set_dpi) X(rsvg_handle_get_intrinsic_size_in_pixels) \
  X(rsvg_handle_get_intrinsic_dimensions) X(rsvg_handle_render_document)                           \
  X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_set_metadata) X(cairo_create)         \
  X(cairo_scale) X(cairo_status) X(cairo_destroy) X(cairo_surface_finish) X(cairo_surface_status)  \
  X(cairo_surface_destroy) X(cairo_status_to_string)
#define GALLEY_RSVG_MEMBER(name) decltype(&::name) name = nullptr;
  GALLEY_RSVG_FUNCTIONS(GALLEY_RSVG_MEMBER)
  bool ok = false;
};

// Opened once for the process and never closed (glib keeps global state).
const Rsvg& rsvg() {
  static const Rsvg loaded = [] {
    Rsvg r;
    void* lib = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return r;
    bool all = true;
#define GALLEY_RSVG_LOOKUP(name)                                       \
    r.name = reinterpret_cast<decltype(&::name)>(dlsym(lib, #name)); \
    all = all && r.name;
    GALLEY_RSVG_FUNCTIONS(GALLEY_RSVG_LOOKUP)
    r.ok = all;
    return r;
  }();
  return loaded;
}

#undef GALLEY_RSVG_LOOKUP
#undef GALLEY_RSVG_MEMBER
#undef GALLEY_RSVG_FUNCTIONS

struct GObjectFree {
  void operator()(void* p) const { rsvg().g_object_unref(p); }
};
struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { rsvg().cairo_surface_destroy(s); }
};
struct CairoFree {
  void operator()(cairo_t* c) const { rsvg().cairo_destroy(c); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string take_message(GError* error, const char* fallback) {
  if (!error) return fallback;
  std::string message = error->message ? error->message : fallback;
  rsvg().g_error_free(error);
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
  return message;
}

}  // namespace

std::optional<std::string> svg_to_pdf(const std::string& svg, std::string& error) {
  const Rsvg& r = rsvg();
  if (!r.ok) {
    error = "SVG images need librsvg (the Debian package librsvg2-2), which cannot be loaded";
    return std::nullopt;
  }
  // g_memory_input_stream_new_from_data does not copy: `svg` outlives it.
  std::unique_ptr<GInputStream, GObjectFree> in(
      r.g_memory_input_stream_new_from_data(svg.data(), static_cast<gssize>(svg.size()), nullptr));
  GError* gerror = nullptr;
  std::unique_ptr<RsvgHandle, GObjectFree> handle(
      r.rsvg_handle_new_from_stream_sync(in.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &gerror));
  if (!handle) {
    error = "not a readable SVG file: " + take_message(gerror, "parse error");
    return std::nullopt;
  }
  r.rsvg_handle_set_dpi(handle.get(), kCssDpi);
  double w = 0, h = 0;
  if (!r.rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h)) {
    // Percentage width/height: the viewBox gives the size.
    gboolean has_viewbox = FALSE;
    RsvgRectangle viewbox{};
    r.rsvg_handle_get_intrinsic_dimensions(handle.get(), nullptr, nullptr, nullptr, nullptr, &has_viewbox,
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
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(r.cairo_pdf_surface_create_for_stream(append, &pdf, wpt, hpt));
  // Only the page's content and resources reach galley's PDF; the dates
  // are fixed all the same so the intermediate PDF is reproducible too.
  r.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  r.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
  std::unique_ptr<cairo_t, CairoFree> cr(r.cairo_create(surface.get()));
  r.cairo_scale(cr.get(), kPointsPerPixel, kPointsPerPixel);
  const RsvgRectangle viewport{0, 0, w, h};
  if (!r.rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerror)) {
    error = "cannot draw the SVG: " + take_message(gerror, "render error");
    return std::nullopt;
  }
  const cairo_status_t drawn = r.cairo_status(cr.get());
  cr.reset();
  if (drawn != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot draw the SVG: ") + r.cairo_status_to_string(drawn);
    return std::nullopt;
  }
  r.cairo_surface_finish(surface.get());
  if (r.cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    error = std::string("cannot convert the SVG to PDF: ") + r.cairo_status_to_string(r.cairo_surface_status(surface.get()));
    return std::nullopt;
  }
  return pdf;
}

}  // namespace galley::image::detail
