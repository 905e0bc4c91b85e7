#include "detail/system_fonts.h"

#include <fontconfig/fontconfig.h>

#include <mutex>
#include <strings.h>

namespace galley::load {
namespace {

// fontconfig's configuration is read once per process, on first use.
FcConfig* config() {
  static FcConfig* cfg = FcInitLoadConfigAndFonts();
  return cfg;
}

bool names_family(FcPattern* p, const std::string& name, std::string& spelled) {
  FcChar8* f = nullptr;
  for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &f) == FcResultMatch; ++i) {
    if (strcasecmp(reinterpret_cast<const char*>(f), name.c_str()) == 0) {
      spelled = reinterpret_cast<const char*>(f);
      return true;
    }
  }
  return false;
}

// The file of the face of `name` closest to bold/italic, when it is that
// face: fontconfig always answers with something, another family or the
// regular face included.
std::string face(const std::string& name, bool bold, bool italic, std::string& spelled) {
  FcPattern* want = FcPatternCreate();
  if (!want) return {};
  FcPatternAddString(want, FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
  FcPatternAddInteger(want, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(want, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(want, FC_SCALABLE, FcTrue);
  std::string file;
  if (FcConfigSubstitute(config(), want, FcMatchPattern)) {
    FcDefaultSubstitute(want);
    FcResult result = FcResultNoMatch;
    FcPattern* got = FcFontMatch(config(), want, &result);
    if (got) {
      int weight = 0, slant = 0, index = 0;
      FcChar8* path = nullptr;
      FcBool scalable = FcFalse;
      const bool complete = FcPatternGetInteger(got, FC_WEIGHT, 0, &weight) == FcResultMatch &&
                            FcPatternGetInteger(got, FC_SLANT, 0, &slant) == FcResultMatch &&
                            FcPatternGetString(got, FC_FILE, 0, &path) == FcResultMatch &&
                            FcPatternGetBool(got, FC_SCALABLE, 0, &scalable) == FcResultMatch;
      FcPatternGetInteger(got, FC_INDEX, 0, &index);
      // galley reads the first face of a file: a face inside a collection
      // would be another face.
      if (complete && scalable && index == 0 && names_family(got, name, spelled) &&
          (weight >= FC_WEIGHT_DEMIBOLD) == bold && (slant != FC_SLANT_ROMAN) == italic)
        file = reinterpret_cast<const char*>(path);
      FcPatternDestroy(got);
    }
  }
  FcPatternDestroy(want);
  return file;
}

}  // namespace

std::optional<SystemFamily> find_system_family(const std::string& name) {
  // fontconfig's matching is not documented as thread-safe on one config.
  static std::mutex lock;
  std::lock_guard<std::mutex> hold(lock);
  if (!config()) return std::nullopt;
  SystemFamily f;
  f.regular = face(name, false, false, f.family);
  if (f.regular.empty()) return std::nullopt;
  std::string ignored;
  f.bold = face(name, true, false, ignored);
  f.italic = face(name, false, true, ignored);
  f.bold_italic = face(name, true, true, ignored);
  return f;
}

}  // namespace galley::load
