#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <cstdio>
#include <exception>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "base/figures.h"
#include "detail/atomic_write.h"
#include "detail/batch.h"
#include "detail/booklet_pages.h"
#include "detail/init_command.h"
#include "detail/output_paths.h"
#include "detail/watch_command.h"
#include "detail/pipeline.h"
#include "detail/report.h"
#include "detail/styles_command.h"
#include "image/image.h"
#include "layout/layout.h"
#include "load/load.h"
#include "print/print.h"
#include "resolve/resolve.h"
#include "text/text.h"

#ifndef GALLEY_VERSION
#define GALLEY_VERSION "0"
#endif

namespace galley::cli {
namespace {

struct BuildArgs {
  std::string content, layout, output, dump_layout, impose, root;
  std::vector<std::string> set;
  bool stats = false, strict = false, greedy = false;
  BatchArgs batch;
};

// `--set name=value` pairs; a malformed one is a usage error.
bool parse_overrides(const std::vector<std::string>& raw, Overrides& out) {
  for (const auto& kv : raw) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "galley: error: --set takes name=value, not '%s'\n", kv.c_str());
      return false;
    }
    out.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return true;
}

// Values from the command line are held to the descriptors' rules (UTF-8,
// no control characters), so they cannot carry bad bytes into the PDF.
bool check_override_text(const Overrides& overrides, Diagnostics& diags) {
  for (const auto& [name, value] : overrides) {
    for (const auto* part : {&name, &value}) {
      auto bad = load::find_bad_byte(*part);
      if (!bad) continue;
      const bool in_name = part == &name;
      const std::string shown = in_name ? "--set" : "--set " + name;
      diags.error({shown, 0, 0}, load::describe(*bad) + " at byte " + std::to_string(bad->offset + 1) +
                                     (in_name ? " of a variable's name" : " of the value"));
    }
  }
  return !diags.has_errors();
}

// Every file this build writes, checked before anything is built: none may
// be one of its inputs, and the PDF and the JSON may not be the same file.
bool check_outputs(const Session& session, const std::vector<std::string>& outputs, Diagnostics& diags) {
  const InputFiles inputs = InputFiles::of(session);
  std::set<std::string> seen;
  for (const auto& o : outputs) {
    if (std::string why = inputs.refuse(o); !why.empty()) diags.error({o, 0, 0}, "the output is " + why);
    else if (std::string why = unwritable(o); !why.empty()) diags.error({o, 0, 0}, why);
    std::error_code ec;
    if (!seen.insert(std::filesystem::weakly_canonical(std::filesystem::absolute(o), ec).string()).second)
      diags.error({o, 0, 0}, "'" + o + "' is named twice as an output");
  }
  return !diags.has_errors();
}

std::string default_output(const std::string& content) {
  return std::filesystem::path(content).stem().string() + ".pdf";
}

bool parse_imposition(const std::string& name, print::Imposition& out) {
  if (name.empty() || name == "none") out = print::Imposition::None;
  else if (name == "booklet") out = print::Imposition::Booklet;
  else if (name == "trifold") out = print::Imposition::Trifold;
  else return false;
  return true;
}

// The imposed sheets go beside the reader's PDF: NAME-imposed.pdf.
std::string imposed_path(const std::string& output) {
  std::filesystem::path p(output);
  return (p.parent_path() / (p.stem().string() + "-imposed.pdf")).string();
}

int finish(const Diagnostics& diags) {
  print_diagnostics(diags, stderr);
  return diags.has_errors() ? InputError : Ok;
}

