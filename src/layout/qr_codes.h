// QR encodings kept for the process: a batch whose rows share a code's data
// encodes it once. Thread-safe; only successes are kept, so every caller
// meets and reports its own failures.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace galley::layout {

struct QrModules {
  int width = 0;                   // modules per side
  std::vector<unsigned char> dark; // row-major, 1 for a dark module
};

// libqrencode's symbol for `data` (8-bit mode, case-sensitive, the smallest
// version that fits) at error-correction level M; null when it cannot be
// encoded. At most kMaxQrCodes codes and kMaxQrBytes of data are kept; beyond
// that a code is encoded per call.
std::shared_ptr<const QrModules> encode_qr(const std::string& data);

inline constexpr size_t kMaxQrCodes = 1024;
inline constexpr size_t kMaxQrBytes = size_t{8} << 20;

}  // namespace galley::layout
