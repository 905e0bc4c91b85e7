// resolve/: variables, the style cascade and inline markup.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "detail/prepared.h"
#include "resolve/styled.h"
#include "detail/cascade.h"  // Cascade: `galley styles`, master text
#include "detail/expand.h"   // Expansion: master text variables
#include "detail/link_check.h"  // check_link(): layout/ checks the links master text fills in

namespace galley::resolve {

struct Expansion;  // resolve/detail/expand.h

// meta.* and variables.* from the document, then `--set` overrides (later
// wins). Plain names are variables ("recipient"); "meta.title" etc. too.
// An override named "x" or "variables.x" sets both. meta.keywords is
// comma-joined. Values that refer to other values ("{{meta.title}}") come
// back expanded; one that cannot be (a cycle, an undefined name, {{page}})
// stays as written, and resolve() or its use reports why.
Variables make_variables(const model::Document& doc,
                         const std::vector<std::pair<std::string, std::string>>& overrides);

// The blocks of one document that no variable reaches, kept from one of
// its builds for the next (the rows of a batch, the requests of `galley
// serve`): a block whose text names no variable, and whose resolving
// reported nothing and cut no footnote reference, comes out the same
// whatever the variables, so it is copied instead of resolved again.
// Indexed by the model's flow and block; null where a block is resolved
// each time. Immutable once made, so builds on any thread share one.
struct FixedBlocks {
  std::vector<std::vector<std::shared_ptr<const Block>>> flows;
  const Block* at(size_t flow, size_t block) const {
    return flow < flows.size() && block < flows[flow].size() ? flows[flow][block].get() : nullptr;
  }
};

// Flattens every style (an unknown or cyclic `base:` is an error), then
// styles every block of every flow and the master text (master_text()).
// `{{page}}`, `{{pages}}` and the running heads are not known yet: in flows
// they are an error; in master text they are slots layout/ fills. A block without `style:` takes its kind's default style
// (title, h1..h4, body, list, quote + quote-by, callout, caption, table +
// th/td, toc, chart) when the layout defines it, else `body` (bold and larger for
// titles, headings and th), else built-in defaults. Empty on any error.
// `prepared`, made for the same `doc` and `layout`, saves rebuilding the
// cascade and reparsing markup; the result and diagnostics are the same.
// `reuse`, made by an earlier resolve() of the same `doc` and `layout` into
// `record`, saves resolving its blocks again; each block that reads no
// variable comes out with Block::fixed set.
std::optional<StyledDoc> resolve(const model::Document& doc, const model::Layout& layout,
                                 const Variables& vars, Diagnostics& diags,
                                 const Prepared* prepared = nullptr, const FixedBlocks* reuse = nullptr,
                                 FixedBlocks* record = nullptr);

// resolve() that goes on past errors: every problem reported, and the
// document as far as it resolved (an unknown style as its kind's default,
// an undefined variable empty, a missing image left out). For finding
// what only later stages find (the files text names, overset text) in a
// document that already has errors; never for printing.
StyledDoc resolve_all(const model::Document& doc, const model::Layout& layout, const Variables& vars,
                      Diagnostics& diags, const Prepared* prepared = nullptr, const FixedBlocks* reuse = nullptr,
                      FixedBlocks* record = nullptr);

// How much of a document's Markdown text resolve_freeing() hands on whole:
// resolving it again as layout reaches it costs a report about 6 % more
// instructions, worth paying only where the text is large enough for its
// memory to matter (a 10,000-page report's is about 40 MB; a 1,000-page
// one's stays under this).
constexpr size_t kWholeTextBytes = size_t{4} << 20;

// resolve_all() for a build that reads the model once: each block of
// `doc`'s flows is freed as soon as it is resolved (its flows are left
// empty; the rest of it stays), so a long report's model and its styled
// text are never both whole. Past `whole_text_bytes` of Markdown text, a
// file's paragraphs are handed on without their text, resolved again as
// layout reaches them (Flow::pending).
StyledDoc resolve_freeing(model::Document& doc, const model::Layout& layout, const Variables& vars,
                          Diagnostics& diags, const Prepared* prepared = nullptr,
                          size_t whole_text_bytes = kWholeTextBytes);

// The text elements, headers and footers of every master the layout's
// sequence names, as templates (StyledDoc::master_text), each in its style
// from `styles` (StyledDoc::styles; `body` when it names none). Each
// problem is reported once. Images inside the text must be in `root`
// (model::Document::root) when it is not empty.
std::map<std::string, std::vector<TextTemplate>> master_text(const model::Layout& layout,
                                                              const std::map<std::string, ParaStyle>& styles,
                                                              const Variables& vars, Diagnostics& diags,
                                                              const Cascade* cascade = nullptr,
                                                              MarkupCache* cache = nullptr,
                                                              const std::string& root = {});

// One piece of descriptor text (markup and {{vars}}) as a paragraph in
// `style`. Character styles (strong, emphasis, code, link) come from
// `cascade`, or take their built-in effects without one. With a `cache`
// the markup is parsed once per text. `expansion`: ExpandOptions::document.
Paragraph resolve_text(const model::Text& text, const ParaStyle& style, const Variables& vars,
                       Diagnostics& diags, const Cascade* cascade = nullptr, MarkupCache* cache = nullptr,
                       Expansion* expansion = nullptr);

// Substitutes {{name}} only (no markup); `{{ name }}` may have spaces and
// values are expanded recursively (a cycle is an error). Undefined names,
// {{page}} without a value and an unterminated `{{` are errors at `loc`
// (plus the column of the `{{` when the text is one line). `\{{` is a
// literal `{{`.
std::string substitute(const std::string& text, const SourceLoc& loc, const Variables& vars,
                       Diagnostics& diags);

}  // namespace galley::resolve
