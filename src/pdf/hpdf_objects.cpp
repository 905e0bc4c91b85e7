// The libharu adapter: the one file that includes libharu, and the only
// code that reaches into its private structs. libharu is required (it
// writes the xref, object numbering and file structure), but its public API
// cannot write every object galley needs, so this file works around it in
// the places below. Each workaround is marked `// libharu Wn` where it is
// done, and tests/pdf/hpdf_objects_test.cpp has a "libharu Wn" test for it.
//
// W1 Names. libharu escapes delimiters in names but not bytes below '!',
//    above '~' or '#', so "PANTONE 151 C" would be three tokens. Such names
//    go in as same-length placeholders ("GyN0QQQ...") and are replaced by
//    their #xx-escaped form in the saved bytes, so no offset moves.
// W2 Stream data. A stream dictionary's private `stream` (a memory stream
//    filled 4 KB at a time and copied byte by byte at save) is swapped for a
//    callback reader over our own bytes, which libharu reads once at save.
//    Bytes kept by a cache (images, font subsets, profiles) are read where
//    they are, not copied. Once read to the end, a source lets go of its
//    bytes (the cache keeps its own), so they are not held twice at save.
// W3 Stream filters. libharu writes /Filter only for streams it deflates
//    itself; ours are deflated here (or come deflated, or are JPEG), so the
//    private `write_fn` hook writes /Filter /FlateDecode, and the private
//    `filter` field is set to DCT for JPEG.
// W4 Page content. Each page's operators are collected here, deflated once
//    and become the page's private content stream (`HPDF_PageAttr`), a W2
//    reader, with the W3 hook for its /Filter, instead of libharu's page
//    operators.
// W5 Objects. Arbitrary dictionaries, arrays and streams are made with
//    libharu's object layer (hpdf_objects.h) on the document's private
//    `mmgr` and `xref`; the catalog, trailer and info dictionaries are
//    reached through the document's private fields.
// W6 Info. libharu always adds /Producer to /Info; set_info() removes it
//    (PDF/X and reproducible output want the info dictionary as given).
// W7 Version. libharu writes the header version of the features it used
//    (%PDF-1.3 here); set_version() patches the document's `pdf_version`.
// W8 Saving. libharu saves into the document's private `stream`, a memory
//    stream that copies every byte it is given one at a time (HPDF_MemCpy)
//    and would be read back the same way; a callback writer put there
//    before HPDF_SaveToStream appends straight to our string instead, or
//    hands the bytes on 64 KB at a time (save(to): the file is written as
//    it is made), holding back the last few that a W1 placeholder or a W16
//    splice may still need.
// W9 Resource names. A new resource's key counts the group's entries (its
//    private `list`), so keys are F1, F2... in first-use order per page.
// W10 Strings. HPDF_String_New takes a C string (it stops at a NUL), so
//    strings with other than printable ASCII are written as binary (hex)
//    strings. Either kind over HPDF_LIMIT_MAX_STRING_LEN (65535 bytes) is an
//    error: galley's strings (metadata, alt text, names) stay far below.
// W11 Errors. libharu reports through a callback and stays in error until
//    reset: the first error of a call is recorded with its code, the state
//    reset, and every later call fails (never aborts). Object constructors
//    record theirs in the document without calling back (a name over 127
//    bytes comes out empty, a real over 32,767 as 0): check() reads the
//    document's error too, and convert() refuses such names itself. A hook's
//    failure at save (W12) fails the save, not only the object.
// W12 Entries written at once. libharu gives every dictionary key and
//    every name a 128-byte buffer, so a tagged report's 25,000 structure
//    elements cost 68 MB as libharu objects, and even as our Values they
//    held 18 MB until save(). extend_when_written() writes the entries
//    into bytes when it is called, in the forms HPDF_Obj_Write gives each
//    kind of object, names, numbers and strings as libharu's stream
//    writers write them (its own HPDF_IToA and HPDF_FToA for numbers), so
//    the bytes are extend()'s; the dictionary's private `write_fn` hook,
//    which libharu calls after the dictionary's own entries and before its
//    `>>`, puts them into the output and frees them. No libharu object is
//    made for them at all: in a warm handout request, making and freeing
//    them was a tenth of the PDF's writing. A dictionary set into the
//    catalog is such an empty dictionary with its entries as bytes too:
//    a 1,000-page report's named destinations (/Names) were 11,000 libharu
//    objects, 30 M instructions to make and 50 M for libharu to write.
// W13 Long arrays. HPDF_Array_Add refuses an item past
//    HPDF_LIMIT_MAX_ARRAY (32,767), which a tagged document's structure
//    element (/K), the parent tree (/Nums, two per page and per link),
//    the IDTree (two per footnote), a page's /Annots or a font's /W pass.
//    PDF sets no such limit. Items past it are added to an empty scratch
//    array (which proxies or marks them as HPDF_Array_Add does) and moved
//    onto the array's private `list`, which has none; HPDF_Array_Write
//    writes every item on it. The list then grows by its own length, not
//    20 items at a time.
// W14 Large reals. libharu's reals stop at ±32,767 (HPDF_LIMIT_MAX_REAL),
//    which a copied vector graphic's coordinates can pass; such a number is
//    written as the nearest integer (a float has no finer steps there than
//    1/256 anyway). A number beyond 32-bit integers, real or integer, is an
//    error.
// W15 Content layers. A page's operators are deflated when the page is
//    finished (finish_content), so a long document's content is not held
//    raw; a layer known only later (master text with {{pages}}) becomes a
//    stream of its own put first in the page's /Contents, an array then,
//    so it is painted under what the page already has.
// W16 Spliced objects. An object that is the same in many documents (a
//    font's dictionaries and program, an image, a profile) is made into
//    libharu objects once and written into a string by libharu
//    (serialise(), through a callback writer that cuts out the references
//    as holes). A document holds an empty dictionary in its place, whose
//    private `before_write_fn` hook takes back the "<<" libharu has just
//    written and puts the kept bytes, references filled, into the output
//    instead; what libharu writes of the dictionary after that is dropped
//    until its `after_write_fn` hook, which sets the output stream's private
//    `size` (libharu's xref offsets) to what was really written. A stream
//    is followed by its /Length number, as libharu's own streams are.
// W17 Pages as records. HPDF_AddPage's page holds its content stream, the
//    stream's /Length, /Resources, /ProcSet and a graphics state as libharu
//    objects (a few KB a page, kept until save()). Each page is stripped
//    as it is added: its object stays in the page tree, without entries,
//    and its private `write_fn` hook writes them (the same bytes libharu
//    wrote) from small records: the given entries as bytes, resource keys,
//    layers and annotations. The content stream and /Length objects become
//    empty placeholders. send() writes a finished page's content into the
//    output at once (the header first), ahead of save(): the placeholders'
//    `before_write_fn` hooks take back what libharu's loop has written of
//    them ("12 0 obj" and "<<"), what follows is dropped, "endobj"
//    included, and `after_write_fn` sets their xref entries to where they
//    were written ahead; libharu's header is dropped again. A page not
//    sent has its content written in the placeholder's place, as a splice
//    (W16).
// W18 Objects written ahead. A tagged report's structure elements were an
//    empty libharu dictionary and xref entry each until save() (a few
//    hundred bytes an element, 100,000 elements in a long report), their
//    entries bytes waiting beside them (W12). reserve_ahead() gives numbers
//    with no libharu object: it appends xref entries of its own to the
//    xref's private list (HPDF_Xref_Add would number a libharu object),
//    each pointing at one shared empty dictionary, and begin_ahead() ...
//    end_ahead() write the object into the output at once, as send() writes
//    pages' content. At save(), libharu's loop writes "N 0 obj" and the
//    shared dictionary's "<<" for each: its `before_write_fn` takes both
//    back (reading N from them) and the rest is dropped up to "endobj", and
//    `after_write_fn` sets the entry's offset to where the object was
//    written ahead. Such an object is named in libharu's dictionaries (the
//    catalog's /StructTreeRoot) by a stand-in libharu object that carries
//    its number and is in no xref. The entries are taken off the xref's
//    list again before libharu frees it.
// W19 Lists grow by their length. A libharu list (an array's items, the
//    xref's entries) grows by a fixed step, 20 items for an array and 1,024
//    for the xref, copying itself byte by byte (HPDF_MemCpy) each time: the
//    named destinations' array of a 1,000-page report (11,000 items) cost
//    155 M instructions, the structure elements' xref entries 29 M, all at
//    the PDF's end. Before an item is added the step is raised to the
//    list's length (or the number of items about to come), so a list is
//    copied a few times, not thousands. The bytes written are the same.
#include "detail/hpdf_objects.h"

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_gstate.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_utils.h>

#include <libdeflate.h>
#include <utility>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <string_view>
#include <vector>

namespace galley::pdf::hpdf {
namespace {

struct ErrorState {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

// libharu W11
void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->code == HPDF_OK) {
    state->code = code;
    state->detail = detail;
  }
}

// libharu W1: libharu escapes most delimiters in names but not spaces or
// other bytes below '!', so "PANTONE 151 C" would come out as three tokens.
// libharu W19: room for `more` items without a copy per step.
void make_room(HPDF_List list, size_t more) {
  const size_t step = std::max<size_t>({list->items_per_block, list->count, more});
  list->items_per_block = static_cast<HPDF_UINT>(std::min<size_t>(step, HPDF_LIMIT_MAX_XREF_ELEMENT));
}

bool name_needs_escape(unsigned char c) { return c <= 0x20 || c >= 0x7F || c == '#'; }

std::string escape_name(const std::string& name) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    const bool delimiter = std::string_view("()<>[]{}/%").find(static_cast<char>(c)) != std::string_view::npos;
    if (name_needs_escape(c) || delimiter) {
      out.push_back('#');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// libharu W3: libharu only writes /Filter for streams it deflates itself
// (4 KB at a time, through several byte-by-byte copies), so streams that
// are deflated here, or come deflated, keep filter NONE and get their
// /Filter from the dictionary's write hook, which runs just before the
// closing >>.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

// libdeflate levels (libdeflate compresses a whole buffer at once, which
// is all a PDF stream needs, in about half zlib's time at the same ratio).
// Kept streams (fonts, images, CMaps: deflated once per template or batch)
// take 6: as small as zlib's 6, still faster than zlib's 4. ICC profiles,
// whose lookup tables barely compress, take 2: as small as zlib's 1 in 60 %
// of its time. Page content, deflated for every document, takes 1: the
// handout's page 3,028 bytes (zlib's 3 gave 2,998) in 60 % of zlib's
// instructions; libdeflate's 2 is 4 % smaller and takes as long as zlib.
constexpr int kFlateLevel = 6;
constexpr int kFlateFastLevel = 2;
constexpr int kContentLevel = 1;

// A compressor holds its match finder's tables (up to a few hundred KB):
// the idle ones of a level are kept, shared by all threads, as many as ever
// deflated at once (the builds), not one per thread, which a server's
// connection threads would each keep.
class Deflaters {
 public:
  explicit Deflaters(int level) : level_(level) {}
  ~Deflaters() {
    for (libdeflate_compressor* c : idle_) libdeflate_free_compressor(c);
  }
  Deflaters(const Deflaters&) = delete;
  Deflaters& operator=(const Deflaters&) = delete;

  std::optional<std::string> run(std::string_view bytes) {
    std::string out;
    const size_t n = run_into(bytes, out);
    if (n == 0) return std::nullopt;
    out.resize(n);
    // The bound is about the input's size: kept at that capacity, a long
    // document's deflated pages would hold their raw size.
    out.shrink_to_fit();
    return out;
  }

  // Deflates into `out`, grown to the bound when smaller and otherwise
  // reused as it is; the length written, 0 when it failed.
  size_t run_into(std::string_view bytes, std::string& out) {
    libdeflate_compressor* c = nullptr;
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        c = idle_.back();
        idle_.pop_back();
      }
    }
    if (!c) c = libdeflate_alloc_compressor(level_);
    if (!c) return 0;  // out of memory
    const size_t bound = libdeflate_zlib_compress_bound(c, bytes.size());
    if (out.size() < bound) out.resize(bound);
    const size_t n = libdeflate_zlib_compress(c, bytes.data(), bytes.size(), out.data(), out.size());
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(c);
    }
    return n;  // never 0 within the bound
  }

 private:
  int level_;
  std::mutex mutex_;
  std::vector<libdeflate_compressor*> idle_;
};

