#include "detail/pipeline.h"

#include <malloc.h>

#include <iterator>
#include <memory>
#include <functional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "base/figures.h"
#include "detail/head_start.h"
#include "detail/writer_thread.h"
#include "image/image.h"
#include "layout/layout.h"
#include "linebreak/linebreak.h"
#include "load/load.h"
#include "pdf/pdf.h"
#include "print/print.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace galley::cli {
namespace {

// Adds to `found` what `later` holds at places nothing was reported at
// yet: a problem where one already is follows from it. Layout's findings
// are left out on a whole line already reported (`layout`): a block whose
// value was wrong is laid out with its default, and what layout says of
// it follows from that too; its notes (the page count, a copy-fit) say
// what a build that fails did not do; and a warning about the whole
// document (no title) would sort before every located problem.
void add_new_places(const Diagnostics& later, Diagnostics& found, bool layout = false) {
  std::set<std::tuple<std::string, int, int>> reported;
  for (const auto& d : found.all()) {
    reported.emplace(d.loc.file, d.loc.line, d.loc.col);
    if (layout) reported.emplace(d.loc.file, d.loc.line, -1);
  }
  const auto kept = [&](const Diagnostic& d) {
    if (d.severity == Severity::Note) return false;
    if (d.severity == Severity::Warning && d.loc.line == 0) return false;
    return !reported.count({d.loc.file, d.loc.line, -1});
  };
  for (const auto& d : later.all())
    if ((!layout || kept(d)) &&
        reported.emplace(d.loc.file, d.loc.line, d.loc.col).second)
      found.add(d);
}

// What only laying out finds (text that does not fit, a QR code too long
// to encode, a PDF image's page out of range) and preflight's findings on
// the pages (images of too low a resolution, text in the safe zone), for a
// document that already has errors, so that they come in the same run:
// `styled` is laid out as far as it resolved and what is reported is
// added to `found`.
void add_layout_findings(resolve::StyledDoc styled, const model::Layout& layout, const text::FontBook& fonts,
                         Diagnostics& found) {
  Diagnostics laid;
  if (auto display = layout::lay_out(std::move(styled), layout, fonts, layout::Options{}, laid))
    print::preflight(*display, laid);
  add_new_places(laid, found, true);
}

// Adds what later steps find in the loaded (maybe partial) models to
// `found`: resolve (unknown styles, undefined variables in flows and master
// text, bad markup, links), the fonts, the images' headers, and what
// layout finds once those are known.
void add_later_findings(const model::Document& doc, const model::Layout& layout, const Overrides* overrides,
                        Diagnostics& found) {
  Diagnostics later;
  std::optional<resolve::StyledDoc> styled;
  if (overrides) styled = resolve::resolve_all(doc, layout, resolve::make_variables(doc, *overrides), later);
  // A family the loader refused a file of has no regular face left; its
  // error is reported, and the book would only add that it has none.
  // Text in it is set in the first family that loaded.
  model::Layout readable = layout;
  std::erase_if(readable.fonts, [](const model::FontFamily& f) { return f.regular.empty(); });
  std::optional<text::FontBook> fonts;
  if (!readable.fonts.empty()) fonts = text::FontBook::load(readable, later);
  check_image_headers(doc, layout, later);
  add_new_places(later, found);
  if (styled && fonts) add_layout_findings(std::move(*styled), readable, *fonts, found);
}

}  // namespace

namespace {

// Shapes a word in each face a paragraph style sets (the body's first: it
// is the one layout meets first, and most), once per face and language:
// the first paragraphs in a face otherwise wait on the main thread for
// what HarfBuzz builds on the face, 5 M of the cold brochure's 50 M
// main-thread instructions. Faces only markup reaches (a bold word) are
// left to layout: their files' pages would be read for nothing when no
// text uses them. Nothing to do when the styles reported problems.
std::function<void()> shaping_work(const text::FontBook& fonts, const resolve::Prepared& prepared) {
  if (!prepared.cascade()) return {};
  // Copies: a single build drops `prepared` once resolved.
  std::vector<std::pair<hb_font_t*, resolve::ParaStyle>> work;
  std::set<std::pair<int, std::string>> seen;
  const auto add = [&](const resolve::ParaStyle& style) {
    const int face = fonts.find(style.font, style.bold, style.italic);
    if (face >= 0 && seen.emplace(face, style.language).second) work.emplace_back(fonts.hb_font(face), style);
  };
  const auto& styles = prepared.styles();
  if (auto body = styles.find("body"); body != styles.end()) add(body->second);
  for (const auto& [name, style] : styles) add(style);
  if (work.empty()) return {};
  return [work = std::move(work)] {
    for (const auto& [face, style] : work) text::prepare_shaping(face, style);
  };
}

}  // namespace

