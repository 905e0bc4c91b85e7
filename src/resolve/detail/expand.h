// The {{name}} expander behind substitute(), make_variables() and the text
// runs of inline markup.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "resolve/styled.h"

namespace galley::resolve {

// Stands for an escaped `\{{` while markup is parsed (cmark would eat the
// backslash). U+FDD0 is a noncharacter, never meant to appear in text.
inline constexpr std::string_view kLiteralBraces = "\xEF\xB7\x90";

// What variables may add to one document's flows in all, and again to its
// master text: each text may expand to 1 MiB, and a 20 KB file naming a
// 1 MiB variable a thousand times (or in a header of a thousand pages) must
// not cost what laying out a gigabyte costs (some 45 bytes of memory a byte).
inline constexpr size_t kMaxDocumentExpansion = size_t{2} << 20;

// What the expansions of one document share: the bytes variables may still
// add to it, and the sizes of its variables, each counted once for all its
// texts so that sizing stays linear in the variables. Name → (bytes, the
// depth it was counted from: counts from deeper are cut sooner).
struct Expansion {
  size_t budget = kMaxDocumentExpansion;
  std::string root;  // images inside text must be in this folder (model::Document::root)
  std::map<std::string, std::pair<size_t, int>> sizes;
  // Variable references met so far (any, found or not): a text during
  // which this did not grow reads no variable (resolve::FixedBlocks).
  size_t references = 0;
};

struct ExpandOptions {
  // The text as the author wrote it, to point an error at its `{{` (only for
  // one-line scalars, where loc.col + offset is the column); empty: `text`.
  std::string_view origin;
  // Keep `\{{` escaped in the output (values that will be expanded again).
  bool keep_escapes = false;
  // The variable whose value `text` is, so a cycle back to it is named.
  std::string self;
  // Problems already reported for this text, when it is expanded in pieces
  // (the runs of one paragraph): each is reported once, and only so many.
  std::set<std::string>* reported = nullptr;
  // The document this text belongs to: its budget is lowered by what the
  // text adds. Null: the text has a budget of its own (1 MiB) only.
  Expansion* document = nullptr;
};

// Replaces every {{name}} in `text` by its value, expanding {{...}} inside
// values too (a cycle, nesting deeper than 16 or a result over 1 MiB is an
// error). `\{{` and kLiteralBraces become a literal `{{`. Every problem is
// reported once, at `loc`.
std::string expand(std::string_view text, const Variables& vars, const SourceLoc& loc,
                   Diagnostics& diags, const ExpandOptions& opts = {});

// Whether `text` holds a `{{` that is not escaped.
bool has_reference(std::string_view text);

}  // namespace galley::resolve
