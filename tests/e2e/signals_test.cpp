// A galley killed by SIGTERM, SIGINT or SIGHUP while writing leaves no
// temporary file behind, and still dies of the signal (docs/batch.md).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "harness.h"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> temporaries(const std::string& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().string());
  return found;
}

// A batch whose rows each write a PDF of several megabytes (a noise image
// that does not compress), so its temporary files exist long enough to be
// caught.
std::string make_batch(const std::string& dir) {
  REQUIRE(sh("python3 -c \"import os, struct, zlib\n"
             "w = h = 1200\n"
             "raw = b''.join(b'\\\\0' + os.urandom(w * 3) for _ in range(h))\n"
             "def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))\n"
             "open('" + dir + "/noise.png', 'wb').write(b'\\\\x89PNG\\\\r\\\\n\\\\x1a\\\\n' + "
             "chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + "
             "chunk(b'IDAT', zlib.compress(raw, 1)) + chunk(b'IEND', b''))\"")
              .exit_code == 0);
  write_file(dir + "/content.yaml", "galley: 1\nlayout: " + std::string(GALLEY_SOURCE_DIR) +
                                        "/tests/hostile/support/minimal-layout.yaml\n"
                                        "flows: {main: [{image: {src: noise.png, alt: noise}}]}\n");
  std::string rows = "slug\n";
  for (int i = 0; i < 400; ++i) rows += "row" + std::to_string(i) + "\n";
  write_file(dir + "/rows.csv", rows);
  fs::create_directories(dir + "/out");
  return dir + "/out";
}

pid_t start_batch(const std::string& dir) {
  pid_t pid = fork();
  if (pid == 0) {
    // The test runner may ignore some of these; galley keeps an ignored
    // signal ignored, so give it the usual dispositions.
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) ::signal(sig, SIG_DFL);
    const std::string content = dir + "/content.yaml", rows = dir + "/rows.csv", out = dir + "/out/{{slug}}.pdf";
    if (!freopen("/dev/null", "w", stderr)) _exit(126);
    execl(GALLEY_BINARY, "galley", "build", content.c_str(), "--data", rows.c_str(), "-o", out.c_str(), "--jobs",
          "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("a signal while writing removes the temporary files and still kills galley") {
  const std::string dir = temp_dir();
  const std::string out = make_batch(dir);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    CAPTURE(sig);
    // Stopped at random moments until one finds a temporary file: then
    // the signal arrives while it is being written.
    bool caught = false;
    for (int attempt = 0; attempt < 5 && !caught; ++attempt) {
      pid_t pid = start_batch(dir);
      REQUIRE(pid > 0);
      int status = 0;
      for (int i = 0; i < 20000; ++i) {
        usleep(200);
        kill(pid, SIGSTOP);
        REQUIRE(waitpid(pid, &status, WUNTRACED) == pid);
        if (!WIFSTOPPED(status)) break;  // the batch finished first
        if (!temporaries(out).empty()) {
          caught = true;
          kill(pid, sig);
          kill(pid, SIGCONT);
          REQUIRE(waitpid(pid, &status, 0) == pid);
          break;
        }
        kill(pid, SIGCONT);
      }
      if (!caught) {
        if (WIFSTOPPED(status)) kill(pid, SIGKILL), kill(pid, SIGCONT);
        waitpid(pid, &status, 0);
        continue;
      }
      CHECK(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == sig);
      CHECK(temporaries(out).empty());
    }
    CHECK(caught);
  }
}
