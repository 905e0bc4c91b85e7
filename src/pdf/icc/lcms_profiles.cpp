// galley-icc.so: the ICC profiles galley makes and checks with LittleCMS
// (detail/icc_module.h). A build uses LittleCMS only when a layout names a
// CMYK output profile other than galley's own, or when galley was built
// without its precompiled profiles, so the process maps liblcms2 only then.
// tools/compile_profiles.cpp and tools/make_cmyk_icc.cpp compile this file
// in.
#include <lcms2.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "detail/icc_module.h"

namespace galley::pdf {
namespace {

struct Models {
  cmsHTRANSFORM rgb_to_lab = nullptr;
  cmsHTRANSFORM lab_to_rgb = nullptr;
};

// CMYK → Lab: inks filter light multiplicatively, each with some unwanted
// absorption; paper is the PCS white (media-relative), full black ink
// alone reaches about L* 20.
int forward(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  const auto* m = static_cast<const Models*>(cargo);
  const double c = in[0] / 65535.0, mg = in[1] / 65535.0, y = in[2] / 65535.0, k = in[3] / 65535.0;
  const double paper = 1.0, black = 0.16;
  const double r = (1 - 0.92 * c) * (1 - 0.08 * mg) * (1 - 0.02 * y);
  const double g = (1 - 0.30 * c) * (1 - 0.90 * mg) * (1 - 0.08 * y);
  const double b = (1 - 0.10 * c) * (1 - 0.45 * mg) * (1 - 0.90 * y);
  const double kk = 1 - (1 - black) * k;
  cmsFloat32Number rgb[3] = {static_cast<float>(std::clamp(r * kk * paper, 0.0, 1.0)),
                             static_cast<float>(std::clamp(g * kk * paper, 0.0, 1.0)),
                             static_cast<float>(std::clamp(b * kk * paper, 0.0, 1.0))};
  cmsCIELab lab;
  cmsDoTransform(m->rgb_to_lab, rgb, &lab, 1);
  cmsFloat2LabEncoded(out, &lab);
  return TRUE;
}

// Lab → CMYK: through sRGB, then grey component replacement and a total
// area coverage limit of 300 %.
int inverse(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  const auto* m = static_cast<const Models*>(cargo);
  cmsCIELab lab;
  cmsLabEncoded2Float(&lab, in);
  cmsFloat32Number rgb[3];
  cmsDoTransform(m->lab_to_rgb, &lab, rgb, 1);
  double c = 1 - std::clamp<double>(rgb[0], 0, 1);
  double mg = 1 - std::clamp<double>(rgb[1], 0, 1);
  double y = 1 - std::clamp<double>(rgb[2], 0, 1);
  const double grey = std::min({c, mg, y});
  const double k = grey <= 0.2 ? 0 : (grey - 0.2) / 0.8 * 0.9 + 0.1 * grey;
  if (k < 1) {
    c = (c - k) / (1 - k);
    mg = (mg - k) / (1 - k);
    y = (y - k) / (1 - k);
  } else {
    c = mg = y = 0;
  }
  const double total = c + mg + y + k;
  if (total > 3.0) {
    const double scale = (3.0 - k) / (c + mg + y);
    c *= scale;
    mg *= scale;
    y *= scale;
  }
  const double v[4] = {c, mg, y, k};
  for (int i = 0; i < 4; ++i)
    out[i] = static_cast<cmsUInt16Number>(std::clamp(v[i], 0.0, 1.0) * 65535.0 + 0.5);
  return TRUE;
}

// LittleCMS stamps the current time into the header; a fixed date (and no
// profile ID, which would hash it) keeps the bytes stable.
std::optional<std::string> save_stable(cmsHPROFILE p) {
  cmsUInt32Number size = 0;
  if (!cmsSaveProfileToMem(p, nullptr, &size) || size <= 128) return std::nullopt;
  std::string bytes(size, '\0');
  if (!cmsSaveProfileToMem(p, bytes.data(), &size)) return std::nullopt;
  static const unsigned char date[12] = {0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  std::memcpy(bytes.data() + 24, date, sizeof date);
  std::memset(bytes.data() + 84, 0, 16);
  return bytes;
}

int in_gamut(const cmsUInt16Number[], cmsUInt16Number out[], void*) {
  out[0] = 0;
  return TRUE;
}

// Identity curves around the CLUT: the A-curves, CLUT, B-curves shape that
// ICC v4 lutAToB/lutBToA tags require.
cmsPipeline* clut_pipeline(int in, int out, int points, cmsSAMPLER16 sampler, void* cargo) {
  cmsPipeline* pipe = cmsPipelineAlloc(nullptr, in, out);
  if (!pipe) return nullptr;
  cmsStage* a = cmsStageAllocToneCurves(nullptr, in, nullptr);
  cmsStage* clut = cmsStageAllocCLut16bit(nullptr, points, in, out, nullptr);
  cmsStage* b = cmsStageAllocToneCurves(nullptr, out, nullptr);
  const bool ok = a && clut && b && cmsStageSampleCLut16bit(clut, sampler, cargo, 0);
  cmsStage* stages[3] = {a, clut, b};
  for (int i = 0; i < 3; ++i) {
    if (ok && cmsPipelineInsertStage(pipe, cmsAT_END, stages[i])) stages[i] = nullptr;
    if (stages[i]) cmsStageFree(stages[i]);
  }
  if (!ok || cmsPipelineStageCount(pipe) != 3) {
    cmsPipelineFree(pipe);
    return nullptr;
  }
  return pipe;
}

bool set_text(cmsHPROFILE p, cmsTagSignature sig, const char* text) {
  cmsMLU* mlu = cmsMLUalloc(nullptr, 1);
  const bool ok = mlu && cmsMLUsetASCII(mlu, "en", "US", text) && cmsWriteTag(p, sig, mlu);
  if (mlu) cmsMLUfree(mlu);
  return ok;
}


std::optional<std::string> cmyk_profile() {
  Models m;
  cmsHPROFILE srgb = cmsCreate_sRGBProfile();
  cmsHPROFILE lab = cmsCreateLab4Profile(nullptr);
  if (srgb && lab) {
    m.rgb_to_lab = cmsCreateTransform(srgb, TYPE_RGB_FLT, lab, TYPE_Lab_DBL, INTENT_RELATIVE_COLORIMETRIC, 0);
    m.lab_to_rgb = cmsCreateTransform(lab, TYPE_Lab_DBL, srgb, TYPE_RGB_FLT, INTENT_RELATIVE_COLORIMETRIC, 0);
  }
  if (srgb) cmsCloseProfile(srgb);
  if (lab) cmsCloseProfile(lab);

  std::optional<std::string> result;
  cmsHPROFILE p = m.rgb_to_lab && m.lab_to_rgb ? cmsCreateProfilePlaceholder(nullptr) : nullptr;
  cmsPipeline* a2b = p ? clut_pipeline(4, 3, 9, forward, &m) : nullptr;
  cmsPipeline* b2a = p ? clut_pipeline(3, 4, 17, inverse, &m) : nullptr;
  cmsPipeline* gamut = p ? clut_pipeline(3, 1, 2, in_gamut, nullptr) : nullptr;
  if (p && a2b && b2a && gamut) {
    cmsSetProfileVersion(p, 4.3);
    cmsSetDeviceClass(p, cmsSigOutputClass);
    cmsSetColorSpace(p, cmsSigCmykData);
    cmsSetPCS(p, cmsSigLabData);
    cmsSetHeaderRenderingIntent(p, INTENT_PERCEPTUAL);
    bool ok = set_text(p, cmsSigProfileDescriptionTag, "galley generic CMYK (GCR, TAC 300%)") &&
              set_text(p, cmsSigCopyrightTag, "No copyright, use freely") &&
              cmsWriteTag(p, cmsSigMediaWhitePointTag, cmsD50_XYZ());
    // One table per direction serves all three intents (linked, not copied).
    ok = ok && cmsWriteTag(p, cmsSigAToB0Tag, a2b) && cmsWriteTag(p, cmsSigBToA0Tag, b2a) &&
         cmsLinkTag(p, cmsSigAToB1Tag, cmsSigAToB0Tag) && cmsLinkTag(p, cmsSigAToB2Tag, cmsSigAToB0Tag) &&
         cmsLinkTag(p, cmsSigBToA1Tag, cmsSigBToA0Tag) && cmsLinkTag(p, cmsSigBToA2Tag, cmsSigBToA0Tag);
    ok = ok && cmsWriteTag(p, cmsSigGamutTag, gamut);
    if (ok) result = save_stable(p);
  }
  if (a2b) cmsPipelineFree(a2b);
  if (b2a) cmsPipelineFree(b2a);
  if (gamut) cmsPipelineFree(gamut);
  if (p) cmsCloseProfile(p);
  if (m.rgb_to_lab) cmsDeleteTransform(m.rgb_to_lab);
  if (m.lab_to_rgb) cmsDeleteTransform(m.lab_to_rgb);
  return result;
}

std::optional<std::string> srgb_profile() {
  cmsHPROFILE p = cmsCreate_sRGBProfile();
  if (!p) return std::nullopt;
  auto bytes = save_stable(p);
  cmsCloseProfile(p);
  return bytes;
}

std::string check_cmyk_output(const std::string& bytes) {
  if (bytes.size() < 132 || bytes.compare(36, 4, "acsp") != 0) return "not an ICC profile";
  if (bytes.compare(16, 4, "CMYK") != 0) return "not a CMYK profile";
  if (bytes.compare(12, 4, "prtr") != 0) return "not an output (printer) profile";
  cmsHPROFILE p = cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size()));
  if (!p) return "LittleCMS cannot read the profile";
  const bool usable = cmsIsIntentSupported(p, INTENT_RELATIVE_COLORIMETRIC, LCMS_USED_AS_OUTPUT);
  cmsCloseProfile(p);
  return usable ? "" : "the profile has no colorimetric output transform";
}

}  // namespace
}  // namespace galley::pdf

extern "C" __attribute__((visibility("default"))) const void* galley_icc_module() {
  static const galley::pdf::IccModule module{galley::pdf::kIccModuleAbi, &galley::pdf::cmyk_profile,
                                             &galley::pdf::srgb_profile, &galley::pdf::check_cmyk_output};
  return &module;
}
