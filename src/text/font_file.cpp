#include "detail/font_file.h"

#include <sys/stat.h>

#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace galley::text {
namespace {

struct Stamp {
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = 0;
  struct timespec mtime {};
  bool operator==(const Stamp& o) const {
    return std::tie(dev, ino, size, mtime.tv_sec, mtime.tv_nsec) ==
           std::tie(o.dev, o.ino, o.size, o.mtime.tv_sec, o.mtime.tv_nsec);
  }
};

struct BlobRelease {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};

struct Kept {
  Stamp stamp;
  // The table's own reference, given back when the entry is replaced or the
  // table goes at exit.
  std::unique_ptr<hb_blob_t, BlobRelease> blob;
};

}  // namespace

hb_blob_t* font_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return nullptr;
  const Stamp stamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim};
  static std::mutex mutex;
  // Looked up only, never iterated: its order cannot reach the output.
  static std::map<std::string, Kept> kept;
  std::lock_guard lock(mutex);
  auto it = kept.find(path);
  if (it != kept.end() && it->second.stamp == stamp) return hb_blob_reference(it->second.blob.get());
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return nullptr;
  if (it != kept.end())
    it->second = Kept{stamp, std::unique_ptr<hb_blob_t, BlobRelease>(blob)};
  else
    kept.emplace(path, Kept{stamp, std::unique_ptr<hb_blob_t, BlobRelease>(blob)});
  return hb_blob_reference(blob);
}

}  // namespace galley::text
