#include "cli/watch_command.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "cli/cli.h"
#include "load/load.h"

extern char** environ;

namespace galley::cli {

namespace {

namespace fs = std::filesystem;

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

std::string absolute(const std::string& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return ec ? p : a.lexically_normal().string();
}

// Every file a build of `content` reads, as absolute paths. When a file no
// longer loads, `last` (the set of the last build that did) is kept, plus
// the descriptors themselves, so fixing the file is noticed.
std::set<std::string> files_read(const std::string& content, const std::string& layout_arg,
                                 const std::set<std::string>& last) {
  std::set<std::string> files = last;
  files.insert(absolute(content));
  Diagnostics quiet;
  auto doc = load::load_document(content, quiet);
  std::string layout_path = layout_arg.empty() && doc ? doc->layout_path : layout_arg;
  if (layout_path.empty()) return files;
  files.insert(absolute(layout_path));
  if (doc) {
    for (const auto& f : doc->flows)
      for (const auto& b : f.blocks) {
        if (!b.src.empty()) files.insert(absolute(b.src));
        if (b.chart && b.chart->data) files.insert(absolute(b.chart->data->source));
      }
  }
  auto layout = load::load_layout(layout_path, quiet);
  if (!layout) return files;
  for (const auto& f : layout->fonts)
    for (const std::string* p : {&f.regular, &f.bold, &f.italic, &f.bold_italic})
      if (!p->empty()) files.insert(absolute(*p));
  for (const auto& [name, m] : layout->masters) {
    if (!m.background_image.empty()) files.insert(absolute(m.background_image));
    for (const auto& e : m.elements)
      if (!e.src.empty()) files.insert(absolute(e.src));
  }
  if (!layout->output.icc_profile.empty()) files.insert(absolute(layout->output.icc_profile));
  return files;
}

// Runs `galley build` as a child; true when it succeeded.
bool build(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0) {
    std::fprintf(stderr, "galley: error: cannot start a build: %s\n", std::strerror(errno));
    return false;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int run_watch(const std::string& content, const std::string& layout, const std::string& output) {
  std::vector<std::string> args = {"galley", "build", content};
  if (!layout.empty()) args.insert(args.end(), {"--layout", layout});
  const std::string out = output.empty() ? fs::path(content).stem().string() + ".pdf" : output;
  args.insert(args.end(), {"-o", out});

  struct sigaction sa {};
  sa.sa_handler = on_signal;  // no SA_RESTART: poll() returns on Ctrl-C
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  const int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) {
    std::fprintf(stderr, "galley: error: cannot watch files: %s\n", std::strerror(errno));
    return InputError;
  }
  std::set<std::string> files;
  while (!g_stop) {
    const bool ok = build(args);
    files = files_read(content, layout, ok ? std::set<std::string>{} : files);
    // Directories, not files: editors save by writing a new file and
    // renaming it over the old one, which a watch on the file would lose.
    std::map<int, std::string> dirs;
    for (const auto& f : files) {
      const std::string dir = fs::path(f).parent_path().string();
      // IN_MODIFY too: setting only a file's mtime (`touch -m`) reports that,
      // not IN_ATTRIB.
      const int wd = inotify_add_watch(fd, dir.c_str(),
                                       IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MODIFY);
      if (wd >= 0) dirs[wd] = dir;
    }
    // Said once the watches are set, so a save after it is never missed.
    std::fprintf(stderr, ok ? "galley watch: wrote %s\n" : "galley watch: build failed; %s is unchanged\n",
                 out.c_str());
    bool changed = false;
    while (!changed && !g_stop) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, -1) <= 0) continue;
      alignas(inotify_event) char buf[16384];
      ssize_t n;
      // A save is several events: read them all, then wait for a quiet
      // 20 ms so one save is one build.
      do {
        while ((n = read(fd, buf, sizeof buf)) > 0) {
          for (char* at = buf; at < buf + n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(at);
            auto it = dirs.find(ev->wd);
            if (it != dirs.end() && ev->len > 0 && files.count((fs::path(it->second) / ev->name).string()))
              changed = true;
            at += sizeof(inotify_event) + ev->len;
          }
        }
        pollfd q{fd, POLLIN, 0};
        if (!changed || poll(&q, 1, 20) <= 0) break;
      } while (!g_stop);
    }
    for (const auto& [wd, dir] : dirs) inotify_rm_watch(fd, wd);
  }
  close(fd);
  std::fprintf(stderr, "galley watch: stopped\n");
  return Ok;
}

}  // namespace galley::cli
