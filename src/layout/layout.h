// layout/: threads the styled flows through the frames of the master pages
// and produces the display list.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>
#include <string>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "linebreak/line.h"
#include "model/layout.h"
#include "resolve/styled.h"
#include "text/text.h"

namespace galley::layout {

// With a Figures current (base/figures.h), layout adds the times "shape"
// and "breaking" of every pass (copy-fit and TOC passes included) and the
// linebreak::Stats of the pass it keeps.
struct Measured;  // layout/detail/measure.h

// Measurements of fixed blocks (resolve::Block::fixed: the same in every
// build of a document), kept from one build for the next builds of the same
// document with the same layout and fonts (the rows of a batch, the
// requests of `galley serve`). Keyed by flow, block, the exact column size
// and the line-breaking mode; immutable once its build has finished.
struct FixedMeasures {
  std::map<std::string, std::shared_ptr<const Measured>> by_key;
  // What by_key holds (Measured::bytes()); a build records no more once it
  // reaches kBudget, so a document with huge blocks keeps only some.
  size_t bytes = 0;
  static constexpr size_t kBudget = size_t{32} << 20;
  std::mutex mutex;  // held while a build records into it
};

struct Options {
  bool greedy = false;  // greedy line breaking (stats comparison)
  // Threads, this one included: above 1, blocks are measured (shaped,
  // hyphenated, broken) ahead of pagination on the others. The display
  // list is the same whatever the number.
  int jobs = 1;
  // Measurements an earlier build of this document made of its fixed
  // blocks: taken instead of measuring again. `record` collects this
  // build's, for later builds. Neither is used while copy-fitting scales a
  // flow or when a Figures is current (a reused measurement has no times).
  const FixedMeasures* reuse = nullptr;
  FixedMeasures* record = nullptr;
};

// Where lay_out() hands each page once nothing can change it. In the last
// pass (one no table-of-contents, footnote or copy-fit pass follows) that
// is as soon as the page is paginated, so a long document's pages need
// not all exist at once; otherwise after the pass. The list it is given
// has the document's settings (meta, intent, tagged, marks) from the
// first page on, the fonts and structure elements the pages so far use,
// and every page so far without its items.
class PageSink {
 public:
  virtual ~PageSink() = default;
  // Page p (`list.pages[p]`: boxes, links, label) draws `items`. Marks
  // number structure elements in the order the pages meet them
  // (Streamed::renumber gives the final numbers).
  virtual void page(const DisplayList& list, size_t p, std::vector<Item>&& items) = 0;
  // Artifacts drawn under page p's items, known only once every page is:
  // master decoration whose text names {{pages}}. After every page().
  virtual void under(const DisplayList& list, size_t p, std::vector<Item>&& items) = 0;
};

// What lay_out() returns with a sink: the list complete but for the pages'
// items (handed to the sink), and the structure elements' final numbers:
// `renumber[e]` indexes list.structure for a mark's element e (empty when
// untagged).
struct Streamed {
  DisplayList list;
  std::vector<int32_t> renumber;
};

// `doc` is taken by value so a caller done with it can move it in and its
// flows are not copied. Nothing is useful from the sink when this returns
// nullopt (the errors are in `diags`).
std::optional<Streamed> lay_out(resolve::StyledDoc doc, const model::Layout& layout, const text::FontBook& fonts,
                                const Options& opts, PageSink& sink, Diagnostics& diags);

// A sink that keeps every page's items (for --dump-layout and the tests);
// list() puts them into the streamed list, which is then what the
// overload below returns.
class CollectingSink : public PageSink {
 public:
  void page(const DisplayList& list, size_t p, std::vector<Item>&& items) override;
  void under(const DisplayList& list, size_t p, std::vector<Item>&& items) override;
  DisplayList list(Streamed&& streamed);

 private:
  std::vector<std::vector<Item>> pages_, under_;
};

// The whole display list.
std::optional<DisplayList> lay_out(resolve::StyledDoc doc, const model::Layout& layout,
                                   const text::FontBook& fonts, const Options& opts,
                                   Diagnostics& diags);

// The display list as JSON (`galley build --dump-layout`): stable key order,
// numbers rounded to 0.01 pt.
std::string to_json(const DisplayList& list);

}  // namespace galley::layout