std::optional<Session> Session::open(const std::string& content_path, const std::string& layout_path,
                                     bool writes_pdf, Diagnostics& diags, const load::Options& confine,
                                     const Overrides* overrides) {
  base::ScopedTimer timer("load");
  // The images' and fonts' stamps taken here (the budget's probes, the
  // head start) serve the session's first build when the caller's look
  // (run_build) spans both.
  const image::FileLook look;
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
  Diagnostics font_findings;
  auto fonts = text::FontBook::load(*layout, font_findings);
  if (!fonts || font_findings.has_errors()) {
    // A font the loader could not tell is broken: what resolve, the images
    // and layout find come with it.
    add_later_findings(*doc, *layout, overrides, font_findings);
    load::append_in_file_order(font_findings, diags, files);
    return std::nullopt;
  }
  diags.append(font_findings);
  auto prepared = std::make_unique<const resolve::Prepared>(*doc, *layout);
  // One thread beside the main one until layout: the faces made ready to
  // shape first, as layout starts within 2 ms; the PDF's pictures after,
  // which the writer needs only as the pages are finished.
  std::function<void()> shaping = shaping_work(*fonts, *prepared);
  std::jthread head_start;
  try {
    if (writes_pdf) head_start = start_head_start(*doc, *layout, std::move(shaping));
    else if (shaping) head_start = std::jthread(std::move(shaping));
  } catch (const std::system_error&) {  // no thread to spare: layout and the writer do it all
  }
  return Session{std::move(*doc), std::move(*layout), std::move(*fonts), std::move(prepared),
                 std::move(head_start)};
}

namespace {

// Empty on errors, which then include what layout finds (every error in
// one run), in file order. `run` resolves.
template <class Resolve>
std::optional<resolve::StyledDoc> resolve_with(const Session& session, const model::Document& doc,
                                               Diagnostics& diags, Resolve&& run) {
  Diagnostics found;
  std::optional<resolve::StyledDoc> styled;
  {
    base::ScopedTimer timer("resolve");
    styled = run(found);
  }
  if (!found.has_errors()) {
    diags.append(found);
    return styled;
  }
  add_layout_findings(std::move(*styled), session.layout, session.fonts, found);
  load::append_in_file_order(found, diags, {doc.path, session.layout.path});
  return std::nullopt;
}

std::optional<resolve::StyledDoc> resolve_doc(const Session& session, const model::Document& doc,
                                              const resolve::Variables& vars, Diagnostics& diags,
                                              const KeptBlocks::Kept* kept = nullptr,
                                              KeptBlocks::Kept* keeping = nullptr) {
  return resolve_with(session, doc, diags, [&](Diagnostics& found) {
    return resolve::resolve_all(doc, session.layout, vars, found, session.prepared.get(),
                                kept ? &kept->blocks : nullptr, keeping ? &keeping->blocks : nullptr);
  });
}

// Each page, as layout finishes it, preflighted and written into the PDF
// (its drawing then freed), unless the display list is to be kept too. What
// each finds waits apart from layout's reports: they come after them, as
// when the stages ran one after the other.
//
// With more than one job, a long document's pages are preflighted and
// written on a thread of their own while layout goes on (WriterThread). That
// thread reads a copy of the list of its own (`mirror_`), given what each
// page adds to the list (the page without its items, fonts and structure
// elements appended since), as layout never changes what it has appended;
// the complete list is read by the writer's finish() after layout.
// The first pages are written on the calling thread: a handout is done
// before a thread would have started.
//
// A build of one document (`hand_back`) returns the memory its long run of
// pages frees to the system every kTrimPages pages. Its last layout pass
// lets go of the styled text and each page's measurements as it goes, and
// glibc keeps what is freed mapped, in holes between what is still held
// that the pages' records and the PDF's objects fill only in part: a
// 10,000-page report's heap in use fell by 29 MB during layout while what
// glibc held grew by 28 (bench/README.md). A batch's rows and serve's requests
// are short and keep their memory for the next.
class BuildSink : public layout::PageSink {
 public:
  static constexpr size_t kTrimPages = 256;

