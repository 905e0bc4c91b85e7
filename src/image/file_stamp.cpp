#include "detail/file_stamp.h"

#include <sys/stat.h>

#include <charconv>
#include <ctime>

namespace galley::image {

std::optional<std::string> file_stamp(const std::string& path) {
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

std::string file_facts_key(const std::string& path, const std::string& part, const std::string& stamp) {
  return base::memo_key("file-facts", path, part, stamp);
}

}  // namespace galley::image
