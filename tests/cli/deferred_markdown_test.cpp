// A Markdown file loaded with load::Options::defer_markdown is kept as one
// block that stands for it (model::DeferredBlocks) and converted again when
// resolve reaches it: the styled document is the one the eager load makes.
#include <doctest/doctest.h>

#include "load/load_fixture.h"
#include "load/load.h"
#include "layout/layout.h"
#include "resolve/resolve.h"
#include "text/text.h"

using namespace galley;

namespace {

std::string cover() { return std::string(GALLEY_SOURCE_DIR) + "/content/images/cover.png"; }

struct DeferredFiles {
  galley::testing::TempDir dir;
  std::string content, layout;
  DeferredFiles() {
    layout = dir.write("layout.yaml", galley::testing::minimal_layout());
    dir.write("a.md", "# Contents\n\nFirst *words* of a.\n\n![A cover](" + cover() + ")\n\n- one\n- two\n");
    dir.write("b.md", "## Later\n\nText of b, line 3.\n");
    content = dir.write("content.yaml",
                        "galley: 1\nlayout: layout.yaml\nmeta: {title: T}\nflows:\n  main:\n"
                        "    - markdown: {file: a.md}\n    - toc: {}\n    - paragraph: Between.\n"
                        "    - markdown: {file: b.md}\n");
  }
  std::optional<model::Document> load(bool defer, Diagnostics& diags) const {
    load::Options opts;
    opts.defer_markdown = defer;
    return load::load_document(content, diags, opts);
  }
};

std::string deferred_where(const SourceLoc& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col); }

}  // namespace

TEST_CASE("a deferred Markdown file is one block at load and the same blocks once resolved") {
  const DeferredFiles files;
  Diagnostics ld;
  const auto layout = load::load_layout(files.layout, ld);
  REQUIRE(layout);
  Diagnostics d1, d2;
  auto eager = files.load(false, d1);
  auto deferred = files.load(true, d2);
  REQUIRE(eager);
  REQUIRE(deferred);
  CHECK(galley::testing::lines(d1) == galley::testing::lines(d2));
  // a.md makes a heading, a paragraph, an image and a list; b.md a heading
  // and a paragraph.
  CHECK(eager->flows.at(0).blocks.size() == 8);
  const auto& kept = deferred->flows.at(0).blocks;
  REQUIRE(kept.size() == 4);
  REQUIRE(kept[0].deferred);
  CHECK(kept[0].deferred->count == 4);
  CHECK(kept[0].deferred->file.ends_with("/a.md"));
  // The image is kept for what checks files before resolve.
  REQUIRE(kept[0].deferred->file_blocks.size() == 1);
  CHECK(kept[0].deferred->file_blocks[0].src == eager->flows.at(0).blocks.at(2).src);
  std::vector<std::string> named;
  model::for_each_file_block(deferred->flows.at(0), [&](const model::Block& b) { named.push_back(b.src); });
  CHECK(named == std::vector<std::string>{eager->flows.at(0).blocks.at(2).src, "", ""});
  CHECK_FALSE(kept[1].deferred);
  REQUIRE(kept[3].deferred);
  CHECK(kept[3].deferred->count == 2);

  Diagnostics r1, r2;
  const resolve::StyledDoc a = resolve::resolve_all(*eager, *layout, resolve::make_variables(*eager, {}), r1);
  resolve::StyledDoc b = resolve::resolve_freeing(*deferred, *layout, resolve::make_variables(*deferred, {}), r2);
  CHECK(galley::testing::lines(r1) == galley::testing::lines(r2));
  CHECK(deferred->flows.at(0).blocks.empty());
  // The paragraphs' text as layout gets it (resolve::Flow::pending).
  b.flows.at(0).resolve_through(static_cast<size_t>(-1), r2);
  const auto& x = a.flows.at(0).blocks;
  const auto& y = b.flows.at(0).blocks;
  REQUIRE(x.size() == 8);
  REQUIRE(y.size() == x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    INFO("block " << i);
    CHECK(y[i].kind == x[i].kind);
    CHECK(deferred_where(y[i].loc) == deferred_where(x[i].loc));
    CHECK(y[i].in_toc == x[i].in_toc);
    CHECK(y[i].paras.size() == x[i].paras.size());
    CHECK(y[i].items.size() == x[i].items.size());
    CHECK(y[i].figure->src == x[i].figure->src);
    for (size_t p = 0; p < x[i].paras.size() && p < y[i].paras.size(); ++p) {
      CHECK(y[i].paras[p].plain_text() == x[i].paras[p].plain_text());
      CHECK(deferred_where(y[i].paras[p].loc) == deferred_where(x[i].paras[p].loc));
    }
  }
  // Located in their own files.
  CHECK(deferred_where(y[1].loc).ends_with("/a.md:3:1"));
  CHECK(deferred_where(y[6].loc).ends_with("/b.md:1:1"));
}

