#include "detail/atomic_write.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <utility>

namespace galley::cli {
namespace {

namespace fs = std::filesystem;

// The temporary files being written, for the signal handler. A handler may
// only touch lock-free atomics and call async-signal-safe functions, so the
// names live in fixed slots: Free → Filling (a writer, with the fatal
// signals blocked on its thread, makes its file and copies the name in) →
// Live → Free again once renamed, or → Taken when the handler claims it to
// unlink (the process then dies).
enum SlotState : int { Free, Filling, Live, Taken };
constexpr int kSlots = 128;
struct Slot {
  std::atomic<int> state{Free};
  char path[4096] = {};
};
// constinit: zero, so in .bss with no initialiser at start; a dynamic one
// stored each slot's state, which made all 128 pages (512 KB) resident in
// every run.
constinit Slot g_slots[kSlots];
// Set by the handler before it looks at any slot. The handler runs on one
// thread while the others go on writing: a writer that takes a slot after
// the handler has passed it would leave its file behind, so a writer that
// finds this set gives its slot back and waits for the process to die.
constinit std::atomic<bool> g_dying{false};
static_assert(std::atomic<int>::is_always_lock_free);
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void remove_temporaries_and_die(int sig) {
  const int saved = errno;
  g_dying.store(true);
  for (auto& slot : g_slots) {
    // A slot being filled on another thread holds a file (or soon none)
    // within microseconds; wait for it, within reason.
    for (int i = 0; i < 1000 && slot.state.load() == Filling; ++i) {
      const timespec ms{0, 1'000'000};
      ::nanosleep(&ms, nullptr);
    }
    int live = Live;
    if (slot.state.compare_exchange_strong(live, Taken)) ::unlink(slot.path);
  }
  // Blocked until the handler returns, then fatal with the default action,
  // so the parent sees the signal as the cause of death.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
  errno = saved;
}

// A slot holding a temporary file's name while the file exists, or none
// when the name does not fit (the file is then written unguarded).
class Registration {
 public:
  // Takes a slot for a name of `length` bytes, before the file is made.
  explicit Registration(size_t length) {
    if (length >= sizeof(Slot::path)) return;
    while (!slot_) {
      for (auto& s : g_slots) {
        int free = Free;
        if (s.state.compare_exchange_strong(free, Filling)) {
          slot_ = &s;
          break;
        }
      }
      // More files being written at once than slots: wait for one.
      if (!slot_) std::this_thread::yield();
    }
    // Sequentially consistent with the handler's store and its reading of
    // the slots: either the handler sees this slot Filling (and waits for
    // it), or this thread sees the handler at work.
    if (g_dying.load()) {
      slot_->state.store(Free);
      for (;;) ::pause();
    }
  }
  // The file is made: `path`, or nothing when null.
  void made(const char* path) {
    if (!slot_) return;
    if (path) {
      std::memcpy(slot_->path, path, std::strlen(path) + 1);
      slot_->state.store(Live);
    } else {
      slot_->state.store(Free);
      slot_ = nullptr;
    }
  }
  ~Registration() {
    if (!slot_) return;
    int live = Live;
    // Taken: a signal handler is removing the file and the process is
    // about to die; do not race it for the slot.
    if (!slot_->state.compare_exchange_strong(live, Free))
      for (;;) ::pause();
  }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  Slot* slot_ = nullptr;
};

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The fatal signals this thread blocks for good
// (leave_fatal_signals_to_other_threads()).
thread_local bool t_fatal_blocked = false;

sigset_t fatal_signals() {
  sigset_t fatal;
  sigemptyset(&fatal);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&fatal, sig);
  return fatal;
}

constexpr size_t kNameMax = 255;  // NAME_MAX on Linux file systems

// The temporary file's name without mkstemp's six characters.
std::string temp_prefix(const std::string& filename) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "." + string.
  std::string prefix(1, '.');
  prefix.append(filename).append(".tmp-");
  if (prefix.size() + 6 <= kNameMax) return prefix;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(filename)));
  return std::string(".galley-") + hash + ".tmp-";
}

fs::path folder_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

}  // namespace

void remove_temporaries_on_signals() {
  struct sigaction action {};
  action.sa_handler = remove_temporaries_and_die;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    struct sigaction old {};
    // A signal the parent chose to ignore (nohup, a background job's
    // SIGINT) stays ignored.
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sig, &action, nullptr);
  }
  ::signal(SIGXFSZ, SIG_IGN);
}

void leave_fatal_signals_to_other_threads() {
  const sigset_t fatal = fatal_signals();
  t_fatal_blocked = pthread_sigmask(SIG_BLOCK, &fatal, nullptr) == 0;
}

void remove_stale_temporaries(const std::vector<std::string>& targets) {
  std::map<fs::path, std::set<std::string>> by_folder;
  for (const auto& t : targets) {
    fs::path target(t);
    by_folder[folder_of(target)].insert(temp_prefix(target.filename().string()));
  }
  const auto stale_before = fs::file_time_type::clock::now() - std::chrono::minutes(10);
  for (const auto& [folder, prefixes] : by_folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() <= 6 || !prefixes.count(name.substr(0, name.size() - 6))) continue;
      std::error_code file_ec;
      if (!it->is_regular_file(file_ec) || it->is_symlink(file_ec)) continue;
      const auto written = it->last_write_time(file_ec);
      if (!file_ec && written < stale_before) fs::remove(it->path(), file_ec);
    }
  }
}

