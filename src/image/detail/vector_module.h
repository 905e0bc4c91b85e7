// What galley-vector.so (src/image/vector/ and src/pdf/vector/, linked with
// libqpdf) offers image/: reading a PDF page's facts for probe_vector(), and
// the colour rewriting recolor uses. The module is loaded on the first PDF
// or SVG image, so a build without one maps no libqpdf and none of the TLS
// stack it links (docs/architecture.md, "Modules"). pdf/ copies the page
// through the module's second table (pdf/detail/vector_module.h).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vector.h"

namespace galley::image {

inline constexpr const char* kVectorReaderEntry = "galley_vector_reader";
// Changes with VectorReader or any type it passes (VectorPage, RgbSpace,
// Recolor): a module from another build of galley is refused.
inline constexpr int kVectorReaderAbi = 1;

struct VectorReader {
  int abi = kVectorReaderAbi;
  // Page `page` (1-based) of the PDF in `bytes`: it parses (without
  // recovery), is not encrypted, has the page, and what the page draws with
  // is within the budgets of vector.h; its RGB colours are collected.
  // nullopt with `error` saying why not.
  std::optional<VectorPage> (*read_page)(std::shared_ptr<const std::string> bytes, const std::string& path,
                                         int page, std::string& error) = nullptr;
  // Walks a content stream with qpdf's tokenizer, tracking the fill and
  // stroke colour spaces through q/Q, and calls `recolor` for every RGB
  // colour it sets. Returns the stream with the replaced operators, every
  // other byte as it was; nullopt with `error` when it does not tokenise.
  std::optional<std::string> (*rewrite_colors)(std::string_view content, const RgbSpace& rgb_space,
                                               const Recolor& recolor, std::string& error) = nullptr;
};

// The loaded module's reader; null with `error` ("galley-vector.so is not
// installed next to galley", ...) when it cannot be loaded.
const VectorReader* vector_reader(std::string& error);

}  // namespace galley::image
