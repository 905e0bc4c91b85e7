// ICC profiles galley makes itself with LittleCMS (deterministic bytes).
//
// The generic CMYK output profile, generated with LittleCMS so the
// project ships no third-party ICC data: a simple subtractive ink model
// (paper white, ink densities) with grey component replacement and a 300 %
// total area coverage limit. Good enough as a PDF/X-4 output intent when the
// print shop names no profile; a real press profile should replace it.
#pragma once
#include <optional>
#include <string>

namespace galley::pdf {

// ICC v4 output-class CMYK↔Lab profile bytes; identical on every call.
std::optional<std::string> make_cmyk_profile();

// sRGB (IEC 61966-2-1), for /DefaultRGB so RGB content is defined in a
// CMYK PDF/X-4 job.
std::optional<std::string> make_srgb_profile();

// Checks that `bytes` is an ICC output (prtr) profile for CMYK data that
// LittleCMS can open. Empty when fine, else what is wrong.
std::string check_cmyk_output_profile(const std::string& bytes);

}  // namespace galley::pdf
