#include <CLI/CLI.hpp>

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/cli.h"
#include "detail/catalog.h"
#include "detail/connections.h"
#include "serve/serve.h"
#include "detail/service.h"

namespace galley::serve {
namespace {

void add_options(CLI::App* cmd, ServeArgs& a) {
  Limits& l = a.limits;
  cmd->add_option("content", a.content, "serve this content descriptor as one template");
  cmd->add_option("--layout,-l", a.layout, "with CONTENT: its layout; overrides the content's layout:");
  cmd->add_option("--slug", a.slug, "with CONTENT: the variable that names the downloaded file");
  cmd->add_option("--root", a.root, "with CONTENT: read no file outside this folder (default: the content's folder)");
  cmd->add_option("--config,-c", a.config, "serve the templates of a serve.yaml");
  cmd->add_option("--host", a.host, "address to listen on")->capture_default_str();
  cmd->add_option("--port,-p", a.port, "port to listen on; 0 picks a free one")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--token-file", a.token_file, "require 'Authorization: Bearer TOKEN' (the file's first line) except on /health");
  cmd->add_option("--max-body", l.max_body, "request body bytes")->capture_default_str()->check(CLI::Range(size_t{1}, size_t{1} << 30));
  cmd->add_option("--max-value-length", l.max_value_length, "characters of a variable without its own max_length")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--deadline", l.deadline, "seconds from a request's headers to its answer")->capture_default_str()->check(CLI::Range(0.001, 3600.0));
  cmd->add_option("--max-pages", l.max_pages, "pages of one document")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--builds", l.builds, "documents built at once (0: one per core)")->capture_default_str()->check(CLI::Range(0, 1024));
  cmd->add_option("--queue", l.queue, "requests waiting for a build before 503")->capture_default_str()->check(CLI::Range(0, 100000));
  cmd->add_option("--workers", l.workers, "connections served at once")->capture_default_str()->check(CLI::Range(1, 4096));
  cmd->add_option("--pending", l.pending, "accepted connections waiting for a worker before 503")->capture_default_str()->check(CLI::Range(0, 100000));
  cmd->add_option("--read-timeout", l.read_timeout, "seconds to receive a whole request")->capture_default_str()->check(CLI::Range(0.01, 3600.0));
  cmd->add_option("--write-timeout", l.write_timeout, "seconds a client may stall reading the answer")->capture_default_str()->check(CLI::Range(0.01, 3600.0));
  cmd->add_option("--idle-timeout", l.idle_timeout, "seconds a kept-alive connection may idle")->capture_default_str()->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--keep-alive-requests", l.keep_alive_requests, "requests on one connection")->capture_default_str()->check(CLI::Range(1, 1000000));
  cmd->add_option("--reload-interval", l.reload_interval, "seconds between checks of the templates' files (0: never)")->capture_default_str()->check(CLI::Range(0.0, 86400.0));
}

bool read_token(const std::string& path, std::string& token) {
  std::ifstream in(path);
  if (!in || !std::getline(in, token)) return false;
  while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t')) token.pop_back();
  return !token.empty();
}

int serve(const ServeArgs& a) {
  if (a.config.empty() == a.content.empty()) {
    std::fprintf(stderr, "galley: error: serve takes CONTENT.yaml or --config serve.yaml\n");
    return cli::UsageError;
  }
  // A request's memory is a few large blocks (the pages, the PDF): glibc
  // would return them to the kernel after every request and fault them in
  // again for the next, a fifth of a handout's time in a profile. Kept
  // mapped, memory stays at its high-water mark, which is flat.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TRIM_THRESHOLD, 256 << 20) != 1)
    std::fprintf(stderr, "galley: warning: cannot tune the allocator; serving anyway\n");
  std::string token;
  if (!a.token_file.empty() && !read_token(a.token_file, token)) {
    std::fprintf(stderr, "galley: error: %s: no token on its first line\n", a.token_file.c_str());
    return cli::UsageError;
  }
  // SIGTERM and SIGINT are taken by one thread (below); every thread made
  // from here on inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Diagnostics diags;
  Catalog catalog;
  std::vector<TemplateSpec> specs;
  if (!a.config.empty() && !a.root.empty()) {
    std::fprintf(stderr, "galley: error: with --config, each template's root is set in serve.yaml ('root:')\n");
    return cli::UsageError;
  }
  if (!a.config.empty()) {
    catalog.watch_config(a.config, file_identity(a.config));
    auto read = read_config(a.config, a.limits, diags);
    if (!read) {
      cli::print_diagnostics(diags, stderr);
      return cli::InputError;
    }
    specs = std::move(*read);
  } else {
    specs.push_back(single_template(a.content, a.layout, a.root));
    specs.back().slug = a.slug;
    if (!valid_id(specs.back().id)) {
      std::fprintf(stderr, "galley: error: '%s' does not make a template id (letters, digits, '-', '_', '.')\n",
                   specs.back().id.c_str());
      return cli::UsageError;
    }
  }
  const bool loaded = catalog.load(std::move(specs), a.limits, diags);
  cli::print_diagnostics(diags, stderr);
  if (!loaded) return cli::InputError;

  Metrics metrics;
  Service service(catalog, metrics, a.limits, token);
  Server server(a.limits, [&metrics] { metrics.rejected("connections"); });
  service.install(server);
  const int port = a.port == 0 ? server.bind_to_any_port(a.host) : (server.bind_to_port(a.host, a.port) ? a.port : -1);
  if (port < 0) {
    std::fprintf(stderr, "galley: error: cannot listen on %s:%d\n", a.host.c_str(), a.port);
    return cli::InputError;
  }
  server.widen_backlog(1024);
  std::fprintf(stderr, "galley: serving %zu template%s on http://%s:%d/\n", catalog.all().size(),
               catalog.all().size() == 1 ? "" : "s", a.host.c_str(), port);
  std::fflush(stderr);

  std::atomic<bool> done{false};
  std::jthread stopper([&] {
    const timespec tick{0, 200'000'000};
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        service.draining = true;
        // A signal just before listening starts finds nothing to stop yet.
        while (!done) {
          server.drain();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return;
      }
    }
  });
  std::jthread reloader([&](std::stop_token stop) {
    if (a.limits.reload_interval <= 0) return;
    auto next = Clock::now();
    while (!stop.stop_requested()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (Clock::now() < next) continue;
      auto counts = catalog.refresh();
      for (int i = 0; i < counts.reloaded; ++i) metrics.reload(true);
      for (int i = 0; i < counts.failed; ++i) metrics.reload(false);
      if (counts.reloaded || counts.failed)
        std::fprintf(stderr, "galley: templates reloaded: %d, failed: %d\n", counts.reloaded, counts.failed);
      next = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(a.limits.reload_interval));
    }
  });
  const bool ok = server.listen_after_bind();
  done = true;
  reloader.request_stop();
  std::fprintf(stderr, "galley: stopped\n");
  return ok || service.draining ? cli::Ok : cli::InternalError;
}

}  // namespace

cli::Command add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "serve templates over HTTP: a PDF per request (docs/serve.md)");
  add_options(cmd, *args);
  return {[cmd] { return static_cast<bool>(*cmd); }, [args] { return serve(*args); }};
}

}  // namespace galley::serve
