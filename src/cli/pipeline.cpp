#include "cli/pipeline.h"

#include <chrono>
#include <utility>

#include "cli/head_start.h"
#include "layout/layout.h"
#include "linebreak/hyphenate.h"
#include "load/load.h"
#include "pdf/write.h"
#include "print/preflight.h"
#include "resolve/resolve.h"

namespace galley::cli {
namespace {

// Times one stage for --stats; the clock never reaches the output.
class Stopwatch {
 public:
  double lap() {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

void Timings::add(const Timings& o) {
  load += o.load;
  resolve += o.resolve;
  layout += o.layout;
  shape += o.shape;
  breaking += o.breaking;
  pdf += o.pdf;
  preflight += o.preflight;
}

std::optional<Session> Session::open(const std::string& content_path, const std::string& layout_path,
                                     bool writes_pdf, Diagnostics& diags, const load::Options& confine) {
  Stopwatch watch;
  auto doc = load::load_document(content_path, diags, confine);
  if (!doc) return std::nullopt;
  // The patterns are needed only at line breaking: parsed meanwhile, on the
  // second core, they are ready by then.
  linebreak::prefetch_hyphenation(doc->meta.language);
  std::string lpath = layout_path.empty() ? doc->layout_path : layout_path;
  if (lpath.empty()) {
    diags.error({content_path, 0, 0}, "no layout: name one with 'layout:' or --layout");
    return std::nullopt;
  }
  auto layout = load::load_layout(lpath, diags, confine);
  if (!layout) return std::nullopt;
  load::cross_check(*doc, *layout, diags);
  if (diags.has_errors() || !images_within_budget(*doc, *layout, diags)) return std::nullopt;
  std::jthread head_start;
  if (writes_pdf) head_start = start_head_start(*doc, *layout);
  auto fonts = text::FontBook::load(*layout, diags);
  if (!fonts || diags.has_errors()) return std::nullopt;
  auto prepared = std::make_unique<const resolve::Prepared>(*doc, *layout);
  Session s{std::move(*doc), std::move(*layout), std::move(*fonts), std::move(prepared), 0,
            std::move(head_start)};
  s.load_seconds = watch.lap();
  return s;
}

namespace {

// `spent`, when given, is session.doc, emptied once resolved (build_once).
BuildResult run(const Session& session, model::Document* spent, const resolve::Variables& vars,
                const BuildOptions& opts, Diagnostics& diags) {
  BuildResult result;
  Stopwatch watch;
  auto styled = resolve::resolve(session.doc, session.layout, vars, diags, session.prepared.get());
  if (spent) *spent = model::Document{};
  result.timings.resolve = watch.lap();
  if (!styled || diags.has_errors()) return result;
  linebreak::check_hyphenation(*styled, diags);

  layout::Options lopts;
  lopts.greedy = opts.greedy;
  lopts.jobs = opts.jobs;
  lopts.stats = &result.stats;
  layout::StageTimes parts;
  lopts.times = &parts;
  // Moved in: the styled text is not needed after layout, and a long
  // report's flows would otherwise stay alive through PDF writing.
  result.display = layout::lay_out(std::move(*styled), session.layout, session.fonts, lopts, diags);
  styled.reset();
  result.timings.layout = watch.lap();
  result.timings.shape = parts.shape;
  result.timings.breaking = parts.breaking;
  if (!result.display || diags.has_errors()) return result;

  if (opts.preflight) {
    print::preflight(*result.display, diags);
    result.timings.preflight = watch.lap();
  }
  if (opts.strict) diags.promote_warnings();
  if (!opts.write_pdf || diags.has_errors()) return result;
  result.pdf = opts.keep_items ? pdf::write_pdf(*result.display, diags)
                               : pdf::write_pdf_draining(*result.display, diags);
  result.timings.pdf = watch.lap();
  if (diags.has_errors()) result.pdf.reset();
  return result;
}

}  // namespace

BuildResult build(const Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                  Diagnostics& diags) {
  return run(session, nullptr, vars, opts, diags);
}

BuildResult build_once(Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                       Diagnostics& diags) {
  return run(session, &session.doc, vars, opts, diags);
}

}  // namespace galley::cli
