// A file's identity as stat(2) sees it: device, inode, size and change
// times. Caches of what is derived from a file's bytes (image headers here,
// image XObjects and font subsets in pdf/, font facts in print/) key on it,
// so a file replaced or rewritten during a run is read again rather than
// served from memory.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace galley::image {

// Printable bytes that differ when the file does. nullopt when `path`
// cannot be stat'ed (the caller then reads it and reports why it cannot),
// and when the file changed in the last two seconds: file systems stamp
// times at a granularity of up to a second or two, so a write that soon
// after another could leave the stamp as it was. Such a file is simply not
// cached.
std::optional<std::string> file_stamp(const std::string& path);

// Small results read from files (an image's header, a font's metrics), kept
// by file identity for the process; thread-safe. Only successes are kept,
// so a failure is read, and reported, afresh by every caller.
template <class T>
class FileFacts {
 public:
  // `read()`, an std::optional<T>, for the file at `path`, unless kept;
  // `part` tells apart results from one file (a face index).
  template <class Read>
  std::optional<T> get(const std::string& path, const std::string& part, Read&& read) {
    const auto stamp = file_stamp(path);
    if (!stamp) return read();
    const std::string key = path + '\n' + part + '\n' + *stamp;
    {
      std::lock_guard lock(mutex_);
      if (auto it = known_.find(key); it != known_.end()) return it->second;
    }
    std::optional<T> value = read();
    if (value) {
      std::lock_guard lock(mutex_);
      if (known_.size() >= kMaxEntries) known_.clear();
      known_.emplace(key, *value);
    }
    return value;
  }

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::mutex mutex_;
  std::unordered_map<std::string, T> known_;
};

}  // namespace galley::image
