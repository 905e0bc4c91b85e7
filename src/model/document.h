// model::Document: the content descriptor, typed. Produced by load/, read by
// resolve/. Paths are already resolved relative to the descriptor.
#pragma once
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_format.h"
#include "model/chart.h"
#include "model/data_table.h"
#include "model/values.h"

namespace galley::model {

struct Meta {
  Text title, subtitle, author, subject;
  std::vector<Text> keywords;
  std::string language = "en-US";
  std::string date;  // ISO 8601 date (YYYY-MM-DD) or empty
  SourceLoc loc;
};

struct ListItem {
  Text text;
  std::vector<ListItem> children;  // nested list
  bool children_ordered = false;
};

enum class BlockKind { Title, Heading, Paragraph, List, Image, Table, Quote, Callout, Qr, Toc, Break, Chart };
enum class Fit { Contain, Cover, Fill };
enum class BreakKind { Page, Column, Frame };
// Where a block narrower than its column sits in it (images, QR codes).
enum class HAlign { Left, Center, Right };

// A table column's width: from its content (`auto`), a length or a
// percentage of the table, or a share (`2fr`) of what those leave.
struct ColumnWidth {
  enum class Kind { Auto, Fixed, Share };
  Kind kind = Kind::Auto;
  Length length;     // Fixed
  double share = 0;  // Share
  SourceLoc loc;
};

enum class ColumnAlign { Auto, Left, Center, Right, Decimal };

// One column of a table made from data: which field, under what title,
// aligned and written how.
struct DataColumn {
  size_t field = 0;  // index into DataTable::fields
  Text title;        // the header; the field's name unless renamed
  bool renamed = false;  // `title` is the author's (markup and variables), not the field's name
  ColumnAlign align = ColumnAlign::Auto;  // Auto: right when every value is a number
  CellFormat format;
  SourceLoc loc;
};

class DeferredBlocks;

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  SourceLoc loc;
  std::string style;  // empty: the kind's default style
  SourceLoc style_loc;
  std::string id;     // link target
  std::optional<bool> keep_with_next;
  bool span_all = false;  // `span: all`: across every column of a multi-column frame

  Text text;          // title, heading, paragraph, quote, callout
  int level = 1;      // heading: 1..4
  std::optional<bool> in_toc;  // heading: unset lists it, unless it titles a toc

  bool ordered = false;          // list
  std::vector<ListItem> items;   // list

  std::string src;    // image: absolute path
  Text caption;       // image, qr
  std::string alt;    // image
  bool decorative = false;  // image: an artifact, not content (tagged PDF)
  std::optional<Length> width;  // image
  Fit fit = Fit::Contain;       // image
  std::optional<Length> height;  // image: the box's height (the picture cropped to it unless fit says otherwise)
  double focus_x = 0.5, focus_y = 0.5;  // image: the point kept in view when cropped, fractions of its size
  std::optional<HAlign> align;  // image (default centre), qr (default left): left, center or right in the column
  int page = 1;                      // image: the page of a PDF
  std::vector<Recolor> recolor;      // image: a vector graphic's colours

  std::vector<Text> columns;             // table header
  std::vector<std::vector<Text>> rows;   // table body
  std::vector<ColumnWidth> column_widths;  // table: empty = automatic
  std::vector<ColumnAlign> column_aligns;  // table from Markdown: `:--:` per column; empty or Auto = the style's
  std::shared_ptr<const DataTable> table_data;  // table: rows from a data file, else null
  std::vector<DataColumn> data_columns;   // table with data: the columns shown, in order
  bool header_repeat = true;             // table
  bool row_headers = false;              // table: the first cell of each row heads it

  Text by;            // quote attribution

  std::string data;   // qr payload
  std::optional<Length> size;  // qr

  BreakKind break_kind = BreakKind::Page;

  std::shared_ptr<const Chart> chart;  // chart

  // Not null: this block stands for the blocks `deferred` makes when
  // resolve/ reaches it (load::Options::defer_markdown); its other members
  // are unset but for `loc`.
  std::shared_ptr<const DeferredBlocks> deferred;
};

// Blocks made again where they are needed instead of held from load on: a
// Markdown file's, which load/ converts once to check and report on, keeping
// only this record, and once more, the same, when resolve/ reaches them. A
// long report's model is then never whole (docs/architecture.md).
class DeferredBlocks {
 public:
  virtual ~DeferredBlocks() = default;
  // Hands each block to `take` as soon as it is made, as load/ made them
  // the first time. Their problems were reported then; a file changed
  // since is an error in `diags` (and no blocks).
  virtual void each(Diagnostics& diags, const std::function<void(Block&&)>& take) const = 0;

  std::string file;                // where they are read from
  size_t count = 0;                // how many blocks blocks() makes
  std::vector<Block> file_blocks;  // copies of those of them that name a file (images)
};

struct Flow {
  std::string name;
  SourceLoc loc;
  // A deque, not a vector: resolve::resolve_freeing() frees each block as
  // it is resolved (pop_front), so a long report's model and styled text
  // are never both whole; and it grows without a vector's spare capacity
  // (a Block is about 940 bytes).
  std::deque<Block> blocks;
};

// Calls f(block) for each block of `flow` that may name a file, those a
// deferred block stands for included.
template <class F>
void for_each_file_block(const Flow& flow, F&& f) {
  for (const Block& b : flow.blocks) {
    if (!b.deferred) f(b);
    else
      for (const Block& named : b.deferred->file_blocks) f(named);
  }
}

// A note of the top-level `notes:` map, referenced in text as `[^id]`.
struct NoteDef {
  std::string id;
  SourceLoc id_loc;  // the key, where an unused note is reported
  Text text;
};

struct Document {
  std::string path;         // the content file as given
  // Resolved against the content file's folder and kept as relative as the
  // content path was (so diagnostics read well); empty when none is named.
  std::string layout_path;
  SourceLoc layout_loc;
  Meta meta;
  std::map<std::string, Text> variables;  // defaults; --set overrides
  std::vector<Flow> flows;                // in file order
  std::vector<NoteDef> notes;             // `notes:`, in file order
  // The folder every file it names must be inside (load::Options::root),
  // for the images inside text that resolve/ finds; empty: anywhere.
  std::string root;
};

}  // namespace galley::model
