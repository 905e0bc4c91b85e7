// The pipeline from descriptors to PDF bytes, as the commands use it. A
// Session holds what a batch shares between rows (model, layout, fonts);
// per-row work starts at resolve.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "layout/layout.h"
#include "layout/page.h"
#include "linebreak/line.h"
#include "load/load.h"
#include "model/document.h"
#include "model/layout.h"
#include "resolve/resolve.h"
#include "resolve/styled.h"
#include "text/text.h"

namespace galley::cli {

using Overrides = std::vector<std::pair<std::string, std::string>>;

// What the builds of one session share beyond the session itself
// (BuildOptions::reuse): its fixed blocks (those no variable reaches),
// resolved and measured by the first build that succeeds, read by the
// builds after it on any thread, never changed once kept.
class KeptBlocks {
 public:
  struct Kept {
    resolve::FixedBlocks blocks;
    layout::FixedMeasures measures;
  };
  std::shared_ptr<const Kept> get() const {
    std::lock_guard lock(mutex_);
    return kept_;
  }
  // The first kept wins: any build's are the same.
  void keep(std::shared_ptr<const Kept> kept) {
    std::lock_guard lock(mutex_);
    if (!kept_) kept_ = std::move(kept);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Kept> kept_;
};

struct Session {
  model::Document doc;
  model::Layout layout;
  text::FontBook fonts;
  // The cascade and parsed markup every row's resolve() shares.
  std::unique_ptr<const resolve::Prepared> prepared;
  // cli/detail/head_start.h, after the styles' faces are made ready to
  // shape (text::prepare_shaping); joined when the session ends, before
  // `fonts`, which it reads.
  std::jthread head_start;
  std::shared_ptr<KeptBlocks> kept = std::make_shared<KeptBlocks>();

  // Loads and validates both descriptors and the fonts. `layout_path`
  // overrides the content's `layout:` when not empty. With `writes_pdf`,
  // the PDF's head start begins once the fonts are loaded. `confine`
  // limits what may be read (a root folder: load::Options). Both files are
  // loaded and cross-checked in full, their problems reported together in
  // file order. A failed open also reports what the fonts and the images'
  // headers show, and with `overrides` (the --set values) what resolve
  // finds (unknown styles, undefined variables, links). A batch passes
  // none: its rows bring variables of their own.
  static std::optional<Session> open(const std::string& content_path, const std::string& layout_path,
                                     bool writes_pdf, Diagnostics& diags, const load::Options& confine = {},
                                     const Overrides* overrides = nullptr);
};

struct BuildOptions {
  bool greedy = false;     // greedy line breaking, for comparisons
  bool preflight = true;
  bool write_pdf = true;   // false when only the display list is wanted
  bool strict = false;     // warnings, preflight's included, become errors
  // The result keeps the display list once the PDF is written (--dump-layout
  // reads it); otherwise the list is handed to the PDF writer, which frees
  // each page's drawing once the page is written.
  bool keep_display = false;
  // Threads for one document's layout (layout::Options::jobs). A batch's
  // rows leave it at 1: they use the cores themselves.
  int jobs = 1;
  // Builds of one session with different variables (a batch's rows, serve's
  // requests): blocks no variable reaches are resolved and measured once,
  // by the first, and copied by the others (Session::kept). The bytes are
  // those of a build without it.
  bool reuse = false;
  // Where the PDF goes, in pieces as it is written, when it is not wanted
  // whole (a build's file): the result's pdf is then an empty string once
  // all went there. Refused bytes are not reported: the function's owner
  // knows why.
  std::function<bool(std::string_view)> pdf_to;
};

struct BuildResult {
  // The laid-out pages: kept when no PDF is written or with keep_display.
  std::optional<layout::DisplayList> display;
  size_t pages = 0;  // how many pages layout made
  std::optional<std::string> pdf;
};

// Resolves, lays out, preflights and writes one document with `vars`.
// The result's pdf is empty when any error was reported.
BuildResult build(const Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                  Diagnostics& diags);

// The same for a session that builds once: its document model is emptied as
// soon as it is resolved, so a long report's model is not held beside its
// pages, and its parsed markup (Session::prepared) let go once resolved.
// The layout and fonts stay.
BuildResult build_once(Session& session, const resolve::Variables& vars, const BuildOptions& opts,
                       Diagnostics& diags);

}  // namespace galley::cli
