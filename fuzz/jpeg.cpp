// The JPEG reader: any bytes as a .jpg file, probed and decoded.
#include "image/image.h"
#include "support.h"

using namespace galley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = fuzz::write_scratch("image.jpg", data, size);
  Diagnostics diags;
  image::probe(path, diags);
  image::decode(path, diags);
  return 0;
}
