// load/: reads the content and layout descriptors into the typed model,
// validating every key and value (docs/format.md is the user contract).
// All problems are collected in `diags`, each file's in file order (at most
// 100 and a count); the result is empty when any of them is an error.
// Hostile files (huge, deep, aliased, not UTF-8, not YAML) are refused with
// a diagnostic before yaml-cpp can crash, hang or exhaust memory on them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/inside_root.h"
#include "diag/diagnostic.h"
#include "model/document.h"
#include "model/layout.h"
// Shared with the other readers of YAML and user text (cli data files,
// `--set` values, serve's configuration):
#include "detail/suggest.h"      // did_you_mean()
#include "detail/yaml_source.h"  // read_yaml(), SourceText, find_bad_byte()

namespace galley::load {

// Where a load may read. With a `root` (absolute, after symlinks: see
// root_folder()), the descriptor and every file it names must resolve
// inside that folder after symlinks, or it is an error at the naming line;
// the paths kept in the model are then the resolved ones. Empty: anywhere
// (the command line's default; `galley serve` confines each template to
// its folder).
struct Options {
  std::string root;
  // A `markdown: {file: ...}` block is converted at load to check it and
  // report its problems, then kept as one block that stands for what it
  // makes (model::DeferredBlocks), converted again when resolve/ reaches
  // it: for a build that resolves its model once, which then never holds
  // a long report's text whole. Other loads keep the blocks.
  bool defer_markdown = false;
};

std::optional<model::Document> load_document(const std::string& path, Diagnostics& diags,
                                             const Options& opts = {});
std::optional<model::Layout> load_layout(const std::string& path, Diagnostics& diags,
                                         const Options& opts = {});

// `folder` made absolute and resolved through symlinks, for Options::root;
// nothing when it is not an existing folder.
std::optional<std::string> root_folder(const std::string& folder);

// `path` resolved through symlinks when that is inside `root` (base/inside_root.h).
using base::inside_root;

// For files named outside a descriptor (the command line's content, layout
// and data file): true when `root` is empty or `path` is inside it, else
// reports "`path`: error: the `what` is outside the root folder".
bool check_inside_root(const std::string& path, const std::string& root, std::string_view what,
                       Diagnostics& diags);

// The two descriptors of one build.
struct Descriptors {
  std::optional<model::Document> doc;
  std::optional<model::Layout> layout;
};

// Loads the content and its layout (`layout_path`, else the content's
// `layout:`), each in full even when either has errors, and cross-checks
// them, so that one run reports the problems of both files. With errors the
// models still hold every value that could be read (a wrong one at its
// default), for the checks of later stages (resolve's styles and
// variables); a model is missing only when its file could not be read at
// all. Diagnostics are added to `found` unsorted: report them with
// append_in_file_order.
Descriptors load_descriptors(const std::string& content_path, const std::string& layout_path, Diagnostics& found,
                             const Options& opts = {});

// Adds `from` to `to` sorted by file (those of `files` first, in that
// order, then the others as they first appear), then line and column
// (file-wide problems first), so a user reads each file top to bottom
// whatever order the checks ran in; past the first 100 of a file, one line
// says how many more there are.
void append_in_file_order(const Diagnostics& from, Diagnostics& to, const std::vector<std::string>& files = {});

// Checks that the content's references (styles, flows used by the layout's
// frames) exist in the layout. Reported at the referring value.
void cross_check(const model::Document& doc, const model::Layout& layout, Diagnostics& diags);

}  // namespace galley::load
