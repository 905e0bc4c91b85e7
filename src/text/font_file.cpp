#include "detail/font_file.h"

#include <sys/stat.h>

#include <map>
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

struct Kept {
  Stamp stamp;
  hb_blob_t* blob = nullptr;  // one reference held by the table
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
  if (it != kept.end() && it->second.stamp == stamp) return hb_blob_reference(it->second.blob);
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return nullptr;
  if (it != kept.end()) {
    hb_blob_destroy(it->second.blob);
    it->second = {stamp, blob};
  } else {
    kept.emplace(path, Kept{stamp, blob});
  }
  return hb_blob_reference(blob);
}

}  // namespace galley::text
