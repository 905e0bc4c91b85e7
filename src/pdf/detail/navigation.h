// Navigation: named destinations (a /Dests name tree, sorted, so output is
// stable), link annotations (URI and internal), the outline (bookmarks,
// nested by level) and /PageLabels.
#pragma once
#include <vector>

#include "diag/diagnostic.h"
#include "layout/page.h"
#include "hpdf_objects.h"

namespace galley::pdf {

// A link annotation written, for the structure tree.
struct LinkAnnotation {
  Ref ref;
  size_t page = 0;
  const layout::Link* link = nullptr;
};

// `pages[i]` is the page object of list.pages[i] (written pages, in order).
// With `annotations`, each link annotation gets /Contents and the
// /StructParent key pages.size() + its rank, and is listed there.
bool write_navigation(hpdf::Writer& writer, const layout::DisplayList& list,
                      const std::vector<Ref>& pages, Diagnostics& diags,
                      std::vector<LinkAnnotation>* annotations = nullptr);

// The /PageLabels number tree for the labels (numeric runs as /S /D with a
// start, anything else as a prefix); an empty Dict when no page has a label.
Dict page_labels(const std::vector<std::string>& labels);

}  // namespace galley::pdf
