// `markdown:` blocks: Markdown text (inline, or a file) converted with cmark
// into galley's own blocks, which the layout then styles like any others.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/document.h"

namespace galley::load {

// Where the Markdown text sits, to turn cmark's line:column into the
// author's: `file` is a .md file (lines and columns are its own), or the
// YAML file holding the text, whose first line is at `first` and whose
// further lines (a `|` block scalar) start at column `indent` + 1.
struct MarkdownOrigin {
  std::string file;
  SourceLoc first;
  int indent = 0;
  bool own_file = false;
};

// An image's path as written, at `at` → the absolute path, or nothing
// (reported).
using ImagePath = std::function<std::optional<std::string>(const std::string&, const SourceLoc&)>;

// Headings (levels past 4 set as 4), paragraphs, lists (nested, ordered),
// block quotes, code blocks and images alone in a paragraph become blocks;
// inline markup stays as galley's inline markup. What galley cannot set (HTML,
// thematic breaks, tables, images inside text) is a warning at its place.
std::vector<model::Block> markdown_blocks(const std::string& text, const MarkdownOrigin& origin,
                                          const ImagePath& image_path, Diagnostics& diags);

// The same blocks, each handed to `take` as soon as it is made instead of
// collected. Without `text`, a check: the same blocks and problems, but
// the blocks' text left empty.
using BlockSink = std::function<void(model::Block&&)>;
void markdown_blocks(const std::string& text, const MarkdownOrigin& origin, const ImagePath& image_path,
                     Diagnostics& diags, const BlockSink& take, bool with_text = true);

}  // namespace galley::load
