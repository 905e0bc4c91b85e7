// A paginated page made final and handed on: master decoration under its
// items (with its page number and running heads), structure marks
// numbered, fonts as the display list's, master text's links checked, and
// its part of the source hash taken. In the last pass this happens as each
// page is paginated (lay_out()'s PageSink); what needs every page waits for
// finish(): master decoration whose text names {{pages}} or holds
// variables (their budget counts pages), the structure elements' final
// order, and the hash's end.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/layout.h"
#include "sequence.h"
#include "structure.h"

namespace galley::layout {

class PageFinisher {
 public:
  // `list` has the document's settings; its pages, fonts and structure
  // grow as pages are finished.
  PageFinisher(const resolve::StyledDoc& doc, const model::Layout& layout, const text::FontBook& fonts,
               DisplayList& list, PageSink& sink);

  // Takes page i of the pass, its next.
  void page(PassResult& r, Page&& page, size_t i);
  // Every page is finished: the deferred decoration is handed on, the
  // structure put in its final order, the source hash set. Returns the
  // renumbering of the structure (Streamed::renumber).
  // What page() reported (master text, links) comes first in `diags`.
  // The pass's structure is moved out of `r`.
  std::vector<int32_t> finish(PassResult& r, Diagnostics& diags);

 private:
  // A stable 64-bit digest (XXH3) of everything that shapes the output.
  // Values are gathered in a buffer as bytes, the same on every platform,
  // and each full buffer is hashed with the digest so far as its seed: a
  // page's few thousand positions cost a store each, not a hash round.
  class Hash {
   public:
    // Its length first: "ab","c" differs from "a","bc".
    void add(std::string_view s);
    // Positions count to a thousandth of a point, as the PDF writes them, so
    // float noise below that does not change the digest.
    void add(double v) { word(quantized(v)); }
    static uint64_t quantized(double v) {
      const double scaled = v * 1000.0;
      // Out of range (or not a number): one marker, not an undefined cast.
      const int64_t q = std::abs(scaled) < 9.0e18 ? static_cast<int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5)
                                                  : INT64_MIN;
      return static_cast<uint64_t>(q);
    }
    // Low byte first, on any platform.
    void word(uint64_t w) {
      if (n_ + 8 > sizeof buf_) flush();
      if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
      std::memcpy(buf_ + n_, &w, 8);
      n_ += 8;
    }
    // word() of each of `w`, in order, copied as many at a time as the
    // buffer holds (a run's glyphs are most of a page's values).
    void words(const uint64_t* w, size_t count);
    std::string hex() const;

   private:
    void flush();

    uint64_t h_ = 0;
    size_t n_ = 0;
    unsigned char buf_[2048];
  };

  void hash_items(const std::vector<Item>& items);
  void hash_page(const Page& page);
  void fonts_of(std::vector<Item>& items);
  // Links from the page's `from`th on (master text's are known only here).
  void check_links(const Page& page, size_t from, Diagnostics& diags);
  // Each running head's value at the end of a page and the first that
  // starts on it (else the one in force), from the outline, a page at a
  // time in order. A heading of a higher rank
  // (a lower level) ends a running head of a deeper level: a new chapter
  // has no section until its first one.
  class RunningHeads {
   public:
    explicit RunningHeads(const model::RunningHeads& levels);
    // Sets the running heads' slots of `values` for page i, after page i - 1.
    void on_page(const std::vector<OutlineEntry>& outline, size_t i, resolve::TextTemplate::Values& values);

   private:
    const model::RunningHeads& levels_;
    size_t seen_ = 0;  // outline entries of the pages before
    std::vector<std::string> running_;  // per head: the heading in force
  };

  // Master decoration with `values`, its problems once per document.
  std::vector<Item> decoration(Page& page, const resolve::TextTemplate::Values& values, Diagnostics& diags);
  bool within_budget(Diagnostics& diags) const;

  const resolve::StyledDoc& doc_;
  const model::Layout& layout_;
  const text::FontBook& fonts_;
  DisplayList& list_;
  PageSink& sink_;
  Diagnostics diags_;  // what page() reports, handed over by finish()
  Hash hash_;
  std::vector<int> font_slot_;  // FontBook face → index into list_.fonts
  RunningHeads running_;
  // master → its text is set at finish(), with the running heads read again
  // from the outline: nothing is kept for it per page.
  std::map<std::string, bool> late_;
  std::set<std::string> reported_, links_reported_;
};

}  // namespace galley::layout