  BuildSink(const BuildOptions& opts, bool hand_back)
      : preflight_(opts.preflight), pdf_(opts.write_pdf), keep_(opts.keep_display || !opts.write_pdf),
        threaded_(opts.jobs > 1), hand_back_(hand_back) {
    // Each page's content goes into the file as it is written.
    if (pdf_ && opts.pdf_to) pdf.write_into(opts.pdf_to);
    // lay_out's list has a source hash: the /ID is made from it.
    pdf.id_from_source_hash();
  }

  void page(const layout::DisplayList& list, size_t p, std::vector<layout::Item>&& items) override {
    hand_on(list, p, std::move(items), false);
  }
  void under(const layout::DisplayList& list, size_t p, std::vector<layout::Item>&& items) override {
    hand_on(list, p, std::move(items), true);
  }
  // Every page handed on is preflighted and written.
  // Waits for the writer; its copy of the list (a record a page, 232 bytes
  // each: 2.3 MB for 10,000 pages) is read no more, as the finish reads
  // layout's, and goes before the finish allocates.
  void drain() {
    if (writer_) writer_->drain();
    mirror_ = {};
  }
  // Layout is over, its styled text and measurements freed: what is free
  // goes back before the PDF's finish allocates, for a long document.
  void hand_back(size_t pages) const {
    if (hand_back_ && pages >= kTrimPages) trim();
  }

  Diagnostics found;    // preflight's
  Diagnostics written;  // the PDF writer's
  print::PagePreflight checks{found};
  pdf::PdfStream pdf{written};
  layout::CollectingSink kept;

 private:
  // Pages written on the calling thread before the writer's starts.
  static constexpr size_t kInlinePages = 4;
  // Pages waiting for the writer at most: enough to ride out a slow page.
  static constexpr size_t kPagesInFlight = 8;

  // What page p adds to the list since the last page handed on.
  struct Delta {
    size_t p = 0;
    layout::Page page;
    std::vector<layout::FontRef> fonts;
    std::vector<std::string> roles;  // of the structure elements appended
  };

  // Its result says only whether any memory went back.
  static void trim() { static_cast<void>(::malloc_trim(0)); }

  void hand_on(const layout::DisplayList& list, size_t p, std::vector<layout::Item>&& items, bool under) {
    if (hand_back_ && !under && p % kTrimPages == kTrimPages - 1) trim();
    if (!threaded_) return take(list, p, std::move(items), under);
    if (!mirror_started_) {  // the settings; pages, fonts and structure come as deltas
      mirror_ = list;
      mirror_.pages.clear(), mirror_.fonts.clear(), mirror_.structure = {}, mirror_.outline.clear();
      mirror_started_ = true;
    }
    Delta d{p, list.pages.at(p), {}, {}};
    d.fonts.assign(list.fonts.begin() + static_cast<std::ptrdiff_t>(fonts_sent_), list.fonts.end());
    // Of an element, a page's drawing reads only its role (the rest is read
    // from the complete list at the end): the writer is given the roles
    // alone, kept two bytes an element (pdf::StructRoles), not elements.
    const size_t base = list.structure_base;
    for (size_t e = std::max(structure_sent_, base); e < base + list.structure.size(); ++e)
      d.roles.push_back(list.structure[e - base].role);
    fonts_sent_ = list.fonts.size();
    structure_sent_ = base + list.structure.size();
    if (!writer_ && ++handed_ > kInlinePages) {
      writer_ = std::make_unique<WriterThread>(kPagesInFlight);
      if (!writer_->running()) writer_.reset();
      // Before the writer's first task: its deflating then moves off the
      // thread that bounds a long build.
      else if (pdf_) pdf.deflate_behind();
    }
    if (!writer_) {
      apply(d);
      return take(mirror_, p, std::move(items), under);
    }
    base::Figures* figures = base::current_figures();
    writer_->submit([this, d = std::move(d), items = std::move(items), under, figures]() mutable {
      base::FiguresScope scope(figures);
      apply(d);
      take(mirror_, d.p, std::move(items), under);
    });
  }

  void apply(Delta& d) {
    if (mirror_.pages.size() <= d.p) mirror_.pages.resize(d.p + 1);
    mirror_.pages[d.p] = std::move(d.page);
    std::move(d.fonts.begin(), d.fonts.end(), std::back_inserter(mirror_.fonts));
    if (pdf_) pdf.add_roles(d.roles);
  }