Deflaters& deflaters(int level) {
  static Deflaters normal(kFlateLevel), fast(kFlateFastLevel), content(kContentLevel);
  return level == kFlateLevel ? normal : level == kContentLevel ? content : fast;
}

std::optional<std::string> deflate_bytes(std::string_view bytes, int level) { return deflaters(level).run(bytes); }

// libharu W2: the bytes of a stream object, read by libharu straight from
// here when it saves. A memory stream would copy them twice more (in, then
// out), a byte at a time.
// `kept` holds the bytes when a cache owns them, `owned` otherwise.
struct StreamSource {
  std::string owned;
  std::shared_ptr<const std::string> kept;
  std::string_view bytes;
  size_t pos = 0;
};

HPDF_STATUS read_source(HPDF_Stream stream, HPDF_BYTE* ptr, HPDF_UINT* size) {
  auto* source = static_cast<StreamSource*>(stream->attr);
  const size_t n = std::min<size_t>(*size, source->bytes.size() - source->pos);
  std::memcpy(ptr, source->bytes.data() + source->pos, n);
  source->pos += n;
  const bool short_read = n < *size;
  *size = static_cast<HPDF_UINT>(n);
  if (short_read) {
    // Read to its end, once, by save(): its bytes are in the PDF now, so a
    // long document's deflated pages are not held beside the whole file.
    std::string().swap(source->owned);
    source->kept.reset();
    source->bytes = {};
    source->pos = 0;
  }
  return short_read ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_source(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  auto* source = static_cast<StreamSource*>(stream->attr);
  const long long base = mode == HPDF_SEEK_CUR   ? static_cast<long long>(source->pos)
                         : mode == HPDF_SEEK_END ? static_cast<long long>(source->bytes.size())
                                                 : 0;
  const long long to = base + pos;
  if (to < 0 || to > static_cast<long long>(source->bytes.size()))
    return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  source->pos = static_cast<size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 tell_source(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<StreamSource*>(stream->attr)->pos);
}

HPDF_UINT32 size_source(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(static_cast<StreamSource*>(stream->attr)->bytes.size());
}

// libharu W8. While `dropping`, a spliced object's own bytes are in `out`
// and libharu's for its placeholder are not wanted (W16). With a `to`, the
// bytes are passed on whenever `out` holds kPassAt of them, all but the
// last few: a name placeholder whose next byte is not written yet (W1),
// the "<<" a splice takes back (W16). save() runs at the end of a build,
// when every image, font program and profile is still held: at 1 MiB a
// brochure's whole file (480 KB, in a string doubling as it grew) was
// held beside them, at the process's peak; in 64 KB pieces it is not, for
// a few more writes.
struct SaveSink {
  static constexpr size_t kPassAt = size_t{64} << 10;
  std::string out;    // the bytes not passed on yet
  size_t passed = 0;  // bytes passed on before them
  const std::function<bool(std::string_view)>* to = nullptr;
  const std::vector<std::pair<std::string, std::string>>* names = nullptr;
  std::vector<int> found;  // by name: how often its placeholder was replaced
  bool dropping = false;
  // libharu W17: a page's content written ahead; its place in libharu's
  // object loop is dropped, "endobj" included (the hook cannot see that).
  bool skip_endobj = false;
  // libharu W17: the header libharu writes again after pages were written
  // ahead with theirs: dropped, and checked to be the same.
  std::string header, header_seen;
  const char* broken = nullptr;  // why the bytes were refused (W17); libharu does not say
  bool refused = false;  // `to` failed
  size_t written() const { return passed + out.size(); }
  // Replaces the placeholders in `out` (W1) and passes on what precedes
  // the held-back bytes, or everything when `all`.
  bool pass_on(bool all);
};

HPDF_STATUS append_saved(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
  auto* sink = static_cast<SaveSink*>(stream->attr);
  const std::string_view text(reinterpret_cast<const char*>(ptr), size);
  if (sink->header_seen.size() < sink->header.size()) {  // libharu W17
    sink->header_seen.append(text);
    if (sink->header.compare(0, sink->header_seen.size(), sink->header_seen) != 0) {
      sink->broken = "the header changed after pages were written";
      return HPDF_INVALID_OBJECT;
    }
    // HPDF_Stream_Write adds `size` once this returns: the offsets count
    // the bytes written ahead.
    if (sink->header_seen.size() == sink->header.size()) stream->size = static_cast<HPDF_UINT32>(sink->written() - size);
    return HPDF_OK;
  }
  if (sink->skip_endobj) {
    if (text != "\012endobj\012") {
      sink->broken = "a page's content object did not end as expected";
      return HPDF_INVALID_OBJECT;
    }
    sink->skip_endobj = sink->dropping = false;
    stream->size = static_cast<HPDF_UINT32>(sink->written() - size);
    return HPDF_OK;
  }
  if (sink->dropping) return HPDF_OK;
  sink->out.append(reinterpret_cast<const char*>(ptr), size);
  if (sink->to && sink->out.size() >= SaveSink::kPassAt && !sink->pass_on(false)) return HPDF_FILE_IO_ERROR;
  return HPDF_OK;
}

// libharu W12: entries written into a string as libharu's stream writers
// would write them into the PDF, without a stream: a name as
// HPDF_Stream_WriteEscapeName does (#XX for what HPDF_NEEDS_ESCAPE says,
// not for a space: W1), a printable string as HPDF_Stream_WriteEscapeText
// (an octal escape for the same bytes), any other as HPDF_Stream_WriteBinary
// (upper-case hex); numbers through libharu's own HPDF_IToA and HPDF_FToA.
constexpr char kHexDigits[] = "0123456789ABCDEF";

// HPDF_NEEDS_ESCAPE as a table: it compares a byte fourteen times.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[static_cast<size_t>(c)] = HPDF_NEEDS_ESCAPE(c);
  return table;
}();

// The bytes before the first that libharu escapes.
size_t plain_prefix(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && !kEscaped[static_cast<unsigned char>(text[n])]) ++n;
  return n;
}

