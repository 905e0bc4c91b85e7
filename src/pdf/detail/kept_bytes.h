// Deflated streams as the memos of pdf/ keep them (base/memo.h): written
// with hpdf::Compress::Deflated they are the bytes Flate would write.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "hpdf_objects.h"

namespace galley::pdf {

struct KeptBytes {
  std::string data;
  size_t bytes() const { return data.size(); }
};

// `bytes` deflated as hpdf::Writer::add_stream() would for `compress`;
// null when deflating fails.
std::shared_ptr<const KeptBytes> kept_deflated(std::string_view bytes, hpdf::Compress compress);

}  // namespace galley::pdf
