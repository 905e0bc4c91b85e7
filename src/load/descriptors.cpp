// load_descriptors: both files of a build, loaded in full and cross-checked
// whatever errors either has, so one run reports them all.
#include "load/load.h"
#include "detail/reader.h"

namespace galley::load {

Descriptors load_descriptors(const std::string& content_path, const std::string& layout_path, Diagnostics& found,
                             const Options& opts) {
  Descriptors d;
  d.doc = read_document(content_path, found, opts);
  std::string lpath = layout_path;
  if (lpath.empty() && d.doc) {
    lpath = d.doc->layout_path;
    // A `layout:` that is wrong was reported; "no layout" would repeat it.
    // Said only of a content without errors of its own: a file-wide line
    // sorts first and would hide the content's own first problem.
    if (lpath.empty() && d.doc->layout_loc.line == 0 && !found.has_errors())
      found.error({content_path, 0, 0}, "no layout: name one with 'layout:' or --layout");
  }
  if (!lpath.empty()) d.layout = read_layout(lpath, found, opts);
  if (d.doc && d.layout) cross_check(*d.doc, *d.layout, found);
  return d;
}

}  // namespace galley::load