void put_name(std::string& out, std::string_view name) {
  out.push_back('/');
  const size_t plain = plain_prefix(name);
  out.append(name.data(), plain);
  for (unsigned char c : name.substr(plain)) {
    if (kEscaped[c]) {
      const char escaped[3] = {'#', kHexDigits[c >> 4], kHexDigits[c & 15]};
      out.append(escaped, 3);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

void put_text(std::string& out, std::string_view text) {
  out.push_back('(');
  const size_t plain = plain_prefix(text);
  out.append(text.data(), plain);
  for (unsigned char c : text.substr(plain)) {
    if (kEscaped[c]) {
      const char escaped[4] = {'\\', static_cast<char>('0' + (c >> 6)), static_cast<char>('0' + ((c >> 3) & 7)),
                               static_cast<char>('0' + (c & 7))};
      out.append(escaped, 4);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(')');
}

void put_hex(std::string& out, std::string_view bytes) {
  out.push_back('<');
  for (unsigned char c : bytes) {
    const char digits[2] = {kHexDigits[c >> 4], kHexDigits[c & 15]};
    out.append(digits, 2);
  }
  out.push_back('>');
}

void put_int(std::string& out, HPDF_INT32 value) {
  char buf[HPDF_INT_LEN + 1];
  const char* end = HPDF_IToA(buf, value, buf + HPDF_INT_LEN);
  out.append(buf, static_cast<size_t>(end - buf));
}

void put_real(std::string& out, HPDF_REAL value) {
  char buf[HPDF_REAL_LEN + 1];
  const char* end = HPDF_FToA(buf, value, buf + HPDF_REAL_LEN);
  out.append(buf, static_cast<size_t>(end - buf));
}

// libharu W16: what serialise() captures. libharu writes a reference in one
// call ("12 0 R"), a stream's start in another; neither text is ever one
// whole call of anything else (numbers, names and strings are written
// without " R", and strings with their delimiters).
struct Capture {
  Serialized* object = nullptr;
  std::vector<std::pair<std::string, int>> refs;  // "12 0 R" -> hole
  bool in_tail = false;
};

constexpr std::string_view kStreamStart = "\012stream\015\012";

HPDF_STATUS capture_written(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
  auto* c = static_cast<Capture*>(stream->attr);
  const std::string_view text(reinterpret_cast<const char*>(ptr), size);
  if (c->in_tail) {
    c->object->tail.append(text);
    return HPDF_OK;
  }
  for (const auto& [ref, hole] : c->refs) {
    if (text != ref) continue;
    c->object->holes.push_back(hole);
    c->object->parts.emplace_back();
    return HPDF_OK;
  }
  c->object->parts.back().append(text);
  if (text == kStreamStart) c->in_tail = true;
  return HPDF_OK;
}

std::string reference_text(void* obj) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(obj);
  return std::to_string(header->obj_id & 0x00FFFFFF) + ' ' + std::to_string(header->gen_no) + " R";
}

// What libharu's object loop writes before an object.
std::string object_start(const void* obj) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(obj);
  return std::to_string(header->obj_id & 0x00FFFFFF) + ' ' + std::to_string(header->gen_no) + " obj\012";
}

// libharu W9: a page's resource key, F1, X2, CS3..., by its category.
std::string resource_key(const std::string& category, unsigned number) {
  const char* prefix = category == "Font" ? "F" : category == "XObject" ? "X" : category == "ColorSpace" ? "CS" : "R";
  return prefix + std::to_string(number);
}

// The largest Ref{k} in `value`, -1 when none.
int highest_ref(const Value& value) {
  if (const auto* r = std::get_if<Ref>(&value.v)) return r->id;
  int top = -1;
  if (const auto* a = std::get_if<Array>(&value.v))
    for (const Value& item : a->items) top = std::max(top, highest_ref(item));
  if (const auto* d = std::get_if<Dict>(&value.v))
    for (const auto& [key, item] : d->entries) top = std::max(top, highest_ref(item));
  return top;
}

// libharu W1, in the saved bytes: each placeholder by its escaped name,
// where it starts before `limit` (the bytes after a token up to `limit`
// are known). Counts into `found`, by name.
void replace_names(std::string& out, size_t limit, const std::vector<std::pair<std::string, std::string>>& names,
                   std::vector<int>& found) {
  found.resize(names.size());
  for (size_t k = 0; k < names.size(); ++k) {
    const auto& [placeholder, escaped] = names[k];
    const std::string token = "/" + placeholder;
    for (size_t at = out.find(token); at != std::string::npos && at < limit; at = out.find(token, at + 1)) {
      const char next = at + token.size() < out.size() ? out[at + token.size()] : ' ';
      if (std::string_view(" \r\n\t/[]<>()").find(next) == std::string_view::npos) continue;
      out.replace(at + 1, placeholder.size(), escaped);
      ++found[k];
    }
  }
}

bool SaveSink::pass_on(bool all) {
  // A placeholder token and the byte after it; the "<<\n" a splice takes
  // back, or the "12 0 obj\n<<\n" of a page's content written ahead (W17).
  size_t held = 32;
  for (const auto& name : *names) held = std::max(held, name.first.size() + 2);
  if (!all && out.size() <= held) return true;
  const size_t limit = all ? out.size() : out.size() - held;
  replace_names(out, limit, *names, found);
  if (!to) return true;
  if (!(*to)(std::string_view(out).substr(0, limit))) {
    refused = true;
    return false;
  }
  passed += limit;
  out.erase(0, limit);
  return true;
}

bool printable_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

}  // namespace

struct Writer::Impl {
  ErrorState state;
  HPDF_Doc doc = nullptr;
  std::vector<void*> objects;  // by Ref id
  // libharu W17: a page is held as these records, not libharu objects, and
  // its object and content stream are written from them by hooks.
  struct Resource {
    void* obj = nullptr;
    uint16_t number = 0;   // the key's: F1, F2... (W9)
    uint8_t category = 0;  // in `categories`
    uint8_t fixed = 0;     // 1 + the key's index in `fixed_keys`, or 0
  };
  struct Page {
    Impl* impl = nullptr;
    HPDF_Dict dict = nullptr;     // the page object (no entries of its own)
    HPDF_Dict content = nullptr;  // its content stream's object, and that
    HPDF_Dict length = nullptr;   // stream's /Length's: empty placeholders
    void* parent = nullptr;       // the page tree node
    std::string entries;          // add_page's, as written: /MediaBox first
    size_t media_end = 0;         // where /MediaBox's ends in `entries`
    std::string ops;              // appended, until finished
    std::string deflated;         // finished: the content stream's bytes until written
    bool finished = false, drawn = false;  // drawn: it has content
    bool taken = false;           // its operators are being deflated elsewhere
    bool ahead = false;           // its content is written ahead (send())
    uint32_t content_at = 0, length_at = 0;  // ahead: the two objects' offsets
    uint32_t length_value = 0;    // at save(): the content's length, once written
    std::vector<void*> layers;    // streams prepended to its content, first first
    std::vector<Resource> resources;
    std::vector<void*> annots;
  };
  std::deque<Page> pages;  // a deque: hooks point at them
  std::vector<std::string> categories, fixed_keys;
  static HPDF_STATUS write_page(HPDF_Dict dict, HPDF_Stream out);
  static HPDF_STATUS begin_content(HPDF_Dict dict);
  static HPDF_STATUS begin_length(HPDF_Dict dict);
  static HPDF_STATUS end_content(HPDF_Dict dict);
  static HPDF_STATUS end_length(HPDF_Dict dict);
  HPDF_STATUS begin_page_object(HPDF_Dict dict, const std::string& bytes, bool ahead);
  HPDF_STATUS end_page_object(HPDF_Dict dict, bool ahead, uint32_t at);
  std::string content_object(const Page& page) const;
  bool strip(Page& page);
  // An object's xref entry (HPDF_Xref_GetEntryByObjectId refuses every
  // object of a one-section xref: its bounds test is inverted).
  HPDF_XrefEntry xref_entry(const HPDF_Obj_Header* header) const { return xref_entry(header->obj_id & 0x00FFFFFF); }
  HPDF_XrefEntry xref_entry(HPDF_UINT id) const {
    HPDF_Xref x = doc->xref;
    if (id < x->start_offset || id - x->start_offset >= x->entries->count) return nullptr;
    return static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(x->entries, id - x->start_offset));
  }
  bool entry_bytes(const Dict& entries, std::string& out, HPDF_Dict own = nullptr);
  // Bytes written ahead of save() (send()): the header and pages' content.
  std::string ahead;            // not passed on yet
  size_t ahead_passed = 0;      // passed on to ahead_to before them
  std::string ahead_header;     // the header written with them
  std::function<bool(std::string_view)> ahead_to;
  bool pass_ahead(bool all);
  // Stream bytes that libharu reads at save(); a deque, so they never move.
  std::deque<StreamSource> sources;
  std::string error;
  // Names libharu cannot escape are written as same-length placeholders
  // and replaced in the saved bytes, so no offset moves.
  std::vector<std::pair<std::string, std::string>> names;  // placeholder, escaped
  const char* name_for(const std::string& value);
  // libharu W12: entries waiting for their dictionary to be written (the
  // dictionary's `attr` points at its own); a deque, so they never move.
  struct Waiting {
    Impl* impl = nullptr;
    std::string bytes;  // the entries, as written
  };
  std::deque<Waiting> waiting;
  static HPDF_STATUS write_waiting(HPDF_Dict dict, HPDF_Stream out);
  HPDF_STATUS write_entries(std::string& out, const Dict& entries, HPDF_Dict own);
  HPDF_STATUS write_value(std::string& out, const Value& value);
  // libharu W16: the placeholders of spliced objects (the dictionary's
  // `attr` points at its own); a deque, so they never move.
  struct Spliced {
    Impl* impl = nullptr;
    std::shared_ptr<const Serialized> object;
    std::vector<Ref> refs;
    std::shared_ptr<const std::string> data;  // a stream's bytes
    void* length = nullptr;                   // and its /Length number
  };
  std::deque<Spliced> spliced;
  // reserve_stream()'s placeholders not yet put(), each with its /Length.
  std::vector<std::pair<HPDF_Dict, HPDF_Number>> stream_lengths;
  SaveSink* sink = nullptr;        // while save() runs
  bool refused = false;            // save()'s output refused the bytes
  bool save_into(SaveSink& sink);
  HPDF_Stream saving = nullptr;    // likewise
  static HPDF_STATUS splice(HPDF_Dict dict);
  static HPDF_STATUS end_splice(HPDF_Dict dict);
  bool place(HPDF_Dict placeholder, Spliced spliced);
  std::shared_ptr<const Serialized> capture(void* obj, int slots);
  // libharu W13: an empty array that items past libharu's limit pass through.
  HPDF_Array scratch = nullptr;
  // libharu W18: the xref entries of objects written ahead; a deque, so
  // they never move (the xref's list points at them).
  struct Reserved {
    HPDF_XrefEntry_Rec entry;  // first: a pointer to it is one to the Reserved
    uint32_t at = 0;           // where the object was written; 0 until it is
  };
  std::deque<Reserved> reserved;
  HPDF_Dict reserved_object = nullptr;  // what their entries point at, shared
  std::vector<void*> stand_ins;         // libharu objects naming one in libharu's dictionaries
  Reserved* writing_ahead = nullptr;    // begin_ahead()'s, until end_ahead()
  std::vector<int> ahead_found;         // W1 placeholders replaced in bytes written ahead
  static HPDF_STATUS begin_reserved(HPDF_Dict dict);
  static HPDF_STATUS end_reserved(HPDF_Dict dict);
  void start_ahead();
  // A Ref's `objects` entry for a reserved object: its number, tagged (an
  // object's address is even).
  static void* tag(HPDF_UINT number) { return reinterpret_cast<void*>((static_cast<uintptr_t>(number) << 1) | 1u); }
  static bool tagged(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 1u) != 0; }
  static HPDF_UINT number_of(const void* p) { return static_cast<HPDF_UINT>(reinterpret_cast<uintptr_t>(p) >> 1); }
  // "12 0 R" for any object of this writer; empty for none.
  std::string ref_text(Ref r) const {
    std::string text;
    put_ref(text, r);
    return text;
  }
  // ref_text(r) appended to `out`; false (and nothing appended) for none.
  bool put_ref(std::string& out, Ref r) const {
    if (r.id < 0 || static_cast<size_t>(r.id) >= objects.size()) return false;
    const void* p = objects[static_cast<size_t>(r.id)];
    const auto* header = static_cast<const HPDF_Obj_Header*>(p);
    const uint32_t number = tagged(p) ? number_of(p) : header->obj_id & 0x00FFFFFF;
    const uint32_t generation = tagged(p) ? 0 : header->gen_no;
    char buf[32];
    char* end = std::to_chars(buf, buf + 12, number).ptr;
    *end++ = ' ';
    end = std::to_chars(end, end + 12, generation).ptr;
    *end++ = ' ';
    *end++ = 'R';
    out.append(buf, static_cast<size_t>(end - buf));
    return true;
  }
  Reserved* reserved_of(Ref r) {
    if (r.id < 0 || static_cast<size_t>(r.id) >= objects.size() || !tagged(objects[static_cast<size_t>(r.id)]))
      return nullptr;
    HPDF_XrefEntry entry = xref_entry(number_of(objects[static_cast<size_t>(r.id)]));
    return entry && entry->obj == reserved_object ? reinterpret_cast<Reserved*>(entry) : nullptr;
  }
  void untie_reserved();
  HPDF_STATUS append(HPDF_Array array, void* obj);
  // The xref, with room for one more object (W19).
  HPDF_Xref add_room() {
    make_room(doc->xref->entries, 1);
    return doc->xref;
  }

  bool fail(const std::string& what) {
    if (error.empty()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " (libharu error 0x%04X, detail %u)",
                    static_cast<unsigned>(state.code), static_cast<unsigned>(state.detail));
      error = what + (state.code != HPDF_OK ? buf : "");
    }
    if (doc) HPDF_ResetError(doc);
    state = {};
    return false;
  }
  bool check(HPDF_STATUS status, const std::string& what) {
    // libharu W11: an object's constructor records its error (a name too
    // long) in the document without calling the handler.
    if (status == HPDF_OK && state.code == HPDF_OK && HPDF_GetError(doc) == HPDF_OK) return true;
    if (state.code == HPDF_OK) state.code = HPDF_GetError(doc);
    return fail(what);
  }

  void* convert(const Value& value);
  // libharu W18: an object written ahead as libharu's dictionaries name it.
  void* stand_in(Ref r);
  // A resource category's index in `categories`.
  std::optional<uint8_t> category(const std::string& name) {
    auto it = std::find(categories.begin(), categories.end(), name);
    if (it != categories.end()) return static_cast<uint8_t>(it - categories.begin());
    if (categories.size() > UINT8_MAX || name.empty() || name.size() > HPDF_LIMIT_MAX_NAME_LEN) {
      fail("cannot add resource group");
      return std::nullopt;
    }
    categories.push_back(name);
    return static_cast<uint8_t>(categories.size() - 1);
  }
  bool write_contents();
  bool write_content(size_t page);
  Page* page_at(int page) {
    if (page >= 0 && static_cast<size_t>(page) < pages.size()) return &pages[static_cast<size_t>(page)];
    fail("no such page");
    return nullptr;
  }
  std::optional<Ref> stream_object(const Dict& dict, StreamSource data, Compress compress);
  HPDF_Stream reader_over(StreamSource& source);
  bool add_entries(HPDF_Dict dict, const Dict& entries);

  Ref remember(void* obj) {
    objects.push_back(obj);
    return Ref{static_cast<int>(objects.size() - 1)};
  }
  // The libharu object of a Ref; null for none, or an object written ahead
  // (W18), which has none.
  void* lookup(Ref r) const {
    void* p = r.id >= 0 && static_cast<size_t>(r.id) < objects.size() ? objects[r.id] : nullptr;
    return tagged(p) ? nullptr : p;
  }
};

