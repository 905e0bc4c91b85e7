#include "detail/batch.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "detail/atomic_write.h"
#include "cli/cli.h"
#include "detail/combine.h"
#include "detail/data_file.h"
#include "detail/output_paths.h"
#include "detail/report.h"
#include "pdf/pdf.h"
#include "resolve/resolve.h"

namespace galley::cli {
namespace {

struct Shard {
  int index = 1, count = 1;  // 1-based index
};

bool parse_shard(const std::string& text, Shard& out) {
  if (text.empty()) return true;
  auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  char* end = nullptr;
  long i = std::strtol(text.c_str(), &end, 10);
  if (end != text.c_str() + slash) return false;
  long n = std::strtol(text.c_str() + slash + 1, &end, 10);
  if (*end != '\0' || n < 1 || i < 1 || i > n || n > 1000000) return false;
  out = {static_cast<int>(i), static_cast<int>(n)};
  return true;
}

// A progress line on a terminal; nothing in CI or when stderr is a file.
class Progress {
 public:
  explicit Progress(size_t total)
      : total_(total), enabled_(isatty(STDERR_FILENO) && std::getenv("CI") == nullptr && total > 1) {}

  void draw(size_t done) {
    if (!enabled_) return;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = elapsed > 0 ? done / elapsed : 0;
    double left = rate > 0 ? (total_ - done) / rate : 0;
    const int width = 30;
    int filled = static_cast<int>(width * done / std::max<size_t>(total_, 1));
    std::string bar(static_cast<size_t>(filled), '=');
    bar.resize(width, ' ');
    std::fprintf(stderr, "\r[%s] %zu/%zu  %.1f rows/s  %.0fs left ", bar.c_str(), done, total_, rate, left);
    std::fflush(stderr);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }

 private:
  size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

struct RowJob {
  size_t row = 0;  // 1-based in the data file
  DataRow data;
  std::string output;
  Diagnostics diags;
  bool ok = false;
};

// Row diagnostics are reported at the row in the data file, with the
// original location kept in the message, so a bad field is easy to find.
void report_row(const RowJob& job, std::FILE* out) {
  for (const auto& d : job.diags.all()) {
    // Notes (the page count, a copy-fit) would repeat for every row.
    if (d.severity == Severity::Note) continue;
    Diagnostic shown = d;
    shown.loc = job.data.loc;
    shown.message = "row " + std::to_string(job.row) + ": " + format(d);
    std::fprintf(out, "%s\n", printable(format(shown)).c_str());
  }
}

// The output folders, made as `mkdir -p` would, so a batch into a new
// folder does not fail on every row.
bool make_folders(const std::vector<std::string>& outputs, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::set<fs::path> folders;
  for (const auto& o : outputs)
    if (fs::path(o).has_parent_path()) folders.insert(fs::path(o).parent_path());
  for (const auto& folder : folders) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
      diags.error({folder.string(), 0, 0}, "cannot create the output folder: " + ec.message());
      return false;
    }
  }
  return true;
}

}  // namespace

void add_batch_options(CLI::App* cmd, BatchArgs& args) {
  cmd->add_option("--data", args.data, "build one PDF per row of a CSV, YAML or JSON file");
  cmd->add_option("--combine", args.combine, "with --data: write one PDF of all rows instead");
  cmd->add_option("--jobs,-j", args.jobs, "threads: rows at once with --data, else line breaking ahead of pagination (default: the number of cores)")->check(CLI::Range(0, 1024));
  cmd->add_option("--shard", args.shard, "with --data: build only share i of n (1-based), e.g. 2/8");
}

