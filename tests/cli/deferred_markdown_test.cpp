// A Markdown file loaded with load::Options::defer_markdown is kept as one
// block that stands for it (model::DeferredBlocks) and converted again when
// resolve reaches it: the styled document is the one the eager load makes.
#include <doctest/doctest.h>

#include "load/load_fixture.h"
#include "load/load.h"
#include "resolve/resolve.h"

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
  const resolve::StyledDoc b = resolve::resolve_freeing(*deferred, *layout, resolve::make_variables(*deferred, {}), r2);
  CHECK(galley::testing::lines(r1) == galley::testing::lines(r2));
  CHECK(deferred->flows.at(0).blocks.empty());
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