  void take(const layout::DisplayList& list, size_t p, std::vector<layout::Item>&& items, bool under) {
    if (preflight_) {
      base::ScopedTimer timer("preflight");
      checks.page(list, p, items);
    }
    if (pdf_) {
      base::ScopedTimer timer("pdf");
      if (under) pdf.under(list, p, items);
      else pdf.page(list, p, items);
    }
    if (!keep_) return;
    if (under) kept.under(list, p, std::move(items));
    else kept.page(list, p, std::move(items));
  }

  bool preflight_, pdf_, keep_, threaded_, hand_back_;
  layout::DisplayList mirror_;  // threaded: the list as the writer sees it
  bool mirror_started_ = false;
  size_t handed_ = 0;  // pages and layers handed on before the writer started
  size_t fonts_sent_ = 0, structure_sent_ = 0;
  // Last: destroyed first, so queued pages still find the members above.
  std::unique_ptr<WriterThread> writer_;
};

// Lays out, preflights and writes a resolved document, a page at a time.
// `once`: the session's only build (BuildSink's hand_back).
BuildResult finish(const Session& session, std::optional<resolve::StyledDoc> styled,
                   const BuildOptions& opts, Diagnostics& diags, const KeptBlocks::Kept* kept = nullptr,
                   KeptBlocks::Kept* keeping = nullptr, bool once = false) {
  BuildResult result;
  if (!styled || diags.has_errors()) return result;
  // Images inside text are known only now: the budget counts them too.
  if (!images_within_budget(*styled, session.layout, diags)) return result;
  linebreak::check_hyphenation(*styled, diags);

  layout::Options lopts;
  lopts.greedy = opts.greedy;
  lopts.jobs = opts.jobs;
  BuildSink sink(opts, once);
  std::optional<layout::Streamed> laid;
  lopts.reuse = kept ? &kept->measures : nullptr;
  lopts.record = keeping ? &keeping->measures : nullptr;
  {
    base::ScopedTimer timer("layout");
    // Moved in: the styled text is not needed after layout, and a long
    // report's flows would otherwise stay alive through PDF writing.
    laid = layout::lay_out(std::move(*styled), session.layout, session.fonts, lopts, sink, diags);
    styled.reset();
  }
  sink.drain();
  if (!laid || diags.has_errors()) return result;
  result.pages = laid->list.pages.size();
  sink.hand_back(result.pages);

  if (opts.preflight) {
    base::ScopedTimer timer("preflight");
    sink.checks.finish(laid->list);
  }
  diags.append(sink.found);
  if (opts.strict) diags.promote_warnings();
  if (opts.write_pdf && !diags.has_errors()) {
    base::ScopedTimer timer("pdf");
    if (!opts.pdf_to) result.pdf = sink.pdf.finish(laid->list, laid->renumber);
    else if (sink.pdf.finish(laid->list, laid->renumber, opts.pdf_to)) result.pdf.emplace();
    diags.append(sink.written);
    if (diags.has_errors()) result.pdf.reset();
  }
  if (opts.keep_display || !opts.write_pdf) result.display = sink.kept.list(std::move(*laid));
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
  for (const model::Flow& f : doc.flows)
    for (const model::Block& b : f.blocks) n += b.deferred ? b.deferred->count : 1;
  return n;
}

}  // namespace

BuildResult build(const Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                  Diagnostics& diags) {
  // Each build (a batch's row, a serve request) sees the files as they are
  // now; within it each is stat'ed once.
  const image::FileLook look;
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
    // Taken from the session, the document's blocks are freed one by one as
    // they are resolved, and the rest of it at the end of this scope: a long
    // report's model is held neither beside its styled text nor its layout.
    model::Document doc = std::exchange(session.doc, {});
    return resolve_with(session, doc, diags, [&](Diagnostics& found) {
      return resolve::resolve_freeing(doc, session.layout, vars, found, session.prepared.get());
    });
  }();
  // The session's only build: its parsed markup (up to MarkupCache::kMaxBytes
  // of a long report's text) is not read again, and would be held through
  // layout and the PDF's end. The styled text keeps the cascade it shares.
  session.prepared.reset();
  return finish(session, std::move(styled), opts, diags, nullptr, nullptr, true);
}

}  // namespace galley::cli
