// A file's identity as stat(2) sees it: device, inode, size and change
// times. Caches of what is derived from a file's bytes (image headers here,
// image XObjects and font subsets in pdf/, font facts in print/) key on it,
// so a file replaced or rewritten during a run is read again rather than
// served from memory.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "base/memo.h"

namespace galley::image {

// The memo key of a fact read from `path` as it is now (`stamp`):
// every input the fact depends on.
std::string file_facts_key(const std::string& path, const std::string& part, const std::string& stamp);

// Printable bytes that differ when the file does. nullopt when `path`
// cannot be stat'ed (the caller then reads it and reports why it cannot),
// and when the file changed in the last two seconds: file systems stamp
// times at a granularity of up to a second or two, so a write that soon
// after another could leave the stamp as it was. Such a file is simply not
// cached.
//
// While a FileLook is alive, a path is stat'ed once: a handout's build asked
// for its fonts' and picture's stamps 16 times (preflight, the PDF's fonts
// and images, layout's probes), each a stat(2). Thread-safe.
std::optional<std::string> file_stamp(const std::string& path);

// A build's look at its files: from its start, each path is stat'ed again
// at its next file_stamp() and that stamp is kept until the last look
// ends. cli/ opens one for each build, so a build sees each file as it was
// at its start or later, and whatever the process keeps from a file (the
// memos keyed by its stamp) is read again once the file has changed: a
// serve request or a batch row after an edit sees the edit. A look opened
// while another is alive (a batch's rows, serve's requests on other
// threads) starts afresh too, so each build's stamps are taken after it
// began. Outside any look every call stats.
class FileLook {
 public:
  FileLook();
  ~FileLook();
  FileLook(const FileLook&) = delete;
  FileLook& operator=(const FileLook&) = delete;
};

// Small results read from files (an image's header, a font's metrics), kept
// by file identity in the one memo (base/memo.h) for the process;
// thread-safe. Only successes are kept, so a failure is read, and reported,
// afresh by every caller.
template <class T>
class FileFacts {
 public:
  // `read()`, an std::optional<T>, for the file at `path`, unless kept;
  // `part` tells apart results from one file (a face index).
  template <class Read>
  std::optional<T> get(const std::string& path, const std::string& part, Read&& read) {
    const auto stamp = file_stamp(path);
    if (!stamp) return read();
    std::optional<T> mine;  // set when this caller read the file
    const auto kept = memo_.get(file_facts_key(path, part, *stamp), [&]() -> std::shared_ptr<const Kept> {
      mine = read();
      return mine ? std::make_shared<const Kept>(Kept{*mine}) : nullptr;
    });
    return kept ? std::optional<T>(kept->value) : mine;
  }

 private:
  struct Kept {
    T value;
    size_t bytes() const { return sizeof value; }
  };
  base::Memo<Kept> memo_{size_t{1} << 20};
};

}  // namespace galley::image
