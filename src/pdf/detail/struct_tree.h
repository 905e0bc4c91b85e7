// The structure tree of a tagged PDF (PDF 32000-1 §14.7-14.8): a Document
// element holding the display list's structure elements in their order,
// each with its marked content (MCIDs the page writer gave out) and link
// annotations (OBJR), the parent tree that maps both back, and the
// catalog's /MarkInfo, /StructTreeRoot and /ViewerPreferences.
#pragma once
#include <vector>

#include "layout/page.h"
#include "hpdf_objects.h"
#include "navigation.h"
#include "page_writer.h"

namespace galley::pdf {

// `pages[i]` is list.pages[i]'s page object and `tags[i]` what its writer
// returned (the MCIDs and figure boxes); `links` the annotations written,
// whose /StructParent keys follow the pages'.
bool write_struct_tree(hpdf::Writer& w, const layout::DisplayList& list, const std::vector<Ref>& pages,
                       const std::vector<PageResult>& tags, const std::vector<LinkAnnotation>& links);

}  // namespace galley::pdf
