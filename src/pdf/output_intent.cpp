#include "pdf/output_intent.h"

#include <filesystem>
#include <fstream>

#include "pdf/icc_profiles.h"

namespace galley::pdf {
namespace {

constexpr uintmax_t kMaxProfileBytes = 64u << 20;

std::optional<std::string> read_profile(const std::string& path, Diagnostics& diags) {
  const SourceLoc at{path, 0, 0};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diags.error(at, "output intent profile '" + path + "' not found");
    return std::nullopt;
  }
  if (std::filesystem::file_size(path, ec) > kMaxProfileBytes || ec) {
    diags.error(at, "output intent profile '" + path + "' is unreadable or too large");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(std::filesystem::file_size(path, ec)), '\0');
  if (ec || !in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    diags.error(at, "output intent profile '" + path + "' is unreadable");
    return std::nullopt;
  }
  const std::string problem = check_cmyk_output_profile(bytes);
  if (!problem.empty()) {
    diags.error(at, "output intent profile '" + path + "': " + problem);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace

bool write_output_intent(hpdf::Writer& w, const layout::OutputIntent& intent, Diagnostics& diags) {
  std::optional<std::string> profile;
  std::string condition = intent.condition;
  if (!intent.icc_profile.empty()) {
    profile = read_profile(intent.icc_profile, diags);
    if (!profile) return false;
  } else {
    profile = make_cmyk_profile();
    if (!profile) {
      diags.error({}, "cannot generate the generic CMYK output profile");
      return false;
    }
    diags.warning({}, "PDF/X-4 without an output intent profile: embedding galley's generic "
                      "CMYK profile; name the print shop's profile in output.intent.profile");
    if (condition.empty()) condition = "galley generic CMYK";
  }
  if (condition.empty()) condition = "Custom";
  auto stream = w.add_stream(Dict{}.set("N", 4), *profile, hpdf::Compress::FlateFast);
  if (!stream) return false;
  Dict oi;
  oi.set("Type", Name{"OutputIntent"})
      .set("S", Name{"GTS_PDFX"})
      .set("OutputConditionIdentifier", text_string(condition))
      .set("OutputCondition", text_string(condition))
      .set("Info", text_string(condition))
      .set("RegistryName", String{"http://www.color.org"})
      .set("DestOutputProfile", *stream);
  return w.set_catalog("OutputIntents", Array{{oi}});
}

std::optional<Ref> write_srgb_space(hpdf::Writer& w) {
  auto profile = make_srgb_profile();
  if (!profile) return std::nullopt;
  auto stream = w.add_stream(Dict{}.set("N", 3).set("Alternate", Name{"DeviceRGB"}), *profile,
                             hpdf::Compress::Flate);
  if (!stream) return std::nullopt;
  return w.add_object(Array{{Name{"ICCBased"}, *stream}});
}

}  // namespace galley::pdf