TEST_CASE("a deferred Markdown file changed before resolve reaches it is an error, not other blocks") {
  const DeferredFiles files;
  Diagnostics ld;
  const auto layout = load::load_layout(files.layout, ld);
  REQUIRE(layout);
  Diagnostics d;
  auto doc = files.load(true, d);
  REQUIRE(doc);
  files.dir.write("b.md", "## Later\n\nOther text of b.\n");
  Diagnostics r;
  const resolve::StyledDoc s = resolve::resolve_freeing(*doc, *layout, resolve::make_variables(*doc, {}), r);
  CHECK(r.has_errors());
  REQUIRE(r.all().size() == 1);
  const std::string said = galley::testing::first_line(r);
  CHECK(said.find("content.yaml:9:24: error: the Markdown file '") != std::string::npos);
  CHECK(said.ends_with("/b.md' changed during the build"));
  CHECK(s.flows.at(0).blocks.size() == 6);
}

namespace {

// The bytes of run text a flow's paragraphs, list items and cells hold,
// headings apart.
size_t held_text(const resolve::Flow& f) {
  size_t n = 0;
  const auto add = [&](const resolve::Paragraph& p) {
    for (const resolve::Run& r : p.runs) n += r.text.size();
  };
  for (const resolve::Block& b : f.blocks) {
    if (b.kind == model::BlockKind::Heading || b.kind == model::BlockKind::Title) continue;
    for (const auto& p : b.paras) add(p);
    for (const auto& item : b.items) add(item.para);
  }
  return n;
}

// `copies` Markdown files of `paragraphs` paragraphs each (a heading
// first), named in one flow; `extra` is appended to the flow.
struct PendingReport {
  galley::testing::TempDir dir;
  std::string content, layout;
  PendingReport(int copies, int paragraphs, const std::string& extra = "") {
    layout = dir.write("layout.yaml", galley::testing::minimal_layout());
    std::string doc = "galley: 1\nlayout: layout.yaml\nmeta: {title: T}\nflows:\n  main:\n";
    for (int c = 0; c < copies; ++c) {
      std::string md = "# Part " + std::to_string(c) + "\n\n";
      for (int p = 0; p < paragraphs; ++p)
        md += "Paragraph " + std::to_string(p) + " of part " + std::to_string(c) +
              ", with *some* words in **two** styles and a \"quote\", set across a line or two of the page.\n\n";
      md += "- an item\n- another item\n";
      const std::string name = "part" + std::to_string(c) + ".md";
      dir.write(name, md);
      doc += "    - markdown: {file: " + name + "}\n";
    }
    content = dir.write("content.yaml", doc + extra);
  }
  std::optional<model::Document> load(bool defer, Diagnostics& diags) const {
    load::Options opts;
    opts.defer_markdown = defer;
    return load::load_document(content, diags, opts);
  }
};

// The display list of `styled` as JSON, laid out on `jobs` threads.
std::string laid_json(resolve::StyledDoc styled, const model::Layout& layout, int jobs, Diagnostics& diags) {
  auto fonts = text::FontBook::load(layout, diags);
  REQUIRE(fonts);
  layout::Options opts;
  opts.jobs = jobs;
  auto list = layout::lay_out(std::move(styled), layout, *fonts, opts, diags);
  return list ? layout::to_json(*list) : std::string();
}

}  // namespace

// resolve_freeing() hands layout a Markdown file's paragraphs without their
// text (resolve::Flow::pending); layout has them resolved again as it
// reaches them, so a long report's styled text is never whole.
TEST_CASE("a Markdown file's paragraphs are held without their text until layout reaches them") {
  const PendingReport report(12, 40);
  Diagnostics ld;
  const auto layout = load::load_layout(report.layout, ld);
  REQUIRE(layout);
  Diagnostics d1, d2;
  auto eager = report.load(false, d1);
  auto deferred = report.load(true, d2);
  REQUIRE(eager);
  REQUIRE(deferred);
  Diagnostics r1, r2;
  const resolve::StyledDoc whole = resolve::resolve_all(*eager, *layout, resolve::make_variables(*eager, {}), r1);
  resolve::StyledDoc lazy =
      resolve::resolve_freeing(*deferred, *layout, resolve::make_variables(*deferred, {}), r2, nullptr, 0);
  CHECK(galley::testing::lines(r1) == galley::testing::lines(r2));
  const resolve::Flow& x = whole.flows.at(0);
  resolve::Flow& y = lazy.flows.at(0);
  REQUIRE(y.blocks.size() == x.blocks.size());
  // 480 paragraphs of about 110 bytes: all of it held whole, none of it
  // held lazily.
  CHECK(held_text(x) > 50000);
  CHECK(held_text(y) == 0);
  // The headings keep theirs (layout makes ids and contents of them first).
  CHECK(y.blocks[0].paras.at(0).plain_text() == "Part 0");
  // Layout reaches the third file: the first three are whole, the others not yet.
  REQUIRE(y.pending.size() == 12);
  const size_t third = y.pending[2].first + 5;
  y.resolve_through(third, r2);
  CHECK(y.pending.size() == 9);
  CHECK(y.blocks[third].paras.at(0).plain_text() == x.blocks[third].paras.at(0).plain_text());
  CHECK(y.blocks[y.pending[0].first + 1].paras.at(0).runs.empty());
  y.resolve_through(static_cast<size_t>(-1), r2);
  CHECK(y.pending.empty());
  CHECK(r2.all().empty());
  CHECK(held_text(y) == held_text(x));
  for (size_t i = 0; i < x.blocks.size(); ++i) {
    INFO("block " << i);
    for (size_t p = 0; p < x.blocks[i].paras.size(); ++p)
      CHECK(y.blocks[i].paras.at(p).plain_text() == x.blocks[i].paras[p].plain_text());
    for (size_t k = 0; k < x.blocks[i].items.size(); ++k)
      CHECK(y.blocks[i].items.at(k).para.plain_text() == x.blocks[i].items[k].para.plain_text());
  }
}

