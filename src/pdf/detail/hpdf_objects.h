// The only module that touches libharu internals (HPDF_Dict_*, streams,
// xref, the page content stream). Everything else describes objects as
// pdf::Value and page content as operator text. The map of its workarounds
// and why each is needed heads hpdf_objects.cpp.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "value.h"

namespace galley::pdf::hpdf {

// Flate: the bytes are deflated here; FlateFast: likewise at zlib's fastest
// level, for data that barely compresses (ICC lookup tables: 1 % larger,
// half the time); Deflated: they already are a zlib stream (a PNG's IDAT
// data), written as they are with /FlateDecode; Dct: they are a JPEG, kept
// as is.
enum class Compress { None, Flate, FlateFast, Deflated, Dct };

// `bytes` deflated exactly as add_stream() deflates them for `compress`
// (Flate or FlateFast): written later with Compress::Deflated, they give the
// same PDF bytes, so deflated streams can be kept and reused.
std::optional<std::string> deflate(std::string_view bytes, Compress compress);

// One PDF being written. Errors from libharu are recorded (never abort);
// every call returns false / nullopt after an error, and error() says why.
class Writer {
 public:
  Writer();
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  bool ok() const;
  const std::string& error() const;

  // An indirect object holding `value`.
  std::optional<Ref> add_object(const Value& value);
  // An indirect stream: `dict` plus `bytes`, compressed when asked.
  std::optional<Ref> add_stream(const Dict& dict, std::string_view bytes, Compress compress);
  // An indirect stream over bytes a cache keeps, already encoded as
  // `compress` says (None, Deflated or Dct): held, not copied, until save().
  std::optional<Ref> add_stream(const Dict& dict, std::shared_ptr<const std::string> bytes,
                                Compress compress);
  // Adds entries to an object made by add_object with a Dict.
  bool extend(Ref object, const Dict& entries);
  // The same bytes as extend(), but the entries are kept as Values until
  // save() writes the object, made into libharu's objects then and freed
  // after: for the many small objects of a long document (structure
  // elements), which cost several times more as libharu objects. Once per
  // object.
  bool extend_when_written(Ref object, Dict entries);

  // Appends a page; returns its 0-based index. `entries` (boxes, labels...)
  // go into the page dictionary, replacing libharu's defaults.
  std::optional<int> add_page(const Dict& entries);
  std::optional<Ref> page_ref(int page);
  // Pages added so far (the index the next page gets).
  int page_count() const;
  // Appends operators to the page's (compressed) content stream.
  bool append_content(int page, const std::string& ops);
  // Deflates what the page's content stream has (else done at save()):
  // nothing more may be appended after it.
  bool finish_content(int page);
  // Operators painted before the page's content, as a stream of their own
  // (the page's /Contents becomes an array). Finishes the page's content.
  bool prepend_content(int page, const std::string& ops);
  // The page's resource name for a font, XObject, colour space or ExtGState
  // object ("Font", "XObject", "ColorSpace", "ExtGState"). Stable per page.
  std::optional<std::string> resource(int page, const std::string& category, Ref object);
  // Puts `object` into the page's resources under a fixed key (/DefaultRGB).
  bool set_resource(int page, const std::string& category, const std::string& key, Ref object);
  // Adds to a page's /Annots array.
  bool add_annotation(int page, Ref annotation);

  bool set_catalog(const std::string& key, const Value& value);
  bool set_trailer(const std::string& key, const Value& value);
  // Replaces the document information dictionary's entries (libharu's
  // default /Producer included).
  bool set_info(const Dict& entries);
  // The header version, e.g. 6 for %PDF-1.6 (libharu would write 1.3).
  bool set_version(int minor);

  std::optional<std::string> save();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley::pdf::hpdf
