// A paginated page made final and handed on: master decoration under its
// items (with its page number and running heads), structure marks
// numbered, fonts as the display list's, master text's links checked, and
// its part of the source hash taken. In the last pass this happens as each
// page is paginated (lay_out()'s PageSink); what needs every page waits for
// finish(): master decoration whose text names {{pages}} or holds
// variables (their budget counts pages), the structure elements' final
// order, and the hash's end.
#pragma once
#include <cstdint>
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

  // Takes r.pages[i] (left empty), the pass's next page.
  void page(PassResult& r, size_t i);
  // Every page is finished: the deferred decoration is handed on, the
  // structure put in its final order, the source hash set. Returns the
  // renumbering of the structure (Streamed::renumber).
  // What page() reported (master text, links) comes first in `diags`.
  std::vector<int32_t> finish(const PassResult& r, Diagnostics& diags);

 private:
  // Stable 64-bit FNV-1a over everything that shapes the output.
  class Hash {
   public:
    void add(std::string_view s) {
      for (unsigned char c : s) h_ = (h_ ^ c) * 1099511628211ull;
      h_ = (h_ ^ 0xff) * 1099511628211ull;  // separator: "ab","c" differs from "a","bc"
    }
    // Positions count to a thousandth of a point, as the PDF writes them; the
    // integer is hashed byte by byte, low first, so the digest is the same on
    // every platform without formatting each number as text.
    void add(double v);
    std::string hex() const;

   private:
    uint64_t h_ = 1469598103934665603ull;
  };

  void hash_items(const std::vector<Item>& items);
  void hash_page(const Page& page);
  void fonts_of(std::vector<Item>& items);
  // Links from the page's `from`th on (master text's are known only here).
  void check_links(const Page& page, size_t from, Diagnostics& diags);
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
  StructureNumbering numbering_;
  size_t outline_seen_ = 0;    // r.outline entries already read
  std::vector<std::string> running_;  // per running head level: the heading in force
  std::map<std::string, bool> late_;  // master → its text is set at finish()
  std::vector<std::pair<size_t, resolve::TextTemplate::Values>> deferred_;
  std::set<std::string> reported_, links_reported_;
};

}  // namespace galley::layout
