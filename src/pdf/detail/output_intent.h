// The PDF/X-4 output intent: the CMYK characterisation the file is made
// for, with its ICC profile embedded (the user's, or galley's generic one).
#pragma once
#include <optional>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "hpdf_objects.h"

namespace galley::pdf {

// Adds /OutputIntents to the catalog. False (with an error naming the
// profile) when the profile is missing or not a CMYK output profile.
// `pdfx`, `pdfa`: an intent for each standard asked for (GTS_PDFX,
// GTS_PDFA1), both with the same profile stream, as PDF/A requires.
bool write_output_intent(hpdf::Writer& writer, const layout::OutputIntent& intent, Diagnostics& diags,
                         bool pdfx = true, bool pdfa = false);

// An ICCBased sRGB colour space object, for /DefaultRGB.
std::optional<Ref> write_srgb_space(hpdf::Writer& writer);

// Make, read and deflate the profiles the two calls above embed, so that
// they find them done; what fails here is left for them to meet and
// report. Thread-safe: a build's head start (pdf/detail/ahead.h).
void prepare_output_intent(const layout::OutputIntent& intent);
void prepare_srgb_space();

}  // namespace galley::pdf