const char* Writer::Impl::name_for(const std::string& value) {
  bool plain = true;
  for (unsigned char c : value) plain = plain && !name_needs_escape(c);
  if (plain) return value.c_str();
  const std::string escaped = escape_name(value);
  for (const auto& [placeholder, target] : names)
    if (target == escaped) return placeholder.c_str();
  std::string placeholder = "GyN" + std::to_string(names.size()) + "Q";
  if (placeholder.size() > escaped.size()) return value.c_str();  // cannot happen: escapes add 2
  placeholder.append(escaped.size() - placeholder.size(), 'Q');
  names.emplace_back(placeholder, escaped);
  return names.back().first.c_str();
}

void* Writer::Impl::convert(const Value& value) {
  HPDF_MMgr mmgr = doc->mmgr;
  struct Visitor {
    Impl& self;
    HPDF_MMgr mmgr;
    void* operator()(std::monostate) { return HPDF_Null_New(mmgr); }
    void* operator()(bool b) { return HPDF_Boolean_New(mmgr, b ? HPDF_TRUE : HPDF_FALSE); }
    void* operator()(int64_t i) {
      if (i < std::numeric_limits<HPDF_INT32>::min() || i > std::numeric_limits<HPDF_INT32>::max()) return nullptr;
      return HPDF_Number_New(mmgr, static_cast<HPDF_INT32>(i));
    }
    void* operator()(double d) {  // libharu W14
      if (std::abs(d) <= HPDF_LIMIT_MAX_REAL) return HPDF_Real_New(mmgr, static_cast<HPDF_REAL>(d));
      if (!(std::abs(d) < std::numeric_limits<HPDF_INT32>::max())) return nullptr;
      return HPDF_Number_New(mmgr, static_cast<HPDF_INT32>(std::lround(d)));
    }
    void* operator()(const Name& n) {
      const char* name = self.name_for(n.value);
      return std::strlen(name) <= HPDF_LIMIT_MAX_NAME_LEN ? HPDF_Name_New(mmgr, name) : nullptr;
    }
    void* operator()(const String& s) {  // libharu W10
      if (printable_ascii(s.bytes) && s.bytes.size() < HPDF_LIMIT_MAX_STRING_LEN)
        return HPDF_String_New(mmgr, s.bytes.c_str(), nullptr);
      return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(s.bytes.data())),
                             static_cast<HPDF_UINT>(s.bytes.size()));
    }
    void* operator()(const Array& a) {
      HPDF_Array array = HPDF_Array_New(mmgr);
      if (!array) return nullptr;
      make_room(array->list, a.items.size());
      for (const Value& item : a.items) {
        void* obj = self.convert(item);
        if (!obj || self.append(array, obj) != HPDF_OK) {
          HPDF_Array_Free(array);  // and the items it holds; a refused item is freed by libharu
          return nullptr;
        }
      }
      return array;
    }
    void* operator()(const Dict& d) {
      HPDF_Dict dict = HPDF_Dict_New(mmgr);
      if (!dict) return nullptr;
      if (!self.add_entries(dict, d)) {
        HPDF_Dict_Free(dict);
        return nullptr;
      }
      return dict;
    }
    void* operator()(Ref r) { return self.lookup(r) ? self.lookup(r) : self.stand_in(r); }
  };
  return std::visit(Visitor{*this, mmgr}, value.v);
}

HPDF_STATUS Writer::Impl::append(HPDF_Array array, void* obj) {  // libharu W13, W19
  make_room(array->list, 1);
  if (array->list->count < HPDF_LIMIT_MAX_ARRAY) return HPDF_Array_Add(array, obj);
  if (!scratch && !(scratch = HPDF_Array_New(doc->mmgr))) return HPDF_FAILD_TO_ALLOC_MEM;
  const HPDF_STATUS added = HPDF_Array_Add(scratch, obj);
  if (added != HPDF_OK) return added;
  void* item = HPDF_List_ItemAt(scratch->list, 0);
  scratch->list->count = 0;
  const HPDF_STATUS moved = HPDF_List_Add(array->list, item);
  if (moved != HPDF_OK) HPDF_Obj_Free(doc->mmgr, item);
  return moved;
}

bool Writer::Impl::add_entries(HPDF_Dict dict, const Dict& entries) {
  for (const auto& [key, value] : entries.entries) {
    void* obj = convert(value);
    if (!obj) return fail("cannot build /" + key);
    if (!check(HPDF_Dict_Add(dict, key.c_str(), obj), "cannot add /" + key)) return false;
  }
  return true;
}

// libharu W12: the waiting entries are written after the dictionary's own,
// as HPDF_Dict_Write would have written them had they been added, and freed.
HPDF_STATUS Writer::Impl::write_waiting(HPDF_Dict dict, HPDF_Stream out) {
  auto* w = static_cast<Waiting*>(dict->attr);
  const HPDF_STATUS written =
      HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(w->bytes.data()), static_cast<HPDF_UINT>(w->bytes.size()));
  std::string().swap(w->bytes);
  if (written != HPDF_OK) w->impl->fail("cannot write a dictionary's entries");
  return written;
}

// As HPDF_Dict_Add keeps them: a key given again replaces the value at its
// first place. A key the dictionary `own` already has is refused (its entry
// is written already).
HPDF_STATUS Writer::Impl::write_entries(std::string& out, const Dict& d, HPDF_Dict own) {
  const auto& entries = d.entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string& key = entries[i].first;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = entries[j].first == key;
    if (seen) continue;
    if (key.size() > HPDF_LIMIT_MAX_NAME_LEN || key.find('\0') != std::string::npos) return HPDF_INVALID_PARAMETER;
    for (HPDF_UINT k = 0; own && k < own->list->count; ++k)
      if (key == static_cast<HPDF_DictElement>(HPDF_List_ItemAt(own->list, k))->key) return HPDF_INVALID_PARAMETER;
    const Value* value = &entries[i].second;
    for (size_t j = i + 1; j < entries.size(); ++j)
      if (entries[j].first == key) value = &entries[j].second;
    put_name(out, key);
    out.push_back(' ');
    if (const HPDF_STATUS r = write_value(out, *value); r != HPDF_OK) return r;
    out.push_back('\012');
  }
  return HPDF_OK;
}

// One value as HPDF_Obj_Write writes the object convert() makes of it.
HPDF_STATUS Writer::Impl::write_value(std::string& out, const Value& value) {
  struct Visitor {
    Impl& self;
    std::string& out;
    HPDF_STATUS operator()(std::monostate) { return put("null"); }
    HPDF_STATUS operator()(bool b) { return put(b ? "true" : "false"); }
    HPDF_STATUS operator()(int64_t i) {
      if (i < std::numeric_limits<HPDF_INT32>::min() || i > std::numeric_limits<HPDF_INT32>::max())
        return HPDF_INVALID_PARAMETER;
      put_int(out, static_cast<HPDF_INT32>(i));
      return HPDF_OK;
    }
    HPDF_STATUS operator()(double d) {  // libharu W14
      if (std::abs(d) <= HPDF_LIMIT_MAX_REAL) {
        put_real(out, static_cast<HPDF_REAL>(d));
        return HPDF_OK;
      }
      if (!(std::abs(d) < std::numeric_limits<HPDF_INT32>::max())) return HPDF_INVALID_PARAMETER;
      put_int(out, static_cast<HPDF_INT32>(std::lround(d)));
      return HPDF_OK;
    }
    HPDF_STATUS operator()(const Name& n) {
      const char* name = self.name_for(n.value);
      const size_t length = std::strlen(name);
      if (length == 0 || length > HPDF_LIMIT_MAX_NAME_LEN) return HPDF_NAME_INVALID_VALUE;
      put_name(out, std::string_view(name, length));
      return HPDF_OK;
    }
    HPDF_STATUS operator()(const String& s) {  // libharu W10
      if (printable_ascii(s.bytes) && s.bytes.size() < HPDF_LIMIT_MAX_STRING_LEN) {
        put_text(out, s.bytes);
        return HPDF_OK;
      }
      if (s.bytes.size() > HPDF_LIMIT_MAX_STRING_LEN) return HPDF_BINARY_LENGTH_ERR;
      put_hex(out, s.bytes);
      return HPDF_OK;
    }
    HPDF_STATUS operator()(const Array& a) {
      out += "[ ";
      for (const Value& item : a.items) {
        if (const HPDF_STATUS r = self.write_value(out, item); r != HPDF_OK) return r;
        out.push_back(' ');
      }
      out.push_back(']');
      return HPDF_OK;
    }
    HPDF_STATUS operator()(const Dict& d) {
      out += "<<\012";
      if (const HPDF_STATUS r = self.write_entries(out, d, nullptr); r != HPDF_OK) return r;
      out += ">>";
      return HPDF_OK;
    }
    HPDF_STATUS operator()(Ref r) { return self.put_ref(out, r) ? HPDF_OK : HPDF_INVALID_OBJECT; }
    HPDF_STATUS put(std::string_view text) {
      out += text;
      return HPDF_OK;
    }
  };
  return std::visit(Visitor{*this, out}, value.v);
}

