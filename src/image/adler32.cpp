#include "detail/adler32.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace galley::image::detail {
namespace {

constexpr uint32_t kBase = 65521;

// 16-byte blocks per vector run: the lanes' partial sums stay well inside
// 32 bits (a lane's running total of earlier blocks grows as blocks²).
constexpr size_t kBlocksPerRun = 256;

#if defined(__SSE2__)
uint32_t lanes(__m128i v) {
  alignas(16) uint32_t x[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(x), v);
  return x[0] + x[1] + x[2] + x[3];
}

// `blocks` 16-byte blocks into s1 and s2 (both reduced after).
void vector_run(uint64_t& s1, uint64_t& s2, const unsigned char* p, size_t blocks) {
  const __m128i zero = _mm_setzero_si128();
  // Byte t of a block weighs 16 - t in s2 (counted from the block's end).
  const __m128i w_lo = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
  const __m128i w_hi = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
  __m128i v_s1 = zero, v_before = zero, v_s2 = zero;
  for (size_t b = 0; b < blocks; ++b) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * b));
    v_before = _mm_add_epi32(v_before, v_s1);  // the blocks before this one, once per block after them
    v_s1 = _mm_add_epi32(v_s1, _mm_sad_epu8(bytes, zero));
    v_s2 = _mm_add_epi32(v_s2, _mm_madd_epi16(_mm_unpacklo_epi8(bytes, zero), w_lo));
    v_s2 = _mm_add_epi32(v_s2, _mm_madd_epi16(_mm_unpackhi_epi8(bytes, zero), w_hi));
  }
  s2 += s1 * 16 * blocks + 16 * uint64_t{lanes(v_before)} + lanes(v_s2);
  s1 += lanes(v_s1);
}
#endif

}  // namespace

uint32_t adler32_checksum(uint32_t adler, const unsigned char* data, size_t size) {
  uint64_t s1 = adler & 0xffff, s2 = adler >> 16;
#if defined(__SSE2__)
  while (size >= 16) {
    const size_t blocks = size / 16 < kBlocksPerRun ? size / 16 : kBlocksPerRun;
    vector_run(s1, s2, data, blocks);
    s1 %= kBase;
    s2 %= kBase;
    data += 16 * blocks;
    size -= 16 * blocks;
  }
#endif
  // What is left (all of it without SSE2), a few thousand bytes between
  // reductions: s2 stays far below 2^64.
  while (size > 0) {
    const size_t n = size < 4096 ? size : 4096;
    for (size_t i = 0; i < n; ++i) {
      s1 += data[i];
      s2 += s1;
    }
    s1 %= kBase;
    s2 %= kBase;
    data += n;
    size -= n;
  }
  return static_cast<uint32_t>(s2 << 16 | s1);
}

}  // namespace galley::image::detail
