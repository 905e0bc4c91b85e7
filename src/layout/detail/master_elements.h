// Master decoration of a finished page: background (into the bleed), fixed
// elements, header and footer. Drawn under the flows' content, after the
// pages are known, so the slots of master text (`{{page}}`, `{{pages}}`,
// the running heads) can be filled.
#pragma once
#include <map>
#include <string>

#include "layout/page.h"
#include "model/layout.h"
#include "resolve/resolve.h"
#include "resolve/styled.h"
#include "text/text.h"

namespace galley::layout {

// Returns the items to paint before the page's own items; links from
// master text are added to the page. `texts`: the master's templates
// (resolve::StyledDoc::master_text), filled with this page's `values`.
std::vector<Item> master_items(const model::Master& master, const model::Layout& layout,
                               const std::vector<resolve::TextTemplate>& texts,
                               const resolve::TextTemplate::Values& values, const text::FontBook& fonts,
                               Page& page, Diagnostics& diags);

}  // namespace galley::layout