int run_build(const BuildArgs& a, bool write) {
  Overrides overrides;
  if (!parse_overrides(a.set, overrides)) return UsageError;
  print::Imposition imposition = print::Imposition::None;
  if (!parse_imposition(a.impose, imposition)) {
    std::fprintf(stderr, "galley: error: --impose takes booklet or trifold, not '%s'\n", a.impose.c_str());
    return UsageError;
  }

  Diagnostics diags;
  if (!check_override_text(overrides, diags)) return finish(diags);
  load::Options confine;
  if (!a.root.empty()) {
    auto root = load::root_folder(a.root);
    if (!root) {
      std::fprintf(stderr, "galley: error: --root '%s' is not a folder\n", a.root.c_str());
      return UsageError;
    }
    confine.root = *root;
  }
  // One document's threads (paragraphs measured ahead, pages written
  // behind) allocate what another frees: with an arena each, glibc keeps
  // every arena's high-water mark, which put a 995-page report at 93 MiB
  // instead of 76. One arena costs those few threads no measurable time. A
  // batch's rows allocate each on its own, and would contend for it. A
  // refusal (a sanitizer's allocator refuses every mallopt) costs only that
  // memory, so it is not reported.
  if (a.batch.data.empty()) static_cast<void>(::mallopt(M_ARENA_MAX, 1));
  // Open through the session's opening and its one build: each file is
  // stat'ed once (a batch's rows each look again, in build()).
  const image::FileLook look;
  // What this build measures of itself, recorded only for --stats.
  base::Figures figures;
  base::FiguresScope recording(a.stats ? &figures : nullptr);
  // One document resolves its model once (build_once): its Markdown files
  // are converted again where resolve reaches them rather than held.
  confine.defer_markdown = a.batch.data.empty();
  // A batch's rows bring variables of their own: its open cannot tell an
  // undefined one.
  auto session = Session::open(a.content, a.layout, write, diags, confine,
                               a.batch.data.empty() ? &overrides : nullptr);
  if (!session) return finish(diags);

  BuildOptions opts;
  opts.greedy = a.greedy;
  // check is build minus writing the file: it makes the PDF too, so every
  // error the writer raises (image data, fonts, PDF limits) is check's too.
  opts.write_pdf = true;
  opts.strict = a.strict;
  opts.keep_display = !a.dump_layout.empty();

  if (!a.batch.data.empty()) {
    if (!write) {
      std::fprintf(stderr, "galley: error: --data works with build, not check\n");
      return UsageError;
    }
    if (!load::check_inside_root(a.batch.data, confine.root, "data file", diags)) return finish(diags);
    std::string out = a.output.empty() ? std::filesystem::path(a.content).stem().string() + "-{{row}}.pdf" : a.output;
    return run_batch(*session, overrides, a.batch, out, opts, diags);
  }

  std::string output = a.output.empty() ? default_output(a.content) : a.output;
  // An imposition the layout asks for is reported at its `output:` line.
  print::ImposeOptions impose_options;
  if (imposition == print::Imposition::None) {
    parse_imposition(session->layout.output.imposition, imposition);
    impose_options.where = session->layout.output.loc;
  }
  if (write) {
    std::vector<std::string> outputs{output};
    if (!a.dump_layout.empty() && a.dump_layout != "-") outputs.push_back(a.dump_layout);
    if (imposition != print::Imposition::None) outputs.push_back(imposed_path(output));
    if (!check_outputs(*session, outputs, diags)) return finish(diags);
    remove_stale_temporaries(outputs);
  }

  opts.jobs = a.batch.jobs > 0 ? a.batch.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto vars = resolve::make_variables(session->doc, overrides);
  // The PDF goes into its file as it is written (check makes it and lets
  // it go), unless imposition reads it: a long report's bytes are never
  // held whole.
  std::optional<AtomicFile> file;
  if (write && imposition == print::Imposition::None) {
    file.emplace(output);
    opts.pdf_to = [&file](std::string_view bytes) { return file->write(bytes); };
  } else if (imposition == print::Imposition::None) {
    opts.pdf_to = [](std::string_view) { return true; };
  }
  auto result = build_once(*session, vars, opts, diags);
  if (file && !file->error().empty()) diags.error({output, 0, 0}, file->error());

  if (!a.dump_layout.empty() && result.display) {
    std::string json = layout::to_json(*result.display);
    if (a.dump_layout == "-") {
      std::fwrite(json.data(), 1, json.size(), stdout);
    } else if (auto err = write_atomically(a.dump_layout, json); !err.empty()) {
      diags.error({a.dump_layout, 0, 0}, err);
    }
  }
  if (a.stats) {
    print_stats(figures, static_cast<int>(result.pages), stderr);
  }
  if (imposition == print::Imposition::Booklet && result.pages > 0)
    check_booklet_pages(static_cast<int>(result.pages), session->layout, a.strict, diags);
  if (diags.has_errors() || !result.pdf) return finish(diags);
  // Imposed before anything is written, by check too: a page count the
  // fold cannot take fails both, and leaves no PDF behind.
  std::optional<std::string> imposed;
  if (imposition != print::Imposition::None) {
    imposed = print::impose(*result.pdf, imposition, impose_options, diags);
    if (!imposed) return finish(diags);
  }
  if (!write) return finish(diags);

  if (auto err = file ? file->commit() : write_atomically(output, *result.pdf); !err.empty()) {
    diags.error({output, 0, 0}, err);
    return finish(diags);
  }
  if (imposed) {
    std::string ipath = imposed_path(output);
    if (auto err = write_atomically(ipath, *imposed); !err.empty()) diags.error({ipath, 0, 0}, err);
  }
  return finish(diags);
}

