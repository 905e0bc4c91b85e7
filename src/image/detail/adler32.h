// Adler-32 (RFC 1950) over bytes, as zlib's adler32() computes it, by
// libdeflate's vectorised one: checking a kept PNG stream's checksum with
// zlib's scalar one was a seventh of a cold brochure's instructions (23 MB
// of inflated rows, most of it the cover photograph).
#pragma once
#include <cstddef>
#include <cstdint>

namespace galley::image::detail {

// The checksum after `data`, continuing from `adler` (1 for a new stream).
uint32_t adler32_checksum(uint32_t adler, const unsigned char* data, size_t size);

}  // namespace galley::image::detail
