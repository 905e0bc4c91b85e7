// Master decoration of a finished page: background (into the bleed), fixed
// elements, header and footer. Drawn under the flows' content, after the
// page count is known so `{{page}}` and `{{pages}}` resolve.
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
// master text are added to the page. `expansion` is shared by the master
// text of all the document's pages (resolve::ExpandOptions::document).
std::vector<Item> master_items(const model::Master& master, const model::Layout& layout,
                               const resolve::StyledDoc& doc, int page_index, int page_count,
                               const text::FontBook& fonts, Page& page, resolve::Expansion& expansion, Diagnostics& diags);

}  // namespace galley::layout
