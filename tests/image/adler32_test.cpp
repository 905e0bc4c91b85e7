#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

#include "detail/adler32.h"

using galley::image::detail::adler32_checksum;

// Against zlib's own, over lengths around the vector blocks and runs and
// bytes that make every sum large, in one piece and split where inflate's
// output would be.
TEST_CASE("adler32_checksum is zlib's Adler-32") {
  std::string bytes(300000, '\0');
  uint32_t x = 12345;
  for (char& c : bytes) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 23);
  }
  const std::string ones(70000, '\xff');
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* f = reinterpret_cast<const unsigned char*>(ones.data());
  for (size_t n : {0u, 1u, 15u, 16u, 17u, 31u, 4095u, 4096u, 4097u, 5552u, 65536u, 65537u, 300000u}) {
    CAPTURE(n);
    CHECK(adler32_checksum(1, p, n) == ::adler32(1, p, static_cast<uInt>(n)));
    if (n <= ones.size()) CHECK(adler32_checksum(1, f, n) == ::adler32(1, f, static_cast<uInt>(n)));
  }
  uint32_t split = 1;
  for (size_t at = 0; at < bytes.size(); at += 65536)
    split = adler32_checksum(split, p + at, std::min<size_t>(65536, bytes.size() - at));
  CHECK(split == ::adler32(1, p, static_cast<uInt>(bytes.size())));
}
