// A paragraph and a run refer to their style (resolve::Shared), made once
// per document: a long report's text holds no style per paragraph or run.
#include "fixtures.h"

using namespace galley;
using namespace galley::resolve;
using namespace galley::resolve::testing;

namespace {

model::Layout shared_styles_layout() {
  model::Style note = style("note", "body");
  note.size = 7;
  return layout_with({style("body"), note});
}

const Paragraph& para(const StyledDoc& doc, size_t block) { return doc.flows[0].blocks[block].paras[0]; }

}  // namespace

TEST_CASE("paragraphs of one style and runs of one character style share one style object") {
  const StyledDoc doc = styled({paragraph("One **bold** word."), paragraph("Another **bold** one."),
                                paragraph("A note.", "note"), paragraph("Plain."), heading("A head", 2),
                                heading("Another head", 2)},
                               shared_styles_layout());
  const Paragraph &one = para(doc, 0), &two = para(doc, 1), &note = para(doc, 2), &plain = para(doc, 3);
  CHECK(one.style.same(two.style));
  CHECK(one.style.same(plain.style));
  CHECK_FALSE(one.style.same(note.style));
  CHECK(note.style->size == 7);
  CHECK(one.style->size == 10);
  // The heading's style keeps it with what follows: changed once, shared.
  CHECK(para(doc, 4).style.same(para(doc, 5).style));
  CHECK(para(doc, 4).style->keep_with_next);

  REQUIRE(one.runs.size() == 3);
  REQUIRE(two.runs.size() == 3);
  CHECK(one.runs[0].style.same(two.runs[0].style));  // the paragraph's own
  CHECK(one.runs[0].style.same(one.runs[2].style));
  CHECK(one.runs[0].style.same(plain.runs[0].style));
  CHECK(one.runs[1].style.same(two.runs[1].style));  // **bold**
  CHECK_FALSE(one.runs[0].style.same(one.runs[1].style));
  CHECK(one.runs[1].style->bold);
  CHECK_FALSE(one.runs[0].style->bold);
  CHECK_FALSE(one.runs[0].style.same(note.runs[0].style));
  CHECK(note.runs[0].style->size == 7);
}

TEST_CASE("a shared style changed through one holder leaves the others as they were") {
  const StyledDoc doc = styled({paragraph("First."), paragraph("Second.")}, shared_styles_layout());
  Paragraph changed = para(doc, 0);
  REQUIRE(changed.style.same(para(doc, 1).style));
  changed.style.edit().size = 20;
  changed.runs[0].style.edit().bold = true;
  CHECK(changed.style->size == 20);
  CHECK(para(doc, 0).style->size == 10);
  CHECK(para(doc, 1).style->size == 10);
  CHECK_FALSE(para(doc, 0).runs[0].style->bold);
  // Its own copy now: changed again in place, not copied again.
  const ParaStyle* own = &*changed.style;
  changed.style.edit().leading = 30;
  CHECK(&*changed.style == own);
  // A default style is the process's one, never changed in place.
  Run fresh;
  fresh.style.edit().size = 3;
  CHECK(Run{}.style->size == 10);
}
