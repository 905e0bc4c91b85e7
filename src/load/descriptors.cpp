// load_descriptors: both files of a build, loaded in full and cross-checked
// whatever errors either has, so one run reports them all.
#include "load/load.h"

#include <filesystem>
#include <fstream>
#include <future>

#include "base/inside_root.h"
#include "detail/reader.h"
#include "detail/yaml_source.h"

namespace galley::load {
namespace {

namespace fs = std::filesystem;

// The layout a content file that did not load names on a line of its own
// (`layout: PATH`, at the top level, quoted or not), so the layout's
// problems come in the same run as the content's YAML mistake; "" when no
// such line names a file. Only a regular file within the descriptor size
// limit is read (a FIFO would block).
std::string layout_named_in(const std::string& content_path) {
  std::error_code ec;
  if (!fs::is_regular_file(content_path, ec) || fs::file_size(content_path, ec) > kMaxFileBytes || ec)
    return {};
  std::ifstream in(content_path, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("layout:", 0) != 0) continue;
    std::string v = line.substr(7);
    if (const size_t comment = v.find(" #"); comment != std::string::npos) v.erase(comment);
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!v.empty() && space(v.back())) v.pop_back();
    while (!v.empty() && space(v.front())) v.erase(0, 1);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    if (v.empty()) return {};
    const fs::path given(v);
    const fs::path path =
        given.is_absolute() ? given.lexically_normal() : (fs::path(content_path).parent_path() / given).lexically_normal();
    return fs::is_regular_file(path, ec) ? path.string() : std::string();
  }
  return {};
}

}  // namespace

Descriptors load_descriptors(const std::string& content_path, const std::string& layout_path, Diagnostics& found,
                             const Options& opts) {
  Descriptors d;
  // The layout the build will read, parsed on a second thread while the
  // content is: the two parses were a cold build's whole load, one after
  // the other. The guess is the --layout given or the content's own
  // `layout:` line; it is kept only if it is the path the loaded content
  // names, and its findings then follow the content's as before.
  const bool may_read_content = opts.root.empty() || base::inside_root(content_path, opts.root);
  const std::string guess = !layout_path.empty() ? layout_path : may_read_content ? layout_named_in(content_path) : "";
  struct Early {
    std::optional<model::Layout> layout;
    Diagnostics found;
  };
  std::future<Early> early;
  if (!guess.empty())
    early = std::async(std::launch::async, [&guess, &opts] {
      Early e;
      e.layout = read_layout(guess, e.found, opts);
      return e;
    });
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
  // A content file outside the root folder is not read, not even for this.
  if (lpath.empty() && !d.doc && may_read_content) lpath = guess;
  if (early.valid()) {
    Early e = early.get();
    if (lpath == guess) {
      d.layout = std::move(e.layout);
      found.append(e.found);
      lpath.clear();
    }
  }
  if (!lpath.empty()) d.layout = read_layout(lpath, found, opts);
  if (d.doc && d.layout) cross_check(*d.doc, *d.layout, found);
  return d;
}

}  // namespace galley::load
