// qpdf's view of a vector graphic's page, inside galley-vector.so: shared by
// the probe (read_page.cpp) and the copy into galley's PDF
// (pdf/vector/copy_graphic.cpp): opening the page, decoding content within a
// budget, and telling RGB colour spaces apart. Every function here catches
// qpdf's exceptions and reports them as `error`; callers never see one.
// Only the module includes this header: the rest of galley never sees qpdf.
#pragma once
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <memory>
#include <optional>
#include <string>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "image/detail/vector_module.h"

namespace galley::image {

struct OpenedPage {
  std::shared_ptr<const std::string> bytes;  // qpdf reads them in place
  std::shared_ptr<QPDF> pdf;
  QPDFObjectHandle page;
  QPDFObjectHandle resources;  // inherited ones included; null for none
  VectorPage facts;            // pages, box, rotate, width, height
};

// Page `page` (1-based) of the PDF in `bytes`; nullopt with `error` when the
// file does not parse (qpdf runs without recovery: a damaged file is
// refused, not guessed at), is encrypted, or lacks the page.
std::optional<OpenedPage> open_page(std::shared_ptr<const std::string> bytes, const std::string& path, int page,
                                    std::string& error);

// A stream whose data is content: a Form XObject or a tiling pattern.
bool draws_content(QPDFObjectHandle stream);

// The stream's data decoded (or the page's content streams, concatenated),
// counting against `left` bytes; nullopt with `error` over the budget or
// when a filter fails.
std::optional<std::string> decoded_stream(QPDFObjectHandle stream, uint64_t& left, std::string& error);
std::optional<std::string> decoded_contents(OpenedPage& page, uint64_t& left, std::string& error);

// DeviceRGB, CalRGB, a 3-component ICCBased space, or an Indexed space
// over one of them.
bool is_rgb_space(QPDFObjectHandle space);
// An image or shading whose colour space is RGB.
bool paints_rgb(QPDFObjectHandle dict);

// The colour space names of a content stream with these resources.
RgbSpace rgb_space_in(QPDFObjectHandle resources);

// VectorReader's two functions (image/detail/vector_module.h).
std::optional<VectorPage> read_page(std::shared_ptr<const std::string> bytes, const std::string& path, int page,
                                    std::string& error);
std::optional<std::string> rewrite_colors(std::string_view content, const RgbSpace& rgb_space,
                                          const Recolor& recolor, std::string& error);

}  // namespace galley::image
