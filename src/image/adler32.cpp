#include "detail/adler32.h"

#include <libdeflate.h>

namespace galley::image::detail {

uint32_t adler32_checksum(uint32_t adler, const unsigned char* data, size_t size) {
  return libdeflate_adler32(adler, data, size);
}

}  // namespace galley::image::detail
