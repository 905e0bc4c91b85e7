#include "detail/pipeline.h"

#include <set>
#include <tuple>
#include <utility>

#include "base/figures.h"
#include "detail/head_start.h"
#include "layout/layout.h"
#include "linebreak/linebreak.h"
#include "load/load.h"
#include "pdf/pdf.h"
#include "print/print.h"
#include "resolve/resolve.h"

namespace galley::cli {
namespace {

// Adds what later steps find in the loaded (maybe partial) models to
// `found`: resolve (unknown styles, undefined variables in flows and master
// text, bad markup, links), the fonts and the images' headers. A problem
// at a place something was already reported at follows from it, and is
// left out.
void add_later_findings(const model::Document& doc, const model::Layout& layout, const Overrides* overrides,
                        Diagnostics& found) {
  Diagnostics later;
  if (overrides) resolve::resolve(doc, layout, resolve::make_variables(doc, *overrides), later);
  // A family the loader refused a file of has no regular face left; its
  // error is reported, and the book would only add that it has none.
  model::Layout readable = layout;
  std::erase_if(readable.fonts, [](const model::FontFamily& f) { return f.regular.empty(); });
  if (!readable.fonts.empty()) text::FontBook::load(readable, later);
  check_image_headers(doc, layout, later);
  std::set<std::tuple<std::string, int, int>> reported;
  for (const auto& d : found.all()) reported.emplace(d.loc.file, d.loc.line, d.loc.col);
  for (const auto& d : later.all())
    if (reported.emplace(d.loc.file, d.loc.line, d.loc.col).second) found.add(d);
}

}  // namespace

std::optional<Session> Session::open(const std::string& content_path, const std::string& layout_path,
                                     bool writes_pdf, Diagnostics& diags, const load::Options& confine,
                                     const Overrides* overrides) {
  base::ScopedTimer timer("load");
  Diagnostics found;
  auto [doc, layout] = load::load_descriptors(content_path, layout_path, found, confine);
  if (found.has_errors() && doc && layout) add_later_findings(*doc, *layout, overrides, found);
  std::vector<std::string> files{content_path};
  if (layout) files.push_back(layout->path);
  load::append_in_file_order(found, diags, files);
  if (found.has_errors() || !doc || !layout) return std::nullopt;
  // The patterns are needed only at line breaking: parsed meanwhile, on the
  // second core, they are ready by then.
  linebreak::prefetch_hyphenation(doc->meta.language);
  if (!images_within_budget(*doc, *layout, diags)) return std::nullopt;
  std::jthread head_start;
  if (writes_pdf) head_start = start_head_start(*doc, *layout);
  auto fonts = text::FontBook::load(*layout, diags);
  if (!fonts || diags.has_errors()) return std::nullopt;
  auto prepared = std::make_unique<const resolve::Prepared>(*doc, *layout);
  return Session{std::move(*doc), std::move(*layout), std::move(*fonts), std::move(prepared),
                 std::move(head_start)};
}

namespace {

std::optional<resolve::StyledDoc> resolve_doc(const Session& session, const model::Document& doc,
                                              const resolve::Variables& vars, Diagnostics& diags,
                                              const KeptBlocks::Kept* kept = nullptr,
                                              KeptBlocks::Kept* keeping = nullptr) {
  base::ScopedTimer timer("resolve");
  return resolve::resolve(doc, session.layout, vars, diags, session.prepared.get(), kept ? &kept->blocks : nullptr,
                          keeping ? &keeping->blocks : nullptr);
}

// Lays out, preflights and writes a resolved document.
BuildResult finish(const Session& session, std::optional<resolve::StyledDoc> styled,
                   const BuildOptions& opts, Diagnostics& diags, const KeptBlocks::Kept* kept = nullptr,
                   KeptBlocks::Kept* keeping = nullptr) {
  BuildResult result;
  if (!styled || diags.has_errors()) return result;
  linebreak::check_hyphenation(*styled, diags);

  layout::Options lopts;
  lopts.greedy = opts.greedy;
  lopts.jobs = opts.jobs;
  lopts.reuse = kept ? &kept->measures : nullptr;
  lopts.record = keeping ? &keeping->measures : nullptr;
  {
    base::ScopedTimer timer("layout");
    // Moved in: the styled text is not needed after layout, and a long
    // report's flows would otherwise stay alive through PDF writing.
    result.display = layout::lay_out(std::move(*styled), session.layout, session.fonts, lopts, diags);
    styled.reset();
  }
  if (!result.display || diags.has_errors()) return result;
  result.pages = result.display->pages.size();

  if (opts.preflight) {
    base::ScopedTimer timer("preflight");
    print::preflight(*result.display, diags);
  }
  if (opts.strict) diags.promote_warnings();
  if (!opts.write_pdf || diags.has_errors()) return result;
  {
    base::ScopedTimer timer("pdf");
    if (opts.keep_display) {
      result.pdf = pdf::write_pdf(*result.display, diags);
    } else {
      result.pdf = pdf::write_pdf(std::move(*result.display), diags);
      result.display.reset();
    }
  }
  if (diags.has_errors()) result.pdf.reset();
  return result;
}

}  // namespace

namespace {

// Documents with more blocks than this (long reports) keep none: a copy of
// every block would double what such a build holds, for builds that are
// rarely repeated. A handout has a few dozen.
constexpr size_t kMaxKeptBlocks = 4096;

size_t blocks_of(const model::Document& doc) {
  size_t n = 0;
  for (const model::Flow& f : doc.flows) n += f.blocks.size();
  return n;
}

}  // namespace

BuildResult build(const Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                  Diagnostics& diags) {
  if (!opts.reuse || blocks_of(session.doc) > kMaxKeptBlocks)
    return finish(session, resolve_doc(session, session.doc, vars, diags), opts, diags);
  const std::shared_ptr<const KeptBlocks::Kept> kept = session.kept->get();
  const auto keeping = kept ? nullptr : std::make_shared<KeptBlocks::Kept>();
  const int errors = diags.error_count();
  BuildResult result =
      finish(session, resolve_doc(session, session.doc, vars, diags, kept.get(), keeping.get()), opts, diags,
             kept.get(), keeping.get());
  if (keeping && diags.error_count() == errors && (result.pdf || result.display)) session.kept->keep(keeping);
  return result;
}

BuildResult build_once(Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                       Diagnostics& diags) {
  auto styled = [&] {
    // Taken from the session, the document is freed at the end of this
    // scope, once resolved: a long report's model is not held beside its layout.
    const model::Document doc = std::exchange(session.doc, {});
    return resolve_doc(session, doc, vars, diags);
  }();
  return finish(session, std::move(styled), opts, diags);
}

}  // namespace galley::cli
