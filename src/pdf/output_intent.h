// The PDF/X-4 output intent: the CMYK characterisation the file is made
// for, with its ICC profile embedded (the user's, or galley's generic one).
#pragma once
#include <optional>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "pdf/hpdf_objects.h"

namespace galley::pdf {

// Adds /OutputIntents to the catalog. False (with an error naming the
// profile) when the profile is missing or not a CMYK output profile.
bool write_output_intent(hpdf::Writer& writer, const layout::OutputIntent& intent, Diagnostics& diags);

// An ICCBased sRGB colour space object, for /DefaultRGB.
std::optional<Ref> write_srgb_space(hpdf::Writer& writer);

}  // namespace galley::pdf
