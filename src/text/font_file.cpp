#include "detail/font_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Marks the blobs map_font() made, the only ones whose pages may be dropped.
hb_user_data_key_t kMappedByUs;

// The file mapped read-only by galley itself, which HarfBuzz is told never to
// write (it copies a table it must repair): so its pages can be dropped and
// read again from the file at any time (drop_font_pages). Null when it
// cannot be mapped; the caller then lets HarfBuzz read the file.
hb_blob_t* map_font(const std::string& path, off_t size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  void* data = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) return nullptr;
  struct Mapping {
    void* data;
    size_t size;
  };
  auto* mapping = new Mapping{data, static_cast<size_t>(size)};
  hb_blob_t* blob = hb_blob_create_or_fail(static_cast<const char*>(data), static_cast<unsigned>(size),
                                HB_MEMORY_MODE_READONLY, mapping, [](void* m) {
                                  auto* map = static_cast<Mapping*>(m);
                                  ::munmap(map->data, map->size);
                                  delete map;
                                });
  if (blob && !hb_blob_set_user_data(blob, &kMappedByUs, &kMappedByUs, nullptr, false)) {
    hb_blob_destroy(blob);
    return nullptr;
  }
  return blob;
}

struct Kept {
  Stamp stamp;
  // The table's own reference, given back when the entry is replaced or the
  // table goes at exit.
  std::unique_ptr<hb_blob_t, BlobRelease> blob;
};

}  // namespace

hb_blob_t* font_file(const std::string& path, bool* mapped_now) {
  if (mapped_now) *mapped_now = false;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return nullptr;
  const Stamp stamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim};
  static std::mutex mutex;
  // Looked up only, never iterated: its order cannot reach the output.
  static std::map<std::string, Kept> kept;
  std::lock_guard lock(mutex);
  auto it = kept.find(path);
  if (it != kept.end() && it->second.stamp == stamp) return hb_blob_reference(it->second.blob.get());
  hb_blob_t* blob = nullptr;
  // Up to what a blob's length holds; an empty or special file is read as
  // HarfBuzz reads it, as before.
  if (S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= 0x7FFFFFFF) blob = map_font(path, st.st_size);
  if (blob && mapped_now) *mapped_now = true;
  if (!blob) blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return nullptr;
  if (it != kept.end())
    it->second = Kept{stamp, std::unique_ptr<hb_blob_t, BlobRelease>(blob)};
  else
    kept.emplace(path, Kept{stamp, std::unique_ptr<hb_blob_t, BlobRelease>(blob)});
  return hb_blob_reference(blob);
}

void drop_font_pages(hb_blob_t* blob) {
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<uintptr_t>(data);
  if (hb_blob_get_user_data(blob, &kMappedByUs) != &kMappedByUs || !data || size == 0 || start % page != 0)
    return;
  ::madvise(const_cast<char*>(data), size, MADV_DONTNEED);
}

}  // namespace galley::text
