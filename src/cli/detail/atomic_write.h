// Writing an output file so that a failed run never leaves a half-written or
// destroyed file: the bytes go to a temporary file beside the target, which
// is renamed over it only when complete.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::cli {

// Returns an empty string on success, else a description of what failed.
// Only a regular file or a new path is replaced: a device, FIFO, socket or
// directory at `path` is an error.
std::string write_atomically(const std::string& path, const std::string& bytes);

// The same, for bytes that come in pieces (a long report's PDF, written as
// it is made, never held whole): the temporary file is made at the first
// write() and renamed over `path` by commit(); dropped without a commit (an
// error, the bytes incomplete), it is removed. The signals remove it as
// they remove write_atomically's.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // False once anything failed; error() says what.
  bool write(std::string_view bytes);
  // Puts the file in place (an empty one when nothing was written). Returns
  // an empty string on success, else what failed (error()).
  std::string commit();
  const std::string& error() const { return error_; }

 private:
  bool open();
  void discard();
  struct Guard;
  std::string path_, error_;
  std::vector<char> temp_;  // its name, NUL-terminated, once made
  int fd_ = -1;
  std::unique_ptr<Guard> guard_;
};

// Moves the complete file `temp` to `path`, replacing a file there, so that
// `path` always names a whole file, the old or the new one. Returns 0, or
// errno with `temp` left for the caller to remove. `exchange` is the
// renameat2() flag tried first (RENAME_EXCHANGE; a flag the kernel rejects
// takes the fallback, as a file system without exchange does).
int replace_file(const char* temp, const char* path, unsigned exchange);

// Why write_atomically would refuse `path` before writing (its folder is
// missing, it is a directory or special file), or empty; to check outputs
// before the work of making them.
std::string unwritable(const std::string& path);

// Makes SIGTERM, SIGINT and SIGHUP remove the temporary files being written
// before the process dies of the signal, and ignores SIGXFSZ so a write past
// the file size limit fails as an error (and is cleaned up) instead of
// killing the process. Call once, before any thread starts.
void remove_temporaries_on_signals();

// For a thread that writes many files while another thread, which does not
// block them, takes the signals (a batch's workers; the main thread waits
// for them): blocks SIGTERM, SIGINT and SIGHUP on this thread for good, so
// its files are made without blocking them around each, two
// rt_sigprocmask(2) calls a file. Threads it starts inherit the mask.
void leave_fatal_signals_to_other_threads();

// The temporary file name write_atomically uses for `path` is
// `.NAME.tmp-XXXXXX` beside it, or `.galley-HASH.tmp-XXXXXX` when that would
// be longer than a file name may be. Removes those left for these targets
// by a run that was killed (SIGKILL, power loss) once they are older than
// ten minutes; younger ones may belong to a run still writing, and are
// ignored like any other file. Each folder is read once.
void remove_stale_temporaries(const std::vector<std::string>& targets);

}  // namespace galley::cli