int run_fonts(const std::string& layout_path) {
  Diagnostics diags;
  auto layout = load::load_layout(layout_path, diags);
  if (!layout) return finish(diags);
  auto fonts = text::FontBook::load(*layout, diags);
  if (!fonts) return finish(diags);
  std::string listing = text::describe(*fonts);
  std::fwrite(listing.data(), 1, listing.size(), stdout);
  return finish(diags);
}

}  // namespace

int run(int argc, char** argv, const std::vector<CommandFactory>& more) {
  remove_temporaries_on_signals();
  try {
    CLI::App app{"galley: YAML content + YAML layout -> print-ready PDF"};
    app.set_version_flag("--version,-V", "galley " GALLEY_VERSION);
    app.require_subcommand(1);

    BuildArgs build_args;
    auto* build_cmd = app.add_subcommand("build", "lay out and write the PDF");
    build_cmd->add_option("content", build_args.content, "content descriptor (YAML)")->required();
    build_cmd->add_option("--layout,-l", build_args.layout, "layout descriptor; overrides the content's layout:");
    build_cmd->add_option("--set", build_args.set, "set a variable: name=value (repeatable)");
    build_cmd->add_flag("--strict", build_args.strict, "treat warnings (preflight included) as errors");
    build_cmd->add_flag("--greedy", build_args.greedy, "greedy line breaking instead of Knuth-Plass (for comparison)");
    build_cmd->add_option("-o,--output", build_args.output, "output PDF (batch: a name template such as 'out/{{slug}}.pdf')");
    build_cmd->add_option("--dump-layout", build_args.dump_layout, "write the display list as JSON to FILE ('-' for stdout)");
    build_cmd->add_flag("--stats", build_args.stats, "print line-breaking quality and stage timings to stderr");
    build_cmd->add_option("--impose", build_args.impose, "also write NAME-imposed.pdf: booklet or trifold");
    add_batch_options(build_cmd, build_args.batch);
    build_cmd->add_option("--root", build_args.root, "read no file outside this folder (after symlinks)");

    BuildArgs check_args;
    auto* check_cmd = app.add_subcommand("check", "load, lay out and preflight; write nothing");
    check_cmd->add_option("content", check_args.content, "content descriptor (YAML)")->required();
    check_cmd->add_option("--layout,-l", check_args.layout, "layout descriptor; overrides the content's layout:");
    check_cmd->add_option("--set", check_args.set, "set a variable: name=value (repeatable)");
    check_cmd->add_flag("--strict", check_args.strict, "treat warnings (preflight included) as errors");
    check_cmd->add_option("--root", check_args.root, "read no file outside this folder (after symlinks)");

    std::string fonts_layout;
    auto* fonts_cmd = app.add_subcommand("fonts", "list the layout's font families, faces and coverage");
    fonts_cmd->add_option("layout", fonts_layout, "layout descriptor (YAML)")->required();

    std::string styles_layout;
    auto* styles_cmd = app.add_subcommand("styles", "print every style as resolved, built-in defaults included");
    styles_cmd->add_option("layout", styles_layout, "layout descriptor (YAML)")->required();

    std::string init_dir;
    auto* init_cmd = app.add_subcommand("init", "write a small starter project that builds as is");
    init_cmd->add_option("dir", init_dir, "folder to write into (created if missing)")->required();

    std::string watch_content, watch_layout, watch_output;
    auto* watch_cmd = app.add_subcommand("watch", "build, then rebuild whenever a file the build read changes");
    watch_cmd->add_option("content", watch_content, "content descriptor (YAML)")->required();
    watch_cmd->add_option("--layout,-l", watch_layout, "layout descriptor; overrides the content's layout:");
    watch_cmd->add_option("-o,--output", watch_output, "output PDF");

    std::vector<Command> extra;
    for (const auto& make : more) extra.push_back(make(app));

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e);
      return code == 0 ? Ok : UsageError;
    }
    if (*build_cmd) return run_build(build_args, true);
    if (*check_cmd) return run_build(check_args, false);
    if (*fonts_cmd) return run_fonts(fonts_layout);
    if (*styles_cmd) return run_styles(styles_layout);
    if (*init_cmd) return run_init(init_dir);
    if (*watch_cmd) return run_watch(watch_content, watch_layout, watch_output);
    for (const auto& c : extra)
      if (c.chosen()) return c.run();
    return UsageError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "galley: internal error: %s\n", e.what());
    return InternalError;
  } catch (...) {
    std::fprintf(stderr, "galley: internal error\n");
    return InternalError;
  }
}

}  // namespace galley::cli
