// What layout keeps of a page once it has handed it on (layout::PageSink):
// a long report's pages are written as they are made, so what stays for
// each until the end (its record for the PDF's page object, its structure
// elements, what the deferred master text reads) must be a few words, or
// a 10,000-page report's memory grows with the document instead of with
// the pages in flight. Counted by this test program's own operator new.
#include <doctest/doctest.h>
#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "fixture.h"
#include "resolve/resolve.h"

#if !defined(__SANITIZE_ADDRESS__)
namespace {
// What operator new has given and not had back, in usable bytes (glibc's
// own counts take the chunks its per-thread caches keep for reuse for
// chunks in use).
std::atomic<size_t> held_bytes{0};
}  // namespace

// libstdc++'s other forms (arrays, nothrow, sized) call these two.
void* operator new(size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  held_bytes.fetch_add(malloc_usable_size(p), std::memory_order_relaxed);
  return p;
}
void operator delete(void* p) noexcept {
  if (p) held_bytes.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
  std::free(p);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

using namespace galley;
using namespace fixture;

namespace {

size_t heap_in_use() { return held_bytes.load(); }

// The heap a copy of `b` holds: for a block, what layout frees when it
// empties a block it has placed.
template <class T>
double heap_of(const T& b) {
  const size_t before = heap_in_use();
  const std::optional<T> copy(b);
  return static_cast<double>(heap_in_use() - before);
}

// The heap in use and the structure elements met when page `from` and
// page `to` are handed on; their drawing is dropped.
class SamplingSink : public layout::PageSink {
 public:
  SamplingSink(size_t from, size_t to) : from_(from), to_(to) {}
  void page(const layout::DisplayList& list, size_t p, std::vector<layout::Item>&&) override {
    if (p != from_ && p != to_) return;
    const size_t elements = list.structure_base + list.structure.size();
    (p == from_ ? at_from : at_to) = {heap_in_use(), elements};
  }
  void under(const layout::DisplayList&, size_t, std::vector<layout::Item>&&) override {}

  struct Sample {
    size_t heap = 0, elements = 0;
  };
  Sample at_from, at_to;

 private:
  size_t from_, to_;
};

// What the heap keeps for each page of a 400-page report once layout has
// handed the page on (its drawing dropped by the sink), and the structure
// elements a page has; every page a list of six items (19 elements) and a
// page break, under a footer naming {{pages}}.
struct Kept {
  double bytes = 0, elements = 0;
  double finished = 0;  // the heap the finished list's structure holds, an element
};

Kept kept_a_page(bool tagged) {
  model::Layout l = make_layout();
  add_master(l, "page", {frame("main", 20, 20, 360, 240)});
  // Master text naming {{pages}} is set once every page is: what it reads
  // of a page (its number, its running heads) is not kept a page at a time.
  model::Element footer;
  footer.kind = model::Element::Kind::Text;
  footer.x = pt(20), footer.y = pt(280), footer.width = pt(360);
  footer.text.value = "page {{page}} of {{pages}}";
  footer.text.loc = {"/tmp/layout.yaml", 30, 13};
  l.masters["page"].footer = footer;
  l.output.tagged = tagged;
  l.sequence = {seq("page", true)};

  constexpr size_t kPages = 400;
  resolve::Block list = block(model::BlockKind::List, "", 11);
  for (int i = 0; i < 6; ++i) list.items.push_back({"•", 0, para("item " + std::to_string(i), body(), 11)});
  resolve::Block brk;
  brk.kind = model::BlockKind::Break;
  brk.loc = {"content.yaml", 12, 3};
  std::vector<resolve::Block> blocks;
  for (size_t p = 0; p < kPages; ++p) {
    if (p > 0) blocks.push_back(brk);
    blocks.push_back(list);
  }
  const double page_text = heap_of(list) + heap_of(brk);
  resolve::StyledDoc d = doc(std::move(blocks));

  Diagnostics diags;
  auto fonts = text::FontBook::load(l, diags);
  REQUIRE(fonts);
  const resolve::Cascade cascade(l, "en-US", diags);
  d.master_text = resolve::master_text(l, d.styles, d.variables, diags, &cascade);
  REQUIRE_FALSE(diags.has_errors());
  // From page 100 on, the memos of shapes and lines have what they keep of
  // this text, and the growth is what the pages leave behind, up to the
  // last pages (where the flow's end lets go of all its blocks).
  constexpr size_t kFrom = 100, kTo = kPages - 10;
  SamplingSink sink(kFrom, kTo);
  layout::Options opts;
  opts.jobs = 1;
  const auto laid = layout::lay_out(std::move(d), l, *fonts, opts, sink, diags);
  std::string reports;
  for (const Diagnostic& e : diags.all()) reports += format(e) + "\n";
  INFO(reports);
  REQUIRE(laid);
  REQUIRE(laid->list.pages.size() == kPages);

  const double pages = static_cast<double>(kTo - kFrom);
  // The heap grew by what the pages left behind, less the text layout
  // freed as it emptied the blocks it had placed.
  Kept k;
  k.bytes = (static_cast<double>(sink.at_to.heap) - static_cast<double>(sink.at_from.heap)) / pages + page_text;
  k.elements = static_cast<double>(sink.at_to.elements - sink.at_from.elements) / pages;
  if (!laid->list.structure.empty())
    k.finished = heap_of(laid->list.structure) / static_cast<double>(laid->list.structure.size());
  return k;
}

}  // namespace
#endif

TEST_CASE("a page handed on leaves layout its record for the PDF, and each structure element a few words") {
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("AddressSanitizer replaces operator new: not checked");
#else
  const Kept untagged = kept_a_page(false);
  const Kept tagged = kept_a_page(true);
  CHECK(untagged.elements == 0);
  CHECK(tagged.elements == doctest::Approx(19));
  const double per_element = (tagged.bytes - untagged.bytes) / tagged.elements;
  MESSAGE("kept a page: " << untagged.bytes << " bytes untagged, " << tagged.bytes << " tagged, "
                          << per_element << " an element");
  // The page's record for the PDF's page object (boxes, label, master,
  // links: 232 bytes, in a vector whose room grows by doubling, here from
  // 128 to 512 pages). When the pass also kept an empty Page for each, the
  // footer's values until the end, and the structure's nodes even when
  // untagged, about 4.4 KB.
  CHECK(untagged.bytes < 512);
  // A node of 24 bytes and its block's 16, in vectors that double too; as
  // a StructElement in a map of the pass, numbered in another map, about
  // 190.
  CHECK(per_element < 48);
  // The finished list, held through the PDF's end: a record of 24 bytes
  // an element; as a StructElement of five strings, 176.
  MESSAGE("the finished list's structure: " << tagged.finished << " bytes an element");
  CHECK(tagged.finished > 0);
  CHECK(tagged.finished < 40);
#endif
}
