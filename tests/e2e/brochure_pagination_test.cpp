// The pagination rules on the real sample brochure, read from its display
// list: every line is put in the frame column it sits in and tied to the
// block it came from by its source location (file:line:col of the text).
// The sample as it is breaks its columns cleanly even with the rules turned
// off in its layout, so the rules are also checked with the inside frame
// made shorter, which moves the column feet onto headings and paragraphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "cli/cli.h"
#include "resolve/resolve.h"

// A named namespace keeps `using namespace galley` from the other e2e files,
// which call e2e::galley(), when the suite is compiled as one unity file.
namespace pagination_test {

using namespace galley;

namespace {

std::string key(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// What a source location belongs to: the block's place in its flow, and
// whether its lines are paragraph text (widows and orphans apply).
struct Owner {
  std::string flow;
  int block = 0;
  model::BlockKind kind = model::BlockKind::Paragraph;
  bool paragraph_text = false;
};

using Owners = std::map<std::string, Owner>;

void own(Owners& owners, const SourceLoc& loc, const Owner& owner) {
  if (!loc.file.empty()) owners[key(loc)] = owner;
}

void own_items(const std::vector<model::ListItem>& items, const Owner& list, Owners& owners) {
  for (const auto& item : items) {
    own(owners, item.text.loc, {list.flow, list.block, list.kind, true});
    own_items(item.children, list, owners);
  }
}

Owners owners_of(const model::Document& doc) {
  Owners owners;
  for (const auto& flow : doc.flows) {
    for (size_t b = 0; b < flow.blocks.size(); ++b) {
      const auto& block = flow.blocks[b];
      const Owner owner{flow.name, static_cast<int>(b), block.kind, false};
      own(owners, block.loc, owner);
      own(owners, block.caption.loc, owner);
      const bool running_text = block.kind == model::BlockKind::Paragraph || block.kind == model::BlockKind::Quote;
      own(owners, block.text.loc, {flow.name, owner.block, block.kind, running_text});
      own_items(block.items, owner, owners);
      own(owners, block.by.loc, owner);
      for (const auto& cell : block.columns) own(owners, cell.loc, owner);
      for (const auto& row : block.rows)
        for (const auto& cell : row) own(owners, cell.loc, owner);
    }
  }
  return owners;
}

// One line of a block, or an image, in one column of one frame.
struct Entry {
  int page = 0, column = 0;  // column: counted over the page's frames
  double y = 0;              // baseline, or an image's top
  std::string unit;          // source location of the text (a paragraph, a list item)
  Owner owner;
  bool text = true;
};

struct Column {
  double x0, x1, y0, y1;
};

std::vector<Column> columns_of(const model::Master& master, const layout::Page& page) {
  std::vector<Column> out;
  for (const auto& f : master.frames) {
    const double x = f.x.resolve(page.trim.w) + f.padding, y = f.y.resolve(page.trim.h) + f.padding;
    const double w = f.width.resolve(page.trim.w) - 2 * f.padding, h = f.height.resolve(page.trim.h) - 2 * f.padding;
    const double cw = (w - f.gutter * (f.columns - 1)) / f.columns;
    for (int c = 0; c < f.columns; ++c) out.push_back({x + c * (cw + f.gutter), x + c * (cw + f.gutter) + cw, y, y + h});
  }
  return out;
}

int column_at(const std::vector<Column>& cols, double x, double y) {
  constexpr double kSlack = 1;  // rounding, hanging punctuation, descenders
  for (size_t c = 0; c < cols.size(); ++c) {
    if (x >= cols[c].x0 - kSlack && x <= cols[c].x1 + kSlack && y >= cols[c].y0 - kSlack && y <= cols[c].y1 + kSlack)
      return static_cast<int>(c);
  }
  return -1;
}

using Entries = std::vector<Entry>;  // page, column, then top to bottom

Entries entries(const cli::Session& s, const layout::DisplayList& list) {
  const auto owners = owners_of(s.doc);
  Entries out;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    const layout::Page& page = list.pages[p];
    const auto cols = columns_of(s.layout.masters.at(page.master), page);
    std::map<std::tuple<int, long, std::string>, Entry> lines;  // column, baseline, unit
    for (const auto& item : page.items) {
      Entry e;
      e.page = static_cast<int>(p);
      SourceLoc loc;
      if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
        e.column = column_at(cols, run->x, run->y);
        e.y = run->y;
        loc = run->loc;
      } else if (const auto* image = std::get_if<layout::Image>(&item)) {
        e.column = column_at(cols, image->clip_x, image->clip_y);
        e.y = image->clip_y;
        e.text = false;
        loc = image->loc;
      } else {
        continue;
      }
      const auto owner = owners.find(key(loc));
      if (e.column < 0 || owner == owners.end()) continue;
      e.unit = key(loc);
      e.owner = owner->second;
      lines.emplace(std::tuple{e.column, std::lround(e.y * 100), e.unit}, e);
    }
    for (auto& [at, e] : lines) out.push_back(e);
  }
  return out;
}

cli::Session& session() {
  static cli::Session s = [] {
    Diagnostics d;
    auto opened = cli::Session::open("content/mayo-ir-residency.yaml", "layouts/brochure-letter.yaml", false, d);
    for (const auto& diag : d.all()) MESSAGE(format(diag));
    REQUIRE(opened);
    return std::move(*opened);
  }();
  return s;
}

// The sample as it is (`shorter` 0), or with the inside pages' text frame
// `shorter` points less tall, so that column feet fall on other lines and the
// rules are tried in more places than the one layout the sample happens to
// have.
struct Brochure {
  layout::DisplayList list;
  Entries entries;
};

const Brochure& brochure(double shorter = 0) {
  static std::map<double, Brochure> built;
  if (auto it = built.find(shorter); it != built.end()) return it->second;
  cli::Session& s = session();
  model::Length& height = s.layout.masters.at("inside").frames.at(0).height;
  const double original = height.value;
  height.value -= shorter;
  Diagnostics d;
  cli::BuildOptions opts;
  opts.write_pdf = false;
  auto result = cli::build(s, resolve::make_variables(s.doc, {}), opts, d);
  Brochure b;
  if (result.display) {
    b.list = std::move(*result.display);
    b.entries = entries(s, b.list);
  }
  height.value = original;
  for (const auto& diag : d.all()) MESSAGE(format(diag));
  REQUIRE(result.display);
  REQUIRE_FALSE(d.has_errors());
  return built.emplace(shorter, std::move(b)).first->second;
}

// 0 to 63pt shorter in steps of half a body line.
std::vector<double> shortenings() {
  std::vector<double> out;
  for (int k = 0; k <= 9; ++k) out.push_back(7.0 * k);
  return out;
}

std::string where(const Entry& e) {
  return "page " + std::to_string(e.page + 1) + ", column " + std::to_string(e.column + 1) + ", " + e.unit;
}

}  // namespace