std::string unwritable(const std::string& path) {
  fs::path target(path);
  fs::path dir = folder_of(target);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "directory '" + dir.string() + "' does not exist";
  auto status = fs::status(target, ec);
  if (fs::is_directory(status)) return "'" + path + "' is a directory";
  // rename() would replace a device node or FIFO with the PDF.
  if (fs::exists(status) && !fs::is_regular_file(status))
    return "'" + path + "' is not a regular file (a device, FIFO or socket); galley replaces only regular files";
  return {};
}

struct AtomicFile::Guard {
  explicit Guard(size_t length) : registration(length) {}
  Registration registration;
};

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.data());
    fd_ = -1;
  }
  guard_.reset();
}

bool AtomicFile::open() {
  // What is at the path, looked at once: a missing folder is told apart
  // (unwritable()) only when the temporary file cannot be made in it, so
  // writing a file costs one stat(2), not two.
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    error_ = unwritable(path_);
    if (!error_.empty()) return false;
  }
  fs::path target(path_);
  std::string tmpl = (folder_of(target) / temp_prefix(target.filename().string())).string() + "XXXXXX";
  temp_.assign(tmpl.begin(), tmpl.end());
  temp_.push_back('\0');
  // The slot is taken before the file is made and filled after, with the
  // fatal signals blocked on this thread meanwhile; a handler on another
  // thread waits for the filling, so the file is never missed.
  const sigset_t fatal = fatal_signals();
  sigset_t before;
  if (!t_fatal_blocked) pthread_sigmask(SIG_BLOCK, &fatal, &before);
  guard_ = std::make_unique<Guard>(tmpl.size());
  fd_ = mkstemp(temp_.data());
  const int mkstemp_errno = errno;
  guard_->registration.made(fd_ >= 0 ? temp_.data() : nullptr);
  if (!t_fatal_blocked) pthread_sigmask(SIG_SETMASK, &before, nullptr);
  if (fd_ < 0) {
    guard_.reset();
    error_ = unwritable(path_);
    if (error_.empty()) error_ = std::string("cannot create a temporary file: ") + std::strerror(mkstemp_errno);
    return false;
  }
  return true;
}

bool AtomicFile::write(std::string_view bytes) {
  if (!error_.empty()) return false;
  if (fd_ < 0 && !open()) return false;
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      const int e = errno;
      if (e == EINTR) continue;
      error_ = std::string("cannot write: ") + std::strerror(e);
      discard();
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

std::string AtomicFile::commit() {
  if (!error_.empty() || (fd_ < 0 && !open())) return error_;
  // mkstemp creates 0600; an output file should be readable like any other.
  // umask can only be read by setting it, and it is the process's: read once
  // (static initialisation is thread-safe), so batch threads writing at
  // once never see the other's 0 nor leave it set.
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  ::fchmod(fd_, 0666 & ~mask);
  const int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) {
    const int e = errno;
    error_ = std::string("cannot write: ") + std::strerror(e);
  } else if (const int e = replace_file(temp_.data(), path_.c_str(), RENAME_EXCHANGE); e != 0) {
    error_ = "cannot replace '" + path_ + "': " + std::strerror(e);
  } else {
    guard_.reset();
    return {};
  }
  ::unlink(temp_.data());
  guard_.reset();
  return error_;
}

// Exchanging rather than renaming over: ext4 with auto_da_alloc (its default)
// starts writeback of the new file's delayed blocks inside a rename() that
// replaces a file, and freeing the replaced file's blocks with `-o discard`
// and no journal waits for the discard, both in the caller's time; measured
// on the bench's machine, 0.5-4 ms of a 40 ms build. The exchange is as
// atomic for readers (the path names the old file, then the new one) but
// flushes nothing, so the new file's blocks are allocated by writeback later;
// the old file, now under the temporary name, is then unlinked, which frees
// its blocks as the rename would have (nothing, when they were never
// allocated). What is lost is the heuristic's shorter crash window on a
// journalled ext4: galley never promised durability (no fsync).
int replace_file(const char* temp, const char* path, unsigned exchange) {
  if (::renameat2(AT_FDCWD, temp, AT_FDCWD, path, exchange) == 0) {
    // ENOENT: another run's cleanup of old temporaries got there first.
    if (::unlink(temp) == 0 || errno == ENOENT) return 0;
    // A directory made at `path` since unwritable() looked (rename() would
    // have failed with EISDIR): put it back.
    const int e = errno;
    ::renameat2(AT_FDCWD, temp, AT_FDCWD, path, exchange);
    return e;
  }
  // Nothing at `path` yet (ENOENT), or a file system that cannot exchange
  // (EINVAL), or any other refusal, which rename() then reports.
  return std::rename(temp, path) == 0 ? 0 : errno;
}

std::string write_atomically(const std::string& path, const std::string& bytes) {
  AtomicFile file(path);
  if (!file.write(bytes)) return file.error();
  return file.commit();
}

}  // namespace galley::cli
