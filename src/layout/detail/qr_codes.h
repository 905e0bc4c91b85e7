// QR encodings kept for the process (base/memo.h): a batch whose rows share
// a code's data encodes it once. Thread-safe; only successes are kept, so
// every caller meets and reports its own failures.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace galley::layout {

struct QrModules {
  int width = 0;                   // modules per side
  std::vector<unsigned char> dark; // row-major, 1 for a dark module

  size_t bytes() const { return sizeof *this + dark.size(); }
};

// libqrencode's symbol for `data` (8-bit mode, case-sensitive, the smallest
// version that fits) at error-correction level M; null when it cannot be
// encoded. At most kMaxQrBytes of codes are kept; beyond that the kept ones
// are dropped and encoded again when next asked for.
std::shared_ptr<const QrModules> encode_qr(const std::string& data);

// The memo key of encode_qr(data): the data and the encoder's settings.
std::string qr_key(const std::string& data);

inline constexpr size_t kMaxQrBytes = size_t{8} << 20;

}  // namespace galley::layout