// Resolving again costs instructions; a report whose text is small enough
// for its memory not to matter is handed on whole, and one whose text
// passes the budget keeps whole only the files before it did.
TEST_CASE("a Markdown report's text is handed on whole up to resolve::kWholeTextBytes") {
  const PendingReport report(12, 40);
  Diagnostics ld;
  const auto layout = load::load_layout(report.layout, ld);
  REQUIRE(layout);
  Diagnostics d1, d2, r1, r2;
  auto small = report.load(true, d1);
  auto tight = report.load(true, d2);
  REQUIRE(small);
  REQUIRE(tight);
  const resolve::StyledDoc whole = resolve::resolve_freeing(*small, *layout, resolve::make_variables(*small, {}), r1);
  CHECK(whole.flows.at(0).pending.empty());
  CHECK(held_text(whole.flows.at(0)) > 50000);
  // About 4,400 bytes a file: three files fit in 15,000 bytes, the fourth does not.
  const resolve::StyledDoc part =
      resolve::resolve_freeing(*tight, *layout, resolve::make_variables(*tight, {}), r2, nullptr, 15000);
  REQUIRE(part.flows.at(0).pending.size() == 9);
  CHECK(held_text(part.flows.at(0)) > 10000);
  CHECK(held_text(part.flows.at(0)) <= 15000);
}

TEST_CASE("laid out from text resolved as layout reaches it, a report is the one laid out from text resolved whole") {
  // One pass (the text resolved as pages are made) and, with a table of
  // contents, several (the text resolved before the first).
  for (const std::string& extra : {std::string(), std::string("    - toc: {}\n")}) {
    for (const int jobs : {1, 2}) {
      INFO("toc: " << !extra.empty() << ", jobs: " << jobs);
      const PendingReport report(6, 30, extra);
      Diagnostics ld;
      const auto layout = load::load_layout(report.layout, ld);
      REQUIRE(layout);
      Diagnostics d1, d2, r1, r2, l1, l2;
      auto eager = report.load(false, d1);
      auto deferred = report.load(true, d2);
      REQUIRE(eager);
      REQUIRE(deferred);
      resolve::StyledDoc whole = resolve::resolve_all(*eager, *layout, resolve::make_variables(*eager, {}), r1);
      resolve::StyledDoc lazy =
      resolve::resolve_freeing(*deferred, *layout, resolve::make_variables(*deferred, {}), r2, nullptr, 0);
      REQUIRE_FALSE(lazy.flows.at(0).pending.empty());
      const std::string a = laid_json(std::move(whole), *layout, jobs, l1);
      const std::string b = laid_json(std::move(lazy), *layout, jobs, l2);
      CHECK(galley::testing::lines(l1) == galley::testing::lines(l2));
      CHECK_FALSE(a.empty());
      CHECK(a == b);
    }
  }
}

// The file is read again when layout reaches it: one changed since resolve
// stops the build there (the output is written to a temporary file and
// kept only when the build succeeds, so what was there stays).
TEST_CASE("a Markdown file changed after resolve and before layout reaches it is an error of the layout") {
  const PendingReport report(3, 200);
  Diagnostics ld;
  const auto layout = load::load_layout(report.layout, ld);
  REQUIRE(layout);
  Diagnostics d, r, l;
  auto doc = report.load(true, d);
  REQUIRE(doc);
  resolve::StyledDoc lazy = resolve::resolve_freeing(*doc, *layout, resolve::make_variables(*doc, {}), r, nullptr, 0);
  REQUIRE_FALSE(r.has_errors());
  report.dir.write("part2.md", "# Part 2\n\nOther words.\n");
  laid_json(std::move(lazy), *layout, 2, l);
  CHECK(l.has_errors());
  bool said = false;
  for (const std::string& line : galley::testing::lines(l))
    said = said || line.ends_with("/part2.md' changed during the build");
  CHECK(said);
}
