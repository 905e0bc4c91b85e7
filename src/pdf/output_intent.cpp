#include "detail/output_intent.h"

#include <filesystem>
#include <fstream>

#include "base/memo.h"
#include "image/image.h"
#include "detail/icc_profiles.h"
#include "detail/kept_bytes.h"

namespace galley::pdf {
namespace {

constexpr uintmax_t kMaxProfileBytes = 64u << 20;

// Profiles as their ICC streams hold them, made or read and deflated once
// per process (Compress::FlateFast for the output intent, Flate for sRGB): generating the
// generic CMYK profile and compressing its tables would otherwise be
// repeated for every document of a batch.
base::Memo<KeptBytes>& profile_streams() {
  static base::Memo<KeptBytes> memo(kMaxProfileBytes);
  return memo;
}

std::shared_ptr<const KeptBytes> deflated(const std::optional<std::string>& profile,
                                          hpdf::Compress compress) {
  return profile ? kept_deflated(*profile, compress) : nullptr;
}

std::optional<std::string> read_profile(const std::string& path, const SourceLoc& at, Diagnostics& diags) {
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
  return bytes;
}

// The user's profile, checked; nullopt (with the error) when unusable.
// galley's own generic profile (color/galley-cmyk.icc) is the stream made
// when galley was built, already known to be good.
std::shared_ptr<const KeptBytes> named_profile(const std::string& path, const SourceLoc& at, Diagnostics& diags) {
  auto make = [&]() -> std::shared_ptr<const KeptBytes> {
    auto bytes = read_profile(path, at, diags);
    if (!bytes) return nullptr;
    if (profile_stamp(*bytes) == precompiled_cmyk_stamp())
      return std::make_shared<const KeptBytes>(KeptBytes{std::string(precompiled_cmyk_stream())});
    if (const std::string problem = check_cmyk_output_profile(*bytes); !problem.empty()) {
      diags.error(at, "output intent profile '" + path + "': " + problem);
      return nullptr;
    }
    return deflated(bytes, hpdf::Compress::FlateFast);
  };
  const auto stamp = image::file_stamp(path);
  if (!stamp) return make();
  return profile_streams().get("output intent\n" + path + '\n' + *stamp, make);
}

// Built into galley when the build could make it, else made here.
std::shared_ptr<const KeptBytes> made_profile(std::string_view precompiled,
                                              std::optional<std::string> (*make)(), hpdf::Compress compress) {
  if (!precompiled.empty()) return std::make_shared<const KeptBytes>(KeptBytes{std::string(precompiled)});
  return deflated(make(), compress);
}

std::shared_ptr<const KeptBytes> generic_cmyk_profile() {
  return profile_streams().get("generic CMYK", [] {
    return made_profile(precompiled_cmyk_stream(), make_cmyk_profile, hpdf::Compress::FlateFast);
  });
}

std::shared_ptr<const KeptBytes> srgb_profile() {
  return profile_streams().get("sRGB", [] {
    return made_profile(precompiled_srgb_stream(), make_srgb_profile, hpdf::Compress::Flate);
  });
}

}  // namespace

bool write_output_intent(hpdf::Writer& w, const layout::OutputIntent& intent, Diagnostics& diags,
                         bool pdfx, bool pdfa) {
  std::shared_ptr<const KeptBytes> profile;
  std::string condition = intent.condition;
  if (!intent.icc_profile.empty()) {
    const int errors_before = diags.error_count();
    const SourceLoc at = intent.loc.file.empty() ? SourceLoc{intent.icc_profile, 0, 0} : intent.loc;
    profile = named_profile(intent.icc_profile, at, diags);
    if (!profile && diags.error_count() == errors_before)
      diags.error(at, "output intent profile '" + intent.icc_profile + "': cannot deflate it");
    if (!profile) return false;
  } else {
    profile = generic_cmyk_profile();
    if (!profile) {
      diags.error({}, "cannot generate the generic CMYK output profile");
      return false;
    }
    diags.warning({}, std::string(pdfx ? "PDF/X-4" : "PDF/A-2") +
                          " without an output intent profile: embedding galley's generic "
                          "CMYK profile; name the print shop's profile in output.intent.profile");
    if (condition.empty()) condition = "galley generic CMYK";
  }
  if (condition.empty()) condition = "Custom";
  // Serialised once for the process (libharu W16), as the sRGB space's.
  static const auto object = hpdf::serialise(Dict{}.set("N", 4), hpdf::Compress::Deflated);
  auto stream = w.add(object, {}, std::shared_ptr<const std::string>(profile, &profile->data));
  if (!stream) return false;
  Array intents;
  for (const char* subtype : {"GTS_PDFX", "GTS_PDFA1"}) {
    if (!(subtype[7] == 'X' ? pdfx : pdfa)) continue;
    Dict oi;
    oi.set("Type", Name{"OutputIntent"})
        .set("S", Name{subtype})
        .set("OutputConditionIdentifier", text_string(condition))
        .set("OutputCondition", text_string(condition))
        .set("Info", text_string(condition))
        .set("RegistryName", String{"http://www.color.org"})
        .set("DestOutputProfile", *stream);
    intents.items.push_back(std::move(oi));
  }
  return w.set_catalog("OutputIntents", std::move(intents));
}

std::optional<Ref> write_srgb_space(hpdf::Writer& w) {
  auto profile = srgb_profile();
  if (!profile) return std::nullopt;
  static const auto object =
      hpdf::serialise(Dict{}.set("N", 3).set("Alternate", Name{"DeviceRGB"}), hpdf::Compress::Deflated);
  static const auto space = hpdf::serialise(Array{{Name{"ICCBased"}, Ref{0}}});
  auto stream = w.add(object, {}, std::shared_ptr<const std::string>(profile, &profile->data));
  if (!stream) return std::nullopt;
  return w.add(space, {*stream});
}

void prepare_output_intent(const layout::OutputIntent& intent) {
  Diagnostics ignored;
  if (intent.icc_profile.empty()) generic_cmyk_profile();
  else named_profile(intent.icc_profile, intent.loc, ignored);
}

void prepare_srgb_space() { srgb_profile(); }

}  // namespace galley::pdf