TEST_CASE("brochure: a heading is followed in its column by the next block, two lines of it when it has them") {
  int headings = 0;
  for (double shorter : shortenings()) {
    const Entries& es = brochure(shorter).entries;
    for (size_t i = 0; i < es.size(); ++i) {
      const Entry& h = es[i];
      if (h.owner.kind != model::BlockKind::Heading) continue;
      if (i + 1 < es.size() && es[i + 1].unit == h.unit && es[i + 1].page == h.page && es[i + 1].column == h.column)
        continue;  // not the heading's last line
      ++headings;
      INFO("frame " << shorter << "pt shorter: " << where(h));
      const auto next_block = [&](const Entry& e) {
        return e.owner.flow == h.owner.flow && e.owner.block > h.owner.block;
      };
      const auto first = std::find_if(es.begin() + static_cast<long>(i) + 1, es.end(), next_block);
      REQUIRE(first != es.end());
      CHECK(first->page == h.page);
      CHECK(first->column == h.column);
      if (!first->text) continue;
      const auto of_unit = [&](const Entry& e) { return e.unit == first->unit; };
      const long total = std::count_if(es.begin(), es.end(), of_unit);
      const long here = std::count_if(es.begin(), es.end(), [&](const Entry& e) {
        return of_unit(e) && e.page == h.page && e.column == h.column;
      });
      CHECK(here >= std::min(2L, total));
    }
  }
  CHECK(headings >= 10 * static_cast<int>(shortenings().size()));
}

TEST_CASE("brochure: no paragraph or list item leaves one line alone at a column's foot or head") {
  int split = 0;
  for (double shorter : shortenings()) {
    std::map<std::string, std::vector<std::pair<std::string, int>>> parts;  // unit → (column, lines)
    for (const Entry& e : brochure(shorter).entries) {
      if (!e.owner.paragraph_text) continue;
      auto& p = parts[e.unit];
      const std::string column = "page " + std::to_string(e.page + 1) + " column " + std::to_string(e.column + 1);
      if (p.empty() || p.back().first != column) p.emplace_back(column, 0);
      ++p.back().second;
    }
    for (const auto& [unit, p] : parts) {
      if (p.size() < 2) continue;
      ++split;
      for (const auto& [column, lines] : p) {
        INFO("frame " << shorter << "pt shorter: " << unit << " on " << column);
        CHECK(lines >= 2);
      }
    }
  }
  MESSAGE(split << " paragraphs and list items split between columns");
  CHECK(split >= 10);  // the rule is tried, not vacuous
}

TEST_CASE("brochure: every inside page has its page number in the footer") {
  const cli::Session& s = session();
  const layout::DisplayList& list = brochure().list;
  int inside = 0;
  for (size_t p = 0; p < list.pages.size(); ++p) {
    const layout::Page& page = list.pages[p];
    const model::Master& master = s.layout.masters.at(page.master);
    if (!master.footer) continue;
    ++inside;
    double frames_end = 0;
    for (const auto& f : master.frames)
      frames_end = std::max(frames_end, f.y.resolve(page.trim.h) + f.height.resolve(page.trim.h));
    std::string footer;
    for (const auto& item : page.items) {
      const auto* run = std::get_if<layout::GlyphRun>(&item);
      if (!run || run->loc.file != master.footer->text.loc.file || run->loc.line != master.footer->text.loc.line)
        continue;
      CHECK(run->y > frames_end);
      for (const auto& c : run->clusters) footer += run->text_of(c);
    }
    INFO("page " << p + 1 << ": '" << footer << "'");
    CHECK(footer.ends_with(" \u00b7 " + std::to_string(p + 1)));
    CHECK(page.label == std::to_string(p + 1));
  }
  CHECK(inside >= 2);
}

}  // namespace pagination_test