size_t Serialized::bytes() const {
  size_t n = tail.size();
  for (const std::string& part : parts) n += part.size();
  return n;
}

// libharu W16: libharu has just written the placeholder's "<<"; the kept
// bytes go in its place...
HPDF_STATUS Writer::Impl::splice(HPDF_Dict dict) {
  auto* s = static_cast<Spliced*>(dict->attr);
  std::string& out = s->impl->sink->out;
  if (out.size() < 3 || out.compare(out.size() - 3, 3, "<<\012") != 0) return HPDF_INVALID_OBJECT;
  out.resize(out.size() - 3);
  const Serialized& object = *s->object;
  for (size_t i = 0; i < object.parts.size(); ++i) {
    out += object.parts[i];
    if (i >= object.holes.size()) continue;
    const int hole = object.holes[i];
    out += hole == Serialized::kOwnLength ? reference_text(s->length)
                                          : s->impl->ref_text(s->refs[static_cast<size_t>(hole)]);
  }
  // In pieces of libharu's own stream buffer size, as its streams were
  // copied: memcpy moves a large block with `rep movsb`, which callgrind
  // (bench/serve-instructions.sh) counts a byte at a time, so the figures
  // would say a 240 KB photograph costs a third of a request. The time is
  // the same either way. A kept stream larger than a piece is passed on
  // as it is appended, not held whole in `out` as well.
  if (s->data)
    for (size_t at = 0; at < s->data->size(); at += HPDF_STREAM_BUF_SIZ) {
      out.append(*s->data, at, std::min<size_t>(HPDF_STREAM_BUF_SIZ, s->data->size() - at));
      if (s->impl->sink->to && out.size() >= SaveSink::kPassAt && !s->impl->sink->pass_on(false))
        return HPDF_FILE_IO_ERROR;
    }
  out += object.tail;
  s->impl->sink->dropping = true;
  if (s->impl->sink->to && out.size() >= SaveSink::kPassAt && !s->impl->sink->pass_on(false))
    return HPDF_FILE_IO_ERROR;
  return HPDF_OK;
}

// ... and what libharu writes of the placeholder itself is dropped, its
// offsets counting what was written instead.
HPDF_STATUS Writer::Impl::end_splice(HPDF_Dict dict) {
  auto* s = static_cast<Spliced*>(dict->attr);
  s->impl->sink->dropping = false;
  s->impl->saving->size = static_cast<HPDF_UINT32>(s->impl->sink->written());
  s->data.reset();  // a kept stream's bytes are in the PDF now
  return HPDF_OK;
}

bool Writer::Impl::place(HPDF_Dict placeholder, Spliced s) {
  if (placeholder->list->count != 0 || placeholder->stream || placeholder->before_write_fn ||
      placeholder->after_write_fn || placeholder->attr)
    return fail("not a reserved object");
  for (int hole : s.object->holes) {
    if (hole == Serialized::kOwnLength ? !s.length
                                       : hole < 0 || static_cast<size_t>(hole) >= s.refs.size() ||
                                             ref_text(s.refs[static_cast<size_t>(hole)]).empty())
      return fail("a spliced object's reference is missing");
  }
  s.impl = this;
  placeholder->attr = &spliced.emplace_back(std::move(s));
  placeholder->before_write_fn = splice;
  placeholder->after_write_fn = end_splice;
  return true;
}

