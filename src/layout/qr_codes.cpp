#include "layout/qr_codes.h"

#include <qrencode.h>

#include <map>
#include <mutex>
#include <shared_mutex>
#include <tuple>

namespace galley::layout {

namespace {

// The settings are part of the key so that a second level or version, if
// one is ever offered, cannot be served another's symbol.
constexpr int kVersion = 0;  // the smallest that fits
constexpr QRecLevel kLevel = QR_ECLEVEL_M;
using Key = std::tuple<std::string, int, int>;

struct Codes {
  std::shared_mutex mutex;
  std::map<Key, std::shared_ptr<const QrModules>> kept;
  size_t bytes = 0;
};

Codes& codes() {
  static Codes c;
  return c;
}

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

std::shared_ptr<const QrModules> encode_qr(const std::string& data) {
  Codes& c = codes();
  Key key{data, kVersion, static_cast<int>(kLevel)};
  {
    std::shared_lock lock(c.mutex);
    auto it = c.kept.find(key);
    if (it != c.kept.end()) return it->second;
  }
  std::shared_ptr<const QrModules> m = encode(data);
  if (!m) return m;
  const size_t bytes = data.size() + m->dark.size();
  std::unique_lock lock(c.mutex);
  if (c.kept.size() < kMaxQrCodes && c.bytes + bytes <= kMaxQrBytes && c.kept.emplace(std::move(key), m).second)
    c.bytes += bytes;
  return m;
}

}  // namespace galley::layout
