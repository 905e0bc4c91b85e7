// Hostile images and fonts for tests/hostile/build, made from known-good
// files by the byte surgery each case names, and a child-process runner
// that measures what a run cost (wait4's rusage).
#pragma once
#include <string>
#include <vector>

namespace e2e {

// Writes every file the cases in tests/hostile/build name into `dir`
// (images/, fonts/), beside copies of the case and layout files.
void write_hostile_files(const std::string& dir);

struct Measured {
  int exit_code = -1;
  std::string err;     // stderr
  double seconds = 0;  // user + system CPU time
  long max_rss_mb = 0;
};

// The memory tests' documents are sized for the bounds the release run
// (make test-release) checks. Under AddressSanitizer, whose shadow memory
// and quarantine make a process's size say nothing of the build's, no bound
// is checked, and each document is a fifth as long: it still takes every
// path (pages written ahead, blocks freed as resolved, both threads), in a
// fifth of the time.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kMemoryScale = 5;
#else
inline constexpr int kMemoryScale = 1;
#endif
constexpr int scaled(int n) { return n / kMemoryScale; }

// Runs the galley binary with `args` in `cwd`, stdout discarded.
Measured run_measured(const std::string& cwd, const std::vector<std::string>& args);

// PNG chunks and JPEG segments, for the surgery.
std::string png_chunk(const std::string& type, const std::string& data);
std::string jpeg_segment(unsigned char marker, const std::string& payload);

}  // namespace e2e
