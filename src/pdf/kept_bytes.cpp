#include "detail/kept_bytes.h"

namespace galley::pdf {

std::shared_ptr<const KeptBytes> kept_deflated(std::string_view bytes, hpdf::Compress compress) {
  auto deflated = hpdf::deflate(bytes, compress);
  if (!deflated) return nullptr;
  return std::make_shared<const KeptBytes>(KeptBytes{std::move(*deflated)});
}

}  // namespace galley::pdf
