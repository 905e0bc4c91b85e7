#include "detail/file_stamp.h"

#include <sys/stat.h>

#include <charconv>
#include <ctime>
#include <mutex>
#include <unordered_map>

namespace galley::image {

namespace {

std::optional<std::string> stat_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  timespec now{};
  if (::clock_gettime(CLOCK_REALTIME, &now) != 0 || st.st_ctim.tv_sec > now.tv_sec - 2)
    return std::nullopt;
  // The change time moves on every write, even one that puts the
  // modification time back.
  // Written into one buffer: every warm serve request stamps its fonts,
  // images and profile.
  char text[7 * 21];
  char* p = text;
  for (long long v : {static_cast<long long>(st.st_dev), static_cast<long long>(st.st_ino),
                      static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                      static_cast<long long>(st.st_mtim.tv_nsec), static_cast<long long>(st.st_ctim.tv_sec),
                      static_cast<long long>(st.st_ctim.tv_nsec)}) {
    p = std::to_chars(p, text + sizeof text - 1, v).ptr;
    *p++ = ':';
  }
  return std::string(text, p);
}

// The stamps of the current look, by path; emptied as a look starts and
// when the last ends, so it holds no more than the files of the builds
// since.
struct Looks {
  std::mutex mutex;
  int open = 0;
  uint64_t number = 0;  // of the current look
  std::unordered_map<std::string, std::optional<std::string>> stamps;
};

Looks& looks() {
  static Looks l;
  return l;
}

}  // namespace

std::optional<std::string> file_stamp(const std::string& path) {
  Looks& l = looks();
  uint64_t number = 0;
  {
    std::lock_guard lock(l.mutex);
    if (l.open == 0) return stat_stamp(path);
    if (auto it = l.stamps.find(path); it != l.stamps.end()) return it->second;
    number = l.number;
  }
  // Stat'ed without the lock; when two threads stat a new path at once,
  // both get the stamp kept first.
  std::optional<std::string> stamp = stat_stamp(path);
  std::lock_guard lock(l.mutex);
  // A stat begun before the current look started is this caller's only.
  if (l.open == 0 || l.number != number) return stamp;
  return l.stamps.try_emplace(path, std::move(stamp)).first->second;
}

FileLook::FileLook() {
  Looks& l = looks();
  std::lock_guard lock(l.mutex);
  ++l.open;
  ++l.number;
  l.stamps.clear();
}

FileLook::~FileLook() {
  Looks& l = looks();
  std::lock_guard lock(l.mutex);
  if (--l.open == 0) {
    ++l.number;
    l.stamps.clear();
  }
}

std::string file_facts_key(const std::string& path, const std::string& part, const std::string& stamp) {
  return base::memo_key("file-facts", path, part, stamp);
}

}  // namespace galley::image
