// ICC profiles galley makes itself with LittleCMS (deterministic bytes).
//
// The generic CMYK output profile, generated with LittleCMS so the
// project ships no third-party ICC data: a simple subtractive ink model
// (paper white, ink densities) with grey component replacement and a 300 %
// total area coverage limit. Good enough as a PDF/X-4 output intent when the
// print shop names no profile; a real press profile should replace it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace galley::pdf {

// ICC v4 output-class CMYK↔Lab profile bytes; identical on every call.
std::optional<std::string> make_cmyk_profile();

// sRGB (IEC 61966-2-1), for /DefaultRGB so RGB content is defined in a
// CMYK PDF/X-4 job.
std::optional<std::string> make_srgb_profile();

// The two profiles above as the PDF writer deflates them (make_cmyk_profile()
// for hpdf::Compress::FlateFast, make_srgb_profile() for Flate), made when
// galley is built (tools/compile_profiles.cpp, src/CMakeLists.txt): making
// the CMYK profile's tables and deflating them took several milliseconds of
// every cold PDF/X build. Empty when the build could not make one: then it is made at
// run time.
std::string_view precompiled_cmyk_stream();
std::string_view precompiled_srgb_stream();

// Size and FNV-1a hash of make_cmyk_profile()'s bytes, made with the streams
// above (0 and 0 when they are empty): a layout that names the file
// tools/make_cmyk_icc wrote (color/galley-cmyk.icc, as the samples do) gets
// the precompiled stream and is not checked again.
struct ProfileStamp {
  size_t size = 0;
  uint64_t hash = 0;
  bool operator==(const ProfileStamp&) const = default;
};
ProfileStamp profile_stamp(std::string_view bytes);
ProfileStamp precompiled_cmyk_stamp();

// Checks that `bytes` is an ICC output (prtr) profile for CMYK data that
// LittleCMS can open. Empty when fine, else what is wrong.
std::string check_cmyk_output_profile(const std::string& bytes);

}  // namespace galley::pdf
