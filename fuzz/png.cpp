// The PNG reader: any bytes as a .png file, probed and decoded both ways.
#include "image/image.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = fuzz::write_scratch("image.png", data, size);
  Diagnostics diags;
  image::probe(path, diags);
  image::decode(path, diags, {}, image::PngSamples::Decode);
  image::decode(path, diags, {}, image::PngSamples::KeepStream);
  return 0;
}
