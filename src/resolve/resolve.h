// resolve/: variables, the style cascade and inline markup.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "resolve/styled.h"

namespace galley::resolve {

// meta.* and variables.* from the document, then `--set` overrides (later
// wins). Plain names are variables ("recipient"); "meta.title" etc. too.
Variables make_variables(const model::Document& doc,
                         const std::vector<std::pair<std::string, std::string>>& overrides);

// Flattens every style (an unknown or cyclic `base:` is an error), then
// styles every block of every flow. `{{page}}` and `{{pages}}` are not known
// yet: in flows they are an error; master text is resolved by layout with
// resolve_text().
std::optional<StyledDoc> resolve(const model::Document& doc, const model::Layout& layout,
                                 const Variables& vars, Diagnostics& diags);

// One piece of descriptor text (markup and {{vars}}) as a paragraph in
// `style`. `vars` may include "page" and "pages".
Paragraph resolve_text(const model::Text& text, const ParaStyle& style, const Variables& vars,
                       Diagnostics& diags);

// Substitutes {{name}} only (no markup). Undefined names are errors at `loc`.
std::string substitute(const std::string& text, const SourceLoc& loc, const Variables& vars,
                       Diagnostics& diags);

}  // namespace galley::resolve