int run_batch(const Session& session, const Overrides& overrides, const BatchArgs& args,
              const std::string& output_template, const BuildOptions& opts, Diagnostics& diags) {
  Shard shard;
  if (!parse_shard(args.shard, shard)) {
    std::fprintf(stderr, "galley: error: --shard takes i/n with 1 <= i <= n, not '%s'\n", args.shard.c_str());
    return UsageError;
  }
  auto rows = read_data(args.data, diags);
  if (!rows) {
    print_diagnostics(diags, stderr);
    return InputError;
  }

  std::vector<RowJob> jobs;
  for (size_t r = 0; r < rows->size(); ++r) {
    if (static_cast<int>(r % static_cast<size_t>(shard.count)) != shard.index - 1) continue;
    RowJob job;
    job.row = r + 1;
    job.data = std::move((*rows)[r]);
    jobs.push_back(std::move(job));
  }
  rows.reset();  // the jobs own this shard's rows; the other shards' go
  // A row's variables (the document's, its fields, `row`) are made when
  // they are used and dropped after: kept for every row at once they grew a
  // 10,000-row batch by tens of MiB.
  auto variables_of = [&](const RowJob& job) {
    Overrides row_vars = overrides;
    for (const auto& [k, v] : job.data.fields) row_vars.emplace_back(k, v);
    row_vars.emplace_back("row", std::to_string(job.row));
    return resolve::make_variables(session.doc, row_vars);
  };

  // Names first: a clash, a name outside the output folder or over an
  // input is found before any file is touched.
  bool names_ok = true;
  std::vector<std::string> outputs;
  const InputFiles inputs = InputFiles::of(session, args.data);
  if (!args.combine.empty()) {
    if (std::string why = inputs.refuse(args.combine); !why.empty()) {
      diags.error({args.combine, 0, 0}, "the output is " + why);
      names_ok = false;
    }
    outputs.push_back(args.combine);
  } else {
    std::map<std::string, size_t> seen;
    OutputNames names(output_template);
    for (auto& job : jobs) {
      const std::string row = "row " + std::to_string(job.row) + ": ";
      Diagnostics name_diags;
      std::string name = resolve::substitute(output_template, job.data.loc, variables_of(job), name_diags);
      if (name_diags.has_errors()) {
        for (const auto& d : name_diags.all()) diags.error(job.data.loc, row + "output name: " + d.message);
        names_ok = false;
        continue;
      }
      ConfinedName confined = names.confine(name);
      if (std::string why = inputs.refuse(name); confined.error.empty() && !why.empty())
        confined.error = "output name '" + name + "' is " + why;
      if (!confined.error.empty()) {
        diags.error(job.data.loc, row + confined.error);
        names_ok = false;
        continue;
      }
      job.output = confined.path;
      auto [it, fresh] = seen.emplace(confined.key, job.row);
      if (!fresh) {
        diags.error(job.data.loc, "rows " + std::to_string(it->second) + " and " + std::to_string(job.row) +
                                      " would both write '" + job.output + "'");
        names_ok = false;
      }
      outputs.push_back(job.output);
    }
  }
  if (names_ok && !make_folders(outputs, diags)) names_ok = false;
  for (const auto& job : jobs) {
    if (!names_ok || job.output.empty()) break;
    if (std::string why = unwritable(job.output); !why.empty()) {
      diags.error(job.data.loc, "row " + std::to_string(job.row) + ": " + why);
      names_ok = false;
    }
  }
  if (names_ok && !args.combine.empty()) {
    if (std::string why = unwritable(args.combine); !why.empty()) {
      diags.error({args.combine, 0, 0}, why);
      names_ok = false;
    }
  }
  if (!names_ok) {
    print_diagnostics(diags, stderr);
    return InputError;
  }
  remove_stale_temporaries(outputs);

  size_t threads = args.jobs > 0 ? static_cast<size_t>(args.jobs) : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, std::max<size_t>(jobs.size(), 1));
  bool keep_display = !args.combine.empty();
  // Only a combined batch keeps its rows' pages; a job without them is a
  // few hundred bytes, so 10,000 rows cost little more memory than 1,000.
  std::vector<std::optional<layout::DisplayList>> displays(keep_display ? jobs.size() : 0);
  std::atomic<size_t> next{0}, done{0};
  // The last row wakes the progress loop, which otherwise redraws every
  // 100 ms: a batch of a tenth of a second would wait for the next redraw.
  std::mutex finished_mutex;
  std::condition_variable finished;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      RowJob& job = jobs[i];
      BuildOptions row_opts = opts;
      row_opts.write_pdf = !keep_display;
      row_opts.reuse = true;  // rows differ only in their variables
      auto result = build(session, variables_of(job), row_opts, job.diags);
      if (!job.diags.has_errors()) {
        if (keep_display) {
          displays[i] = std::move(result.display);
          job.ok = displays[i].has_value();
        } else if (result.pdf) {
          std::string err = write_atomically(job.output, *result.pdf);
          if (!err.empty()) job.diags.error({job.output, 0, 0}, err);
          job.ok = err.empty();
        }
      }
      if (++done == jobs.size()) {
        std::lock_guard lock(finished_mutex);
        finished.notify_one();
      }
    }
  };

  Progress progress(jobs.size());
  std::vector<std::thread> pool;
  if (threads > 1) {
    // The signals that remove the rows' temporary files are taken by this
    // thread, which only waits.
    for (size_t t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        leave_fatal_signals_to_other_threads();
        worker();
      });
    std::unique_lock lock(finished_mutex);
    while (done < jobs.size()) {
      progress.draw(done);
      finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return done == jobs.size(); });
    }
  } else {
    worker();
  }
  for (auto& t : pool) t.join();
  progress.draw(done);
  progress.finish();

  print_diagnostics(diags, stderr);
  size_t failed = 0;
  for (const auto& job : jobs) {
    report_row(job, stderr);
    if (!job.ok) ++failed;
  }

  if (keep_display && failed == 0) {
    std::vector<layout::DisplayList> parts;
    for (auto& display : displays) parts.push_back(std::move(*display));
    Diagnostics combined_diags;
    auto bytes = pdf::write_pdf(combine(std::move(parts)), combined_diags);
    if (bytes && !combined_diags.has_errors()) {
      std::string err = write_atomically(args.combine, *bytes);
      if (!err.empty()) combined_diags.error({args.combine, 0, 0}, err);
    }
    print_diagnostics(combined_diags, stderr);
    if (combined_diags.has_errors()) return InputError;
  }
  if (failed > 0) {
    std::fprintf(stderr, "galley: %zu of %zu rows failed%s\n", failed, jobs.size(),
                 keep_display ? "; nothing combined" : "; the others were written");
    return InputError;
  }
  return Ok;
}

}  // namespace galley::cli
