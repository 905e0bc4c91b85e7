// The only module that touches libharu internals (HPDF_Dict_*, streams,
// xref, the page content stream). Everything else describes objects as
// pdf::Value and page content as operator text. The map of its workarounds
// and why each is needed heads hpdf_objects.cpp.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value.h"

namespace galley::pdf::hpdf {

// Flate: the bytes are deflated here; FlateFast: likewise at the fastest
// level, for data that barely compresses (ICC lookup tables); Deflated:
// they already are a zlib stream (a PNG's IDAT data), written as they are
// with /FlateDecode; Dct: they are a JPEG, kept as is.
enum class Compress { None, Flate, FlateFast, Deflated, Dct };

// `bytes` deflated exactly as add_stream() deflates them for `compress`
// (Flate or FlateFast): written later with Compress::Deflated, they give the
// same PDF bytes, so deflated streams can be kept and reused.
std::optional<std::string> deflate(std::string_view bytes, Compress compress);

// An object's bytes as Writer::save() writes them, made once by serialise()
// and spliced into any number of documents by Writer::add() and put(): the
// objects that do not change between the documents of a batch or a
// server's requests (fonts, images, profiles) are made into libharu objects
// and written once, not once per document. Its references are holes, filled
// with each document's objects: the same bytes as writing it there.
struct Serialized {
  // The stream's own /Length, an object of its own (the stream's next).
  static constexpr int kOwnLength = -1;
  std::vector<std::string> parts;  // the text around the holes: one more than holes
  std::vector<int> holes;          // after parts[i]: the reference given at that place, or kOwnLength
  bool stream = false;             // the stream's bytes go between parts and tail
  std::string tail;                // after a stream's bytes: "\nendstream"
  size_t bytes() const;
};

// `value` as add_object() writes it, each Ref{k} in it a hole for the k-th
// reference given to Writer::add(). Null when libharu refuses it.
std::shared_ptr<const Serialized> serialise(const Value& value);
// A stream as add_stream() over kept bytes writes it (`compress` None,
// Deflated or Dct), its dictionary's Ref{k} holes as above; its bytes are
// given to Writer::add().
std::shared_ptr<const Serialized> serialise(const Dict& dict, Compress compress);

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
  // An object written as `object`, its holes filled with `refs` (objects
  // of this writer); a stream's `bytes` (held, not copied, until save())
  // come after its dictionary, and it takes two numbers, as add_stream()'s do.
  std::optional<Ref> add(std::shared_ptr<const Serialized> object, std::vector<Ref> refs,
                         std::shared_ptr<const std::string> bytes = nullptr);
  // An object whose bytes are given later by put() (an empty dictionary
  // until then), so pages can refer to it before it is known.
  std::optional<Ref> reserve();
  // Likewise a stream, numbered as add() numbers one (its /Length next):
  // an image a page draws while its file is still being checked.
  std::optional<Ref> reserve_stream();
  // Gives a reserved object its bytes, once: a stream and its `bytes`
  // (held, not copied, until save()) for reserve_stream()'s, else not a
  // stream.
  bool put(Ref reserved, std::shared_ptr<const Serialized> object, std::vector<Ref> refs,
           std::shared_ptr<const std::string> bytes = nullptr);
  // Adds entries to an object made by add_object with a Dict.
  bool extend(Ref object, const Dict& entries);
  // The same bytes as extend(), but the entries are written into bytes now
  // and kept so until save() writes the object (never made into libharu
  // objects): for the many small objects of a long document (structure
  // elements), which cost several times more as libharu objects or Values.
  // Once per object, after which it takes no other entries; a key the
  // dictionary already has fails. References in `entries` are to objects
  // made already.
  bool extend_when_written(Ref object, Dict entries);

  // Objects written into the output at once, ahead of save() (as send()
  // writes pages' content), and never held: `count` consecutive numbers and
  // Refs (the first returned) with no libharu object, each given its bytes
  // once by begin_ahead() ... end_ahead() before save() (libharu W18). For
  // the many small objects of a long document (structure elements), which
  // cost a libharu dictionary and an xref entry of libharu's each until
  // save(). A Ref to one may stand in any object's entries.
  std::optional<Ref> reserve_ahead(size_t count = 1);
  // Starts writing a reserved object: a dictionary, its entries given by
  // ahead_entries() and ahead_text() in order, ended by end_ahead(). One at
  // a time.
  bool begin_ahead(Ref object);
  // Entries as extend() would write them.
  bool ahead_entries(const Dict& entries);
  // One entry as ahead_entries() writes it, without a Dict made for it:
  // the keys of one object are the caller's to keep apart.
  bool ahead_entry(std::string_view key, const Value& value);
  // Bytes as they are, within the dictionary: for an entry too long to be
  // made a Value first (the parent tree's thousands of references), its
  // references written by reference().
  bool ahead_text(std::string_view text);
  bool end_ahead();
  // Appends "12 0 R", how an object is referred to, to `out`; false for
  // no object of this writer.
  bool reference(Ref object, std::string& out) const;

  // Appends a page; returns its 0-based index. `entries` (boxes, labels...)
  // go into the page dictionary, replacing libharu's defaults.
  std::optional<int> add_page(const Dict& entries);
  std::optional<Ref> page_ref(int page);
  // Pages added so far (the index the next page gets).
  int page_count() const;
  // Appends operators to the page's (compressed) content stream.
  bool append_content(int page, const std::string& ops);
  // The same, taking the string's buffer when the page has no content yet.
  bool append_content(int page, std::string&& ops);
  // Deflates what the page's content stream has (else done at save()):
  // nothing more may be appended after it.
  bool finish_content(int page);
  // Finishes the page's content and hands its operators over, to be
  // deflated elsewhere (deflate_content(), on another thread) and given
  // back with give_content() before anything else reads the page.
  std::optional<std::string> take_content(int page);
  // The bytes deflate_content() made of take_content()'s operators
  // (nullopt: deflating failed).
  bool give_content(int page, std::optional<std::string> deflated);
  // A page's operators deflated as finish_content() does, into `out`
  // (grown when too small, else reused: no allocation on a thread that
  // shares malloc's one arena with the others); the length written, 0 when
  // deflating failed. Any thread.
  static size_t deflate_content(std::string_view ops, std::string& out);
  // A finished page's content stream as it will be written (deflated);
  // empty before, or when it has none. Valid until send() or save().
  std::string_view content(int page) const;
  // Writes the page's content stream into the PDF now, ahead of save(),
  // and frees it (finishing it first): it is not held for save(), which
  // writes the rest of the document after it. Its object keeps its number;
  // the page's object is written by save(). Pages sent come first in the
  // file, in the order sent.
  bool send(int page);
  // Where send() writes (else the bytes wait for save()): the output
  // save(to) will be given, before any page is added. It is handed the
  // bytes 64 KB at a time.
  bool write_ahead_into(std::function<bool(std::string_view)> to);
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
  // The same bytes handed to `to` in pieces, in order, as they are written
  // (the PDF is never held whole). False on any error; output_refused()
  // then says whether it was `to` that failed.
  bool save(const std::function<bool(std::string_view)>& to);
  bool output_refused() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend std::shared_ptr<const Serialized> serialise(const Value&);
  friend std::shared_ptr<const Serialized> serialise(const Dict&, Compress);
};

}  // namespace galley::pdf::hpdf