std::shared_ptr<const Serialized> Writer::Impl::capture(void* obj, int slots) {
  auto object = std::make_shared<Serialized>();
  object->parts.emplace_back();
  Capture c;
  c.object = object.get();
  for (int k = 0; k < slots; ++k) c.refs.emplace_back(reference_text(objects[static_cast<size_t>(k)]), k);
  auto* dict = static_cast<HPDF_Dict>(obj);
  if ((dict->header.obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && dict->stream) {
    void* length = HPDF_Dict_GetItem(dict, "Length", HPDF_OCLASS_NUMBER);
    if (!length) {
      fail("stream without /Length");
      return nullptr;
    }
    c.refs.emplace_back(reference_text(length), Serialized::kOwnLength);
    object->stream = true;
  }
  HPDF_Stream out = HPDF_CallbackWriter_New(doc->mmgr, capture_written, &c);
  if (!out) {
    fail("cannot create the output stream");
    return nullptr;
  }
  const bool written = check(HPDF_Obj_WriteValue(obj, out, nullptr), "cannot write object") && error.empty();
  HPDF_Stream_Free(out);
  if (!written) return nullptr;
  std::vector<int> found(names.size(), 0);
  for (std::string& part : object->parts) replace_names(part, part.size(), names, found);
  for (size_t k = 0; k < found.size(); ++k)
    if (found[k] == 0) {
      fail("cannot write the name /" + names[k].second);
      return nullptr;
    }
  return object;
}

std::shared_ptr<const Serialized> serialise(const Value& value) {
  Writer w;
  const int slots = highest_ref(value) + 1;
  for (int k = 0; k < slots; ++k)
    if (!w.add_object(Dict{})) return nullptr;
  auto ref = w.add_object(value);
  return ref ? w.impl_->capture(w.impl_->lookup(*ref), slots) : nullptr;
}

std::shared_ptr<const Serialized> serialise(const Dict& dict, Compress compress) {
  Writer w;
  const int slots = highest_ref(Value(dict)) + 1;
  for (int k = 0; k < slots; ++k)
    if (!w.add_object(Dict{})) return nullptr;
  // Written with no bytes: libharu's data section is empty, and the bytes
  // go there when the stream is spliced.
  auto ref = w.add_stream(dict, std::make_shared<const std::string>(), compress);
  return ref ? w.impl_->capture(w.impl_->lookup(*ref), slots) : nullptr;
}

std::optional<Ref> Writer::add(std::shared_ptr<const Serialized> object, std::vector<Ref> refs,
                               std::shared_ptr<const std::string> bytes) {
  if (!ok()) return std::nullopt;
  if (!object || object->stream != static_cast<bool>(bytes)) {
    impl_->fail(object ? "a spliced stream needs its bytes, and only a stream has them" : "no object to splice");
    return std::nullopt;
  }
  HPDF_Dict placeholder = HPDF_Dict_New(impl_->doc->mmgr);
  if (!placeholder) {
    impl_->fail("cannot create object");
    return std::nullopt;
  }
  if (!impl_->check(HPDF_Xref_Add(impl_->add_room(), placeholder), "cannot add object")) return std::nullopt;
  void* length = nullptr;
  if (bytes) {
    // After the stream, as HPDF_DictStream_New numbers its /Length.
    if (bytes->size() > static_cast<size_t>(std::numeric_limits<HPDF_INT32>::max())) {
      impl_->fail("stream too long");
      return std::nullopt;
    }
    length = HPDF_Number_New(impl_->doc->mmgr, static_cast<HPDF_INT32>(bytes->size()));
    if (!length || !impl_->check(HPDF_Xref_Add(impl_->add_room(), length), "cannot add /Length"))
      return std::nullopt;
  }
  if (!impl_->place(placeholder, Impl::Spliced{nullptr, std::move(object), std::move(refs), std::move(bytes), length}))
    return std::nullopt;
  return impl_->remember(placeholder);
}

std::optional<Ref> Writer::reserve() { return add_object(Dict{}); }

std::optional<Ref> Writer::reserve_stream() {
  if (!ok()) return std::nullopt;
  // Numbered as add() numbers a stream: its placeholder, then its /Length.
  HPDF_Dict placeholder = HPDF_Dict_New(impl_->doc->mmgr);
  if (!placeholder) {
    impl_->fail("cannot create object");
    return std::nullopt;
  }
  if (!impl_->check(HPDF_Xref_Add(impl_->add_room(), placeholder), "cannot add object")) return std::nullopt;
  HPDF_Number length = HPDF_Number_New(impl_->doc->mmgr, 0);
  if (!length || !impl_->check(HPDF_Xref_Add(impl_->add_room(), length), "cannot add /Length"))
    return std::nullopt;
  impl_->stream_lengths.emplace_back(placeholder, length);
  return impl_->remember(placeholder);
}

bool Writer::put(Ref reserved, std::shared_ptr<const Serialized> object, std::vector<Ref> refs,
                 std::shared_ptr<const std::string> bytes) {
  if (!ok()) return false;
  auto* dict = static_cast<HPDF_Dict>(impl_->lookup(reserved));
  if (!dict || (dict->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
    return impl_->fail("not a reserved object");
  auto slot = std::find_if(impl_->stream_lengths.begin(), impl_->stream_lengths.end(),
                           [dict](const auto& s) { return s.first == dict; });
  const bool stream = slot != impl_->stream_lengths.end();
  if (!object || object->stream != stream || static_cast<bool>(bytes) != stream)
    return impl_->fail(stream ? "a stream was reserved: it needs a stream and its bytes"
                              : "a reserved object cannot be a stream");
  HPDF_Number length = nullptr;
  if (stream) {
    if (bytes->size() > static_cast<size_t>(std::numeric_limits<HPDF_INT32>::max()))
      return impl_->fail("stream too long");
    length = slot->second;
    HPDF_Number_SetValue(length, static_cast<HPDF_INT32>(bytes->size()));
  }
  if (!impl_->place(dict, Impl::Spliced{nullptr, std::move(object), std::move(refs), std::move(bytes), length}))
    return false;
  if (stream) impl_->stream_lengths.erase(slot);
  return true;
}

Writer::Writer() : impl_(std::make_unique<Impl>()) {
  impl_->doc = HPDF_New(on_error, &impl_->state);
  if (!impl_->doc) {
    impl_->error = "libharu could not create a document";
    return;
  }
}

Writer::~Writer() {
  if (impl_->doc) impl_->untie_reserved();
  if (impl_->scratch) HPDF_Array_Free(impl_->scratch);
  if (impl_->doc) HPDF_Free(impl_->doc);
}

bool Writer::ok() const { return impl_->doc && impl_->error.empty(); }
const std::string& Writer::error() const { return impl_->error; }

std::optional<Ref> Writer::add_object(const Value& value) {  // libharu W5
  if (!ok()) return std::nullopt;
  void* obj = impl_->convert(value);
  if (!obj) {
    impl_->fail("cannot build object");
    return std::nullopt;
  }
  if (!impl_->check(HPDF_Xref_Add(impl_->add_room(), obj), "cannot add object")) return std::nullopt;
  return impl_->remember(obj);
}

std::optional<std::string> deflate(std::string_view bytes, Compress compress) {
  return deflate_bytes(bytes, compress == Compress::FlateFast ? kFlateFastLevel : kFlateLevel);
}

std::optional<Ref> Writer::add_stream(const Dict& dict, std::string_view bytes,
                                      Compress compress) {
  if (!ok()) return std::nullopt;
  std::string data;
  if (compress == Compress::Flate || compress == Compress::FlateFast) {
    auto deflated = deflate(bytes, compress);
    if (!deflated) {
      impl_->fail("cannot deflate stream");
      return std::nullopt;
    }
    data = std::move(*deflated);
  } else {
    data = bytes;
  }
  StreamSource source;
  source.owned = std::move(data);
  return impl_->stream_object(dict, std::move(source), compress);
}

std::optional<Ref> Writer::add_stream(const Dict& dict, std::shared_ptr<const std::string> bytes,
                                      Compress compress) {
  if (!ok()) return std::nullopt;
  if (!bytes || compress == Compress::Flate || compress == Compress::FlateFast) {
    impl_->fail("kept stream bytes must be present and already encoded");
    return std::nullopt;
  }
  StreamSource source;
  source.bytes = *bytes;
  source.kept = std::move(bytes);
  return impl_->stream_object(dict, std::move(source), compress);
}

std::optional<Ref> Writer::Impl::stream_object(const Dict& dict, StreamSource data, Compress compress) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!stream) {
    fail("cannot create stream");
    return std::nullopt;
  }
  if (!add_entries(stream, dict)) return std::nullopt;
  // A moved string's characters may move with it (short strings): the view
  // is taken again once the source has its place.
  const bool owned = !data.kept;
  StreamSource& source = sources.emplace_back(std::move(data));
  if (owned) source.bytes = source.owned;
  HPDF_Stream reader = reader_over(source);
  if (!reader) {
    fail("cannot create stream reader");
    return std::nullopt;
  }
  // libharu W2, W3. The dictionary owns its stream and frees it with the
  // document.
  HPDF_Stream_Free(stream->stream);
  stream->stream = reader;
  if (compress == Compress::Dct) stream->filter = HPDF_STREAM_FILTER_DCT_DECODE;
  if (compress != Compress::None && compress != Compress::Dct)
    stream->write_fn = write_flate_filter;
  return remember(stream);
}

bool Writer::extend(Ref object, const Dict& entries) {
  if (!ok()) return false;
  auto* dict = static_cast<HPDF_Dict>(impl_->lookup(object));
  if (!dict || (dict->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || dict->before_write_fn == Impl::splice ||
      dict->write_fn == Impl::write_waiting)
    return impl_->fail("not a dictionary");
  return impl_->add_entries(dict, entries);
}

bool Writer::extend_when_written(Ref object, Dict entries) {  // libharu W12
  if (!ok()) return false;
  auto* dict = static_cast<HPDF_Dict>(impl_->lookup(object));
  if (!dict || (dict->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || dict->stream ||
      dict->before_write_fn || dict->after_write_fn || dict->attr)
    return impl_->fail("not a plain dictionary");
  if (dict->write_fn) return impl_->fail("not a plain dictionary");
  Impl& impl = *impl_;
  std::string bytes;
  if (!impl.entry_bytes(entries, bytes, dict)) return false;
  dict->attr = &impl.waiting.emplace_back(Impl::Waiting{impl_.get(), std::move(bytes)});
  dict->write_fn = Impl::write_waiting;
  return true;
}

// libharu W17: HPDF_AddPage makes the page object, a content stream with
// its /Length, /Resources with /ProcSet, a graphics state: a few KB of
// libharu objects a page, held until save(). The page keeps its object
// (the page tree counts it) and the numbers of the other two, and nothing
// else: its entries are records of the Page, written by write_page().
bool Writer::Impl::strip(Page& page) {
  HPDF_Dict dict = page.dict;
  auto attr = static_cast<HPDF_PageAttr>(dict->attr);
  HPDF_Dict old = attr->contents;
  void* old_length = HPDF_Dict_GetItem(old, "Length", HPDF_OCLASS_NUMBER);
  if (!old_length) return fail("page content without /Length");
  page.parent = attr->parent;
  const auto placeholder = [&](void* was) -> HPDF_Dict {
    const auto* header = static_cast<const HPDF_Obj_Header*>(was);
    HPDF_XrefEntry entry = xref_entry(header);
    HPDF_Dict d = entry ? HPDF_Dict_New(doc->mmgr) : nullptr;
    if (!d) return nullptr;
    d->header.obj_id = header->obj_id;
    d->header.gen_no = header->gen_no;
    entry->obj = d;
    d->attr = &page;
    return d;
  };
  page.content = placeholder(old);
  page.length = page.content ? placeholder(old_length) : nullptr;
  if (!page.length) return fail("cannot create page content");
  page.content->before_write_fn = begin_content;
  page.content->after_write_fn = end_content;
  page.length->before_write_fn = begin_length;
  page.length->after_write_fn = end_length;
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    auto element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    HPDF_Obj_Free(doc->mmgr, element->value);
    HPDF_FreeMem(doc->mmgr, element);
  }
  HPDF_List_Clear(dict->list);
  HPDF_Obj_ForceFree(doc->mmgr, old);
  HPDF_Obj_ForceFree(doc->mmgr, old_length);
  HPDF_GState_Free(doc->mmgr, attr->gstate);
  HPDF_FreeMem(doc->mmgr, attr);
  dict->free_fn = nullptr;
  dict->before_write_fn = nullptr;
  dict->attr = &page;
  dict->write_fn = write_page;
  return true;
}

bool Writer::Impl::entry_bytes(const Dict& entries, std::string& out, HPDF_Dict own) {
  return write_entries(out, entries, own) == HPDF_OK || fail("cannot write a dictionary's entries");
}

std::optional<int> Writer::add_page(const Dict& entries) {
  if (!ok()) return std::nullopt;
  // libharu W17: entries libharu's page has itself are not given.
  Dict media, rest;
  for (const auto& [key, value] : entries.entries) {
    if (key == "Type" || key == "Contents" || key == "Resources" || key == "Parent" || key == "Annots") {
      impl_->fail("a page's /" + key + " is not given");
      return std::nullopt;
    }
    (key == "MediaBox" ? media : rest).set(key, value);
  }
  if (media.entries.empty())  // libharu's default, as it writes it
    media.set("MediaBox", Array{{0.0, 0.0, static_cast<double>(static_cast<HPDF_INT16>(HPDF_DEF_PAGE_WIDTH)),
                                 static_cast<double>(static_cast<HPDF_INT16>(HPDF_DEF_PAGE_HEIGHT))}});
  Impl::Page page;
  page.impl = impl_.get();
  if (!impl_->entry_bytes(Dict{}.set("MediaBox", media.entries.back().second), page.entries)) return std::nullopt;
  page.media_end = page.entries.size();
  if (!impl_->entry_bytes(rest, page.entries)) return std::nullopt;
  page.entries.shrink_to_fit();
  impl_->add_room();
  HPDF_Page dict = HPDF_AddPage(impl_->doc);
  if (!dict) {
    impl_->fail("cannot add page");
    return std::nullopt;
  }
  Impl::Page& kept = impl_->pages.emplace_back(std::move(page));
  kept.dict = dict;
  if (!impl_->strip(kept)) return std::nullopt;
  return static_cast<int>(impl_->pages.size() - 1);
}

int Writer::page_count() const { return static_cast<int>(impl_->pages.size()); }

std::optional<Ref> Writer::page_ref(int page) {
  if (page < 0 || static_cast<size_t>(page) >= impl_->pages.size()) return std::nullopt;
  return impl_->remember(impl_->pages[static_cast<size_t>(page)].dict);
}

bool Writer::append_content(int page, const std::string& ops) {
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  if (p->finished) return impl_->fail("page content already finished");
  p->ops += ops;
  return true;
}

bool Writer::append_content(int page, std::string&& ops) {
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  if (p->finished) return impl_->fail("page content already finished");
  if (p->ops.empty()) p->ops = std::move(ops);
  else p->ops += ops;
  return true;
}

bool Writer::finish_content(int page) {
  if (!ok()) return false;
  if (!impl_->page_at(page)) return false;
  return impl_->write_content(static_cast<size_t>(page));
}

bool Writer::prepend_content(int page, const std::string& ops) {  // libharu W15
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  if (ops.empty()) return true;
  if (!impl_->write_content(static_cast<size_t>(page))) return false;
  auto deflated = deflate_bytes(ops, kContentLevel);
  if (!deflated) return impl_->fail("cannot deflate page content");
  StreamSource source;
  source.owned = std::move(*deflated);
  auto layer = impl_->stream_object({}, std::move(source), Compress::Deflated);
  if (!layer) return false;
  p->layers.insert(p->layers.begin(), impl_->lookup(*layer));
  return true;
}

std::optional<std::string> Writer::take_content(int page) {
  if (!ok()) return std::nullopt;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return std::nullopt;
  if (p->finished) {
    impl_->fail("page content already finished");
    return std::nullopt;
  }
  p->finished = p->taken = true;
  return std::exchange(p->ops, std::string());
}

bool Writer::give_content(int page, std::optional<std::string> deflated) {
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  if (!p->taken) return impl_->fail("page content given back without being taken");
  p->taken = false;
  if (!deflated) return impl_->fail("cannot deflate page content");
  // Operators deflate to a few bytes at least: none were there.
  p->drawn = !deflated->empty();
  p->deflated = std::move(*deflated);
  return true;
}

size_t Writer::deflate_content(std::string_view ops, std::string& out) {
  return deflaters(kContentLevel).run_into(ops, out);
}

bool Writer::Impl::write_content(size_t i) {  // libharu W4
  Page& page = pages[i];
  if (page.taken) return fail("page content taken and not given back");
  if (page.finished) return true;
  page.finished = true;
  if (page.ops.empty()) return true;
  auto deflated = deflate_bytes(page.ops, kContentLevel);
  if (!deflated) return fail("cannot deflate page content");
  page.deflated = std::move(*deflated);
  page.drawn = true;
  std::string().swap(page.ops);
  return true;
}

std::string_view Writer::content(int page) const {
  if (page < 0 || static_cast<size_t>(page) >= impl_->pages.size()) return {};
  return impl_->pages[static_cast<size_t>(page)].deflated;
}

bool Writer::Impl::write_contents() {
  for (size_t i = 0; i < pages.size(); ++i)
    if (!write_content(i)) return false;
  return true;
}

HPDF_Stream Writer::Impl::reader_over(StreamSource& source) {
  return HPDF_CallbackReader_New(doc->mmgr, read_source, seek_source, tell_source, size_source, &source);
}

// The content stream's object and its /Length's, as libharu writes a
// stream made by HPDF_DictStream_New, our /Filter added by the W3 hook.
std::string Writer::Impl::content_object(const Page& page) const {
  std::string out = "<<\012/Length " + reference_text(page.length) + "\012";
  if (page.drawn) out += "/Filter /FlateDecode\012";
  out += ">>";
  out += kStreamStart;
  for (size_t at = 0; at < page.deflated.size(); at += HPDF_STREAM_BUF_SIZ)  // as in splice()
    out.append(page.deflated, at, std::min<size_t>(HPDF_STREAM_BUF_SIZ, page.deflated.size() - at));
  out += "\012endstream";
  return out;
}

bool Writer::send(int page) {  // libharu W17
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  if (p->ahead) return true;
  if (!impl_->write_content(static_cast<size_t>(page))) return false;
  Impl& impl = *impl_;
  impl.start_ahead();
  p->content_at = static_cast<uint32_t>(impl.ahead_passed + impl.ahead.size());
  impl.ahead += object_start(p->content);
  impl.ahead += impl.content_object(*p);
  impl.ahead += "\012endobj\012";
  p->length_at = static_cast<uint32_t>(impl.ahead_passed + impl.ahead.size());
  impl.ahead += object_start(p->length);
  impl.ahead += std::to_string(p->deflated.size());
  impl.ahead += "\012endobj\012";
  std::string().swap(p->deflated);
  p->ahead = true;
  return impl.pass_ahead(false) || impl.fail("the output refused the bytes");
}

bool Writer::write_ahead_into(std::function<bool(std::string_view)> to) {
  if (!ok()) return false;
  if (!impl_->pages.empty()) return impl_->fail("pages were added before the output was given");
  impl_->ahead_to = std::move(to);
  return true;
}

bool Writer::Impl::pass_ahead(bool all) {
  // The pieces save() hands on: this buffer lives through layout, when the
  // process is near its largest.
  constexpr size_t kAheadPassAt = SaveSink::kPassAt;
  if (!ahead_to || ahead.empty() || (!all && ahead.size() < kAheadPassAt)) return true;
  if (!ahead_to(ahead)) {
    refused = true;
    return false;
  }
  ahead_passed += ahead.size();
  ahead.clear();
  return true;
}

// The header, written ahead with the first object that is.
void Writer::Impl::start_ahead() {
  if (!ahead_header.empty()) return;
  ahead_header = "%PDF-1." + std::to_string(2 + static_cast<int>(doc->pdf_version)) + "\012%\267\276\255\252\012";
  ahead = ahead_header;
}

std::optional<Ref> Writer::reserve_ahead(size_t count) {  // libharu W18
  if (!ok()) return std::nullopt;
  Impl& impl = *impl_;
  if (count == 0) {
    impl.fail("no objects to reserve");
    return std::nullopt;
  }
  if (!impl.reserved_object) {
    impl.reserved_object = HPDF_Dict_New(impl.doc->mmgr);
    if (!impl.reserved_object) {
      impl.fail("cannot create object");
      return std::nullopt;
    }
    impl.reserved_object->attr = &impl;
    impl.reserved_object->before_write_fn = Impl::begin_reserved;
    impl.reserved_object->after_write_fn = Impl::end_reserved;
  }
  HPDF_Xref xref = impl.doc->xref;
  if (count > HPDF_LIMIT_MAX_XREF_ELEMENT - xref->entries->count) {
    impl.fail("too many objects");
    return std::nullopt;
  }
  make_room(xref->entries, count);
  const Ref first{static_cast<int>(impl.objects.size())};
  for (size_t k = 0; k < count; ++k) {
    Impl::Reserved& r = impl.reserved.emplace_back();
    r.entry.entry_typ = HPDF_IN_USE_ENTRY;
    r.entry.byte_offset = 0;
    r.entry.gen_no = 0;
    r.entry.obj = impl.reserved_object;
    if (!impl.check(HPDF_List_Add(xref->entries, &r.entry), "cannot add object")) {
      impl.reserved.pop_back();
      return std::nullopt;
    }
    impl.objects.push_back(Impl::tag(xref->start_offset + xref->entries->count - 1));
  }
  return first;
}

bool Writer::begin_ahead(Ref object) {
  if (!ok()) return false;
  Impl& impl = *impl_;
  Impl::Reserved* r = impl.reserved_of(object);
  if (!r) return impl.fail("not an object reserved ahead");
  if (r->at != 0 || impl.writing_ahead) return impl.fail("an object reserved ahead is written once, one at a time");
  impl.start_ahead();
  r->at = static_cast<uint32_t>(impl.ahead_passed + impl.ahead.size());
  impl.ahead += impl.ref_text(object);
  impl.ahead.resize(impl.ahead.size() - 1);  // "12 0 R" → "12 0 obj"
  impl.ahead += "obj\012<<\012";
  impl.writing_ahead = r;
  return true;
}

bool Writer::ahead_entries(const Dict& entries) {
  if (!ok()) return false;
  Impl& impl = *impl_;
  if (!impl.writing_ahead) return impl.fail("no object is being written ahead");
  std::string bytes;
  if (!impl.entry_bytes(entries, bytes)) return false;
  // Whole entries: each placeholder's next byte is here (W1).
  replace_names(bytes, bytes.size(), impl.names, impl.ahead_found);
  impl.ahead += bytes;
  return impl.pass_ahead(false) || impl.fail("the output refused the bytes");
}

bool Writer::ahead_entry(std::string_view key, const Value& value) {
  if (!ok()) return false;
  Impl& impl = *impl_;
  if (!impl.writing_ahead) return impl.fail("no object is being written ahead");
  std::string& out = impl.ahead;
  const size_t from = out.size();
  const auto refused = [&] {
    out.resize(from);
    return impl.fail("cannot write a dictionary's entries");
  };
  if (key.size() > HPDF_LIMIT_MAX_NAME_LEN || key.find('\0') != std::string_view::npos) return refused();
  put_name(out, key);
  out.push_back(' ');
  if (impl.write_value(out, value) != HPDF_OK) return refused();
  out.push_back('\012');
  if (!impl.names.empty()) {  // W1, as ahead_entries() replaces them
    std::string bytes = out.substr(from);
    replace_names(bytes, bytes.size(), impl.names, impl.ahead_found);
    out.replace(from, std::string::npos, bytes);
  }
  return impl.pass_ahead(false) || impl.fail("the output refused the bytes");
}

bool Writer::ahead_text(std::string_view text) {
  if (!ok()) return false;
  if (!impl_->writing_ahead) return impl_->fail("no object is being written ahead");
  impl_->ahead += text;
  return impl_->pass_ahead(false) || impl_->fail("the output refused the bytes");
}

bool Writer::end_ahead() {
  if (!ok()) return false;
  Impl& impl = *impl_;
  if (!impl.writing_ahead) return impl.fail("no object is being written ahead");
  impl.ahead += ">>\012endobj\012";
  impl.writing_ahead = nullptr;
  return impl.pass_ahead(false) || impl.fail("the output refused the bytes");
}

bool Writer::reference(Ref object, std::string& out) const { return impl_->put_ref(out, object); }

void* Writer::Impl::stand_in(Ref r) {
  if (!reserved_of(r)) return nullptr;
  HPDF_Null obj = HPDF_Null_New(doc->mmgr);
  if (!obj) return nullptr;
  stand_ins.push_back(obj);
  obj->header.obj_id = number_of(objects[static_cast<size_t>(r.id)]) | HPDF_OTYPE_INDIRECT;
  obj->header.gen_no = 0;
  return obj;
}

// libharu W18: libharu's loop has written "N 0 obj" and the shared
// dictionary's "<<" for object N, written ahead: both are taken back, the
// rest is dropped up to "endobj" (end_reserved() and the sink).
HPDF_STATUS Writer::Impl::begin_reserved(HPDF_Dict dict) {
  Impl& impl = *static_cast<Impl*>(dict->attr);
  std::string& out = impl.sink->out;
  constexpr std::string_view kTail = " 0 obj\012<<\012";
  size_t start = out.size() >= kTail.size() ? out.size() - kTail.size() : 0;
  if (out.size() < kTail.size() || out.compare(start, kTail.size(), kTail) != 0) {
    impl.fail("cannot write an object written ahead");
    return HPDF_INVALID_OBJECT;
  }
  HPDF_UINT number = 0, scale = 1;
  while (start > 0 && out[start - 1] >= '0' && out[start - 1] <= '9') {
    number += static_cast<HPDF_UINT>(out[start - 1] - '0') * scale;
    scale *= 10;
    --start;
  }
  HPDF_XrefEntry entry = impl.xref_entry(number);
  if (!entry || entry->obj != dict || reinterpret_cast<Reserved*>(entry)->at == 0) {
    impl.fail("an object reserved ahead was not written");
    return HPDF_INVALID_OBJECT;
  }
  out.resize(start);
  impl.sink->dropping = true;
  impl.writing_ahead = reinterpret_cast<Reserved*>(entry);
  return HPDF_OK;
}

HPDF_STATUS Writer::Impl::end_reserved(HPDF_Dict dict) {
  Impl& impl = *static_cast<Impl*>(dict->attr);
  Reserved* r = impl.writing_ahead;
  if (!r) return HPDF_INVALID_OBJECT;
  // The loop set the offset before writing; it is where the object is.
  r->entry.byte_offset = r->at;
  impl.writing_ahead = nullptr;
  impl.sink->skip_endobj = true;  // the loop's "endobj" comes next
  return HPDF_OK;
}

// The reserved entries leave the xref's list, and the shared object and the
// stand-ins are freed: libharu would free each entry and its object.
void Writer::Impl::untie_reserved() {
  if (reserved_object) {
    HPDF_List list = doc->xref->entries;
    HPDF_UINT kept = 0;
    for (HPDF_UINT i = 0; i < list->count; ++i)
      if (static_cast<HPDF_XrefEntry>(list->obj[i])->obj != reserved_object) list->obj[kept++] = list->obj[i];
    list->count = kept;
    HPDF_Dict_Free(reserved_object);
    reserved_object = nullptr;
  }
  for (void* obj : stand_ins) HPDF_FreeMem(doc->mmgr, obj);
  stand_ins.clear();
}

// libharu W17: the page's object, its entries in libharu's order.
HPDF_STATUS Writer::Impl::write_page(HPDF_Dict dict, HPDF_Stream out) {
  const auto& page = *static_cast<const Page*>(dict->attr);
  const Impl& impl = *page.impl;
  std::string s = "/Type /Page\012";
  s.append(page.entries, 0, page.media_end);
  s += "/Contents ";
  if (page.layers.empty()) {
    s += reference_text(page.content);
  } else {
    s += "[ ";
    for (void* layer : page.layers) s += reference_text(layer) + ' ';
    s += reference_text(page.content) + " ]";
  }
  s += "\012/Resources <<\012/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]\012";
  HPDF_STATUS r = HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
  // The categories in first-use order, each one's resources in theirs.
  std::vector<bool> done(impl.categories.size(), false);
  for (size_t i = 0; i < page.resources.size() && r == HPDF_OK; ++i) {
    const uint8_t category = page.resources[i].category;
    if (done[category]) continue;
    done[category] = true;
    r = HPDF_Stream_WriteEscapeName(out, impl.categories[category].c_str());
    if (r == HPDF_OK) r = HPDF_Stream_WriteStr(out, " <<\012");
    for (size_t j = i; j < page.resources.size() && r == HPDF_OK; ++j) {
      const Resource& res = page.resources[j];
      if (res.category != category) continue;
      const std::string key = res.fixed ? impl.fixed_keys[res.fixed - 1u] : resource_key(impl.categories[category], res.number);
      r = HPDF_Stream_WriteEscapeName(out, key.c_str());
      if (r == HPDF_OK) r = HPDF_Stream_WriteStr(out, (' ' + reference_text(res.obj) + '\012').c_str());
    }
    if (r == HPDF_OK) r = HPDF_Stream_WriteStr(out, ">>\012");
  }
  if (r != HPDF_OK) return r;
  s = ">>\012/Parent " + reference_text(page.parent) + '\012';
  s.append(page.entries, page.media_end);
  if (!page.annots.empty()) {
    s += "/Annots [ ";
    for (void* a : page.annots) s += reference_text(a) + ' ';
    s += "]\012";
  }
  return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
}

// libharu W17: libharu has written "N 0 obj" and the placeholder's "<<":
// a page's content written ahead takes both back and drops the rest of
// the object; otherwise its bytes go in the placeholder's place (as a
// splice's, W16).
HPDF_STATUS Writer::Impl::begin_page_object(HPDF_Dict dict, const std::string& bytes, bool was_ahead) {
  std::string& out = sink->out;
  const std::string taken = was_ahead ? object_start(dict) + "<<\012" : std::string("<<\012");
  if (out.size() < taken.size() || out.compare(out.size() - taken.size(), taken.size(), taken) != 0) {
    fail("cannot write a page's content: " + taken);
    return HPDF_INVALID_OBJECT;
  }
  out.resize(out.size() - taken.size());
  out += bytes;
  sink->dropping = true;
  if (sink->to && out.size() >= SaveSink::kPassAt && !sink->pass_on(false)) return HPDF_FILE_IO_ERROR;
  return HPDF_OK;
}

HPDF_STATUS Writer::Impl::end_page_object(HPDF_Dict dict, bool was_ahead, uint32_t at) {
  if (!was_ahead) {
    sink->dropping = false;
    saving->size = static_cast<HPDF_UINT32>(sink->written());
    return HPDF_OK;
  }
  // Its offset is where it was written ahead (libharu's loop set the one
  // here before writing it).
  const auto* header = static_cast<const HPDF_Obj_Header*>(static_cast<void*>(dict));
  HPDF_XrefEntry entry = xref_entry(header);
  if (!entry) {
    fail("cannot write a page's content");
    return HPDF_INVALID_OBJECT;
  }
  entry->byte_offset = at;
  sink->skip_endobj = true;  // the loop's "endobj" comes next
  return HPDF_OK;
}

HPDF_STATUS Writer::Impl::begin_content(HPDF_Dict dict) {
  auto& page = *static_cast<Page*>(dict->attr);
  const HPDF_STATUS r = page.impl->begin_page_object(dict, page.ahead ? std::string() : page.impl->content_object(page), page.ahead);
  page.length_value = static_cast<uint32_t>(page.deflated.size());
  std::string().swap(page.deflated);
  return r;
}

HPDF_STATUS Writer::Impl::end_content(HPDF_Dict dict) {
  auto& page = *static_cast<Page*>(dict->attr);
  return page.impl->end_page_object(dict, page.ahead, page.content_at);
}

HPDF_STATUS Writer::Impl::begin_length(HPDF_Dict dict) {
  auto& page = *static_cast<Page*>(dict->attr);
  return page.impl->begin_page_object(dict, page.ahead ? std::string() : std::to_string(page.length_value), page.ahead);
}

HPDF_STATUS Writer::Impl::end_length(HPDF_Dict dict) {
  auto& page = *static_cast<Page*>(dict->attr);
  return page.impl->end_page_object(dict, page.ahead, page.length_at);
}

std::optional<std::string> Writer::resource(int page, const std::string& category, Ref object) {
  if (!ok()) return std::nullopt;
  void* obj = impl_->lookup(object);
  if (!obj) {
    impl_->fail("unknown resource object");
    return std::nullopt;
  }
  Impl::Page* p = impl_->page_at(page);
  auto c = impl_->category(category);
  if (!p || !c) return std::nullopt;
  uint16_t count = 0;
  for (const Impl::Resource& r : p->resources) {
    if (r.category != *c) continue;
    if (r.obj == obj) return r.fixed ? impl_->fixed_keys[r.fixed - 1u] : resource_key(category, r.number);
    ++count;
  }
  if (count == UINT16_MAX) {
    impl_->fail("too many resources on a page");
    return std::nullopt;
  }
  // libharu W9: the key counts the group's entries.
  p->resources.push_back(Impl::Resource{obj, static_cast<uint16_t>(count + 1), *c, 0});
  return resource_key(category, count + 1);
}

bool Writer::set_resource(int page, const std::string& category, const std::string& key, Ref object) {
  if (!ok()) return false;
  void* obj = impl_->lookup(object);
  if (!obj) return impl_->fail("unknown resource object");
  Impl::Page* p = impl_->page_at(page);
  auto c = impl_->category(category);
  if (!p || !c) return false;
  auto& keys = impl_->fixed_keys;
  auto k = std::find(keys.begin(), keys.end(), key);
  if (k == keys.end()) {
    if (keys.size() >= UINT8_MAX || key.empty() || key.size() > HPDF_LIMIT_MAX_NAME_LEN) return impl_->fail("cannot add resource");
    k = keys.insert(keys.end(), key);
  }
  const auto fixed = static_cast<uint8_t>(k - keys.begin() + 1);
  for (Impl::Resource& r : p->resources)
    if (r.category == *c && r.fixed == fixed) {  // as HPDF_Dict_Add: replaced in its place
      r.obj = obj;
      return true;
    }
  p->resources.push_back(Impl::Resource{obj, 0, *c, fixed});
  return true;
}

bool Writer::add_annotation(int page, Ref annotation) {
  if (!ok()) return false;
  Impl::Page* p = impl_->page_at(page);
  if (!p) return false;
  void* obj = impl_->lookup(annotation);
  if (!obj) return impl_->fail("unknown annotation");
  p->annots.push_back(obj);
  return true;
}

bool Writer::set_catalog(const std::string& key, const Value& value) {
  if (!ok()) return false;
  if (const auto* entries = std::get_if<Dict>(&value.v)) {  // libharu W12
    Impl& impl = *impl_;
    std::string bytes;
    if (!impl.entry_bytes(*entries, bytes)) return false;
    HPDF_Dict dict = HPDF_Dict_New(impl.doc->mmgr);
    if (!dict) return impl.fail("cannot create /" + key);
    dict->attr = &impl.waiting.emplace_back(Impl::Waiting{impl_.get(), std::move(bytes)});
    dict->write_fn = Impl::write_waiting;
    return impl.check(HPDF_Dict_Add(impl.doc->catalog, key.c_str(), dict), "cannot add /" + key);
  }
  Dict d;
  d.set(key, value);
  return impl_->add_entries(impl_->doc->catalog, d);
}

bool Writer::set_trailer(const std::string& key, const Value& value) {
  if (!ok()) return false;
  Dict d;
  d.set(key, value);
  return impl_->add_entries(impl_->doc->trailer, d);
}

bool Writer::set_info(const Dict& entries) {
  if (!ok()) return false;
  HPDF_Dict info = impl_->doc->info;
  if (!info) {
    info = HPDF_Dict_New(impl_->doc->mmgr);
    if (!info || !impl_->check(HPDF_Xref_Add(impl_->add_room(), info), "cannot add /Info"))
      return false;
    impl_->doc->info = info;
  }
  HPDF_Dict_RemoveElement(info, "Producer");  // libharu W6
  HPDF_ResetError(impl_->doc);
  impl_->state = {};
  return impl_->add_entries(info, entries);
}

bool Writer::set_version(int minor) {
  if (!ok()) return false;
  if (minor < 2 || minor > 7) return impl_->fail("unsupported PDF version");
  // libharu W7
  impl_->doc->pdf_version = static_cast<HPDF_PDFVer>(HPDF_VER_12 + (minor - 2));
  return true;
}

bool Writer::Impl::save_into(SaveSink& sink) {
  if (writing_ahead) return fail("an object written ahead was not ended");
  if (!write_contents()) return false;
  if (!ahead_header.empty()) {  // libharu W17
    if (ahead_to && !sink.to) return fail("pages were written into an output: save into it");
    if (ahead_header.compare(0, 9, "%PDF-1." + std::to_string(2 + static_cast<int>(doc->pdf_version)) + "\012") != 0)
      return fail("the version was set after pages were written");
    sink.header = ahead_header;
    sink.passed = ahead_passed;
    sink.out = std::move(ahead);
    ahead.clear();
  }
  // libharu W8: saved through a callback writer that appends to `sink`; the
  // writer is freed again here, so the document never points at it.
  sink.names = &names;
  if (!sink.to) {
    // The streams' bytes, and for each object its number, dictionary and
    // xref entry: a string that grows while libharu writes would be copied
    // and briefly held twice.
    size_t expected = 4096 + 256 * doc->xref->entries->count;
    for (const StreamSource& source : sources) expected += source.bytes.size();
    for (const Spliced& s : spliced) expected += s.object->bytes() + (s.data ? s.data->size() : 0);
    for (const Page& page : pages) expected += page.deflated.size();
    sink.out.reserve(sink.out.size() + expected);
  }
  if (doc->stream) HPDF_Stream_Free(doc->stream);
  doc->stream = HPDF_CallbackWriter_New(doc->mmgr, append_saved, &sink);
  if (!doc->stream) return fail("cannot create the output stream");
  this->sink = &sink;
  saving = doc->stream;
  // A hook's failure (W12) is recorded by fail(), which resets libharu's
  // state: the save then ends early with HPDF_OK and a truncated file.
  bool saved = check(HPDF_SaveToStream(doc), "cannot write the PDF") && error.empty();
  HPDF_Stream_Free(doc->stream);
  doc->stream = nullptr;
  this->sink = nullptr;
  saving = nullptr;
  if (sink.broken) return fail(std::string("cannot write the PDF: ") + sink.broken);
  saved = saved && sink.pass_on(true);
  if (sink.refused) return fail("the output refused the bytes");
  if (!saved) return false;
  for (size_t k = 0; k < names.size(); ++k)  // libharu W1
    if ((k >= sink.found.size() || sink.found[k] == 0) && (k >= ahead_found.size() || ahead_found[k] == 0))
      return fail("cannot write the name /" + names[k].second);
  return true;
}

std::optional<std::string> Writer::save() {
  SaveSink sink;
  if (!ok() || !impl_->save_into(sink)) return std::nullopt;
  return std::move(sink.out);
}

bool Writer::save(const std::function<bool(std::string_view)>& to) {
  SaveSink sink;
  sink.to = &to;
  if (!ok() || !impl_->save_into(sink)) {
    impl_->refused = sink.refused;
    return false;
  }
  return true;
}

bool Writer::output_refused() const { return impl_->refused; }

}  // namespace galley::pdf::hpdf
