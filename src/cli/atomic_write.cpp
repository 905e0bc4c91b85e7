#include "cli/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace galley::cli {

std::string write_atomically(const std::string& path, const std::string& bytes) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "directory '" + dir.string() + "' does not exist";
  if (fs::is_directory(target, ec)) return "'" + path + "' is a directory";

  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "." + string.
  std::string hidden(1, '.');
  hidden.append(target.filename().string()).append(".tmp-XXXXXX");
  std::string tmpl = (dir / hidden).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return std::string("cannot create a temporary file: ") + std::strerror(errno);

  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(name.data());
      return "cannot write: " + why;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp creates 0600; an output file should be readable like any other.
  // umask can only be read by setting it, and it is the process's: read once
  // (static initialisation is thread-safe), so batch threads writing at
  // once never see the other's 0 nor leave it set.
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(name.data());
    return "cannot write: " + why;
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(name.data());
    return "cannot replace '" + path + "': " + why;
  }
  return {};
}

}  // namespace galley::cli
