// model::Document: the content descriptor, typed. Produced by load/, read by
// resolve/. Paths are already resolved relative to the descriptor.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/chart.h"
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

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  SourceLoc loc;
  std::string style;  // empty: the kind's default style
  SourceLoc style_loc;
  std::string id;     // link target
  std::optional<bool> keep_with_next;

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

  std::vector<Text> columns;             // table header
  std::vector<std::vector<Text>> rows;   // table body
  std::vector<Length> column_widths;     // table: empty = automatic
  bool header_repeat = true;             // table
  bool row_headers = false;              // table: the first cell of each row heads it

  Text by;            // quote attribution

  std::string data;   // qr payload
  std::optional<Length> size;  // qr

  BreakKind break_kind = BreakKind::Page;

  std::shared_ptr<const Chart> chart;  // chart
};

struct Flow {
  std::string name;
  SourceLoc loc;
  std::vector<Block> blocks;
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
};

}  // namespace galley::model
