// Writes the generated image seeds of fuzz/corpus/png and fuzz/corpus/jpeg:
// one small file per colour type, depth, interlacing and JPEG mode, made by
// the same generators as the image tests. Run from the repository root:
//   cmake --build build-fuzz --target make_fuzz_seeds && build-fuzz/fuzz/make_fuzz_seeds
#include <png.h>

#include <string>

#include "image/make_images.h"

using namespace galley::testimg;

int main() {
  struct Png {
    const char* name;
    int type, depth;
    bool trns, interlaced;
  };
  const Png pngs[] = {
      {"gray1", PNG_COLOR_TYPE_GRAY, 1, false, false},
      {"gray8", PNG_COLOR_TYPE_GRAY, 8, false, false},
      {"gray16-interlaced", PNG_COLOR_TYPE_GRAY, 16, false, true},
      {"gray-alpha8", PNG_COLOR_TYPE_GRAY_ALPHA, 8, false, false},
      {"rgb8", PNG_COLOR_TYPE_RGB, 8, false, false},
      {"rgb8-interlaced", PNG_COLOR_TYPE_RGB, 8, false, true},
      {"rgb16", PNG_COLOR_TYPE_RGB, 16, false, false},
      {"rgba8", PNG_COLOR_TYPE_RGB_ALPHA, 8, false, false},
      {"palette2-trns", PNG_COLOR_TYPE_PALETTE, 2, true, false},
      {"palette8", PNG_COLOR_TYPE_PALETTE, 8, false, false},
  };
  for (const auto& p : pngs)
    write_file(std::string("fuzz/corpus/png/") + p.name + ".png",
               png_bytes(7, 5, p.type, p.depth, p.trns, p.interlaced));
  struct Jpeg {
    const char* name;
    int components;
    bool progressive;
  };
  const Jpeg jpegs[] = {
      {"gray", 1, false}, {"rgb", 3, false}, {"rgb-progressive", 3, true},
      {"cmyk", 4, false}, {"cmyk-progressive", 4, true},
  };
  for (const auto& j : jpegs)
    write_file(std::string("fuzz/corpus/jpeg/") + j.name + ".jpg",
               jpeg_bytes(17, 9, j.components, j.progressive));
}
