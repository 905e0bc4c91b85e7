#include "detail/qr_codes.h"

#include <qrencode.h>

#include "base/memo.h"

namespace galley::layout {

namespace {

// The settings are part of the key so that a second level or version, if
// one is ever offered, cannot be served another's symbol.
constexpr int kVersion = 0;  // the smallest that fits
constexpr QRecLevel kLevel = QR_ECLEVEL_M;

std::shared_ptr<const QrModules> encode(const std::string& data) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(data.c_str(), kVersion, kLevel, QR_MODE_8, 1), QRcode_free);
  if (!code) return nullptr;
  auto m = std::make_shared<QrModules>();
  m->width = code->width;
  const size_t n = static_cast<size_t>(code->width) * code->width;
  m->dark.resize(n);
  for (size_t i = 0; i < n; ++i) m->dark[i] = code->data[i] & 1;
  return m;
}

}  // namespace

std::string qr_key(const std::string& data) {
  return base::memo_key("qr", data, kVersion, static_cast<int>(kLevel), static_cast<int>(QR_MODE_8));
}

std::shared_ptr<const QrModules> encode_qr(const std::string& data) {
  static base::Memo<QrModules> memo(kMaxQrBytes);
  return memo.get(qr_key(data), [&] { return encode(data); });
}

}  // namespace galley::layout
