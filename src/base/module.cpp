#include "base/module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

// AddressSanitizer's runtime up to GCC 13 and LLVM 16 guesses the extent
// of a dynamic TLS block (a dlopen'ed library's thread-local variables)
// from its address: at 16 bytes past a page boundary it takes the block
// for glibc 2.19's mmap'ed kind and reads the two words before it as the
// block's start and size (google/sanitizers#1322). glibc since 2.25 takes
// these blocks from malloc, so a block that lands there by chance is
// recorded with the allocator's chunk header as its extent, and
// LeakSanitizer's tracer faults scanning it at exit ("Tracer caught signal
// 11"). A module brings such blocks: libqpdf links GnuTLS, whose
// thread-local block the main thread allocates, 16 bytes long, wherever
// the heap has a free 16-byte chunk, so any change in what galley allocates
// before it could move it to that offset. Not intercepting __tls_get_addr
// leaves dynamic TLS unscanned for leak roots: galley's own thread-local
// variables are in the executable's static TLS, which is scanned.
#if defined(__clang__)
#if __has_feature(address_sanitizer) && __clang_major__ < 17
#define GALLEY_ASAN_GUESSES_DTLS 1
#endif
#elif defined(__SANITIZE_ADDRESS__) && __GNUC__ < 14
#define GALLEY_ASAN_GUESSES_DTLS 1
#endif
#ifdef GALLEY_ASAN_GUESSES_DTLS
extern "C" const char* __asan_default_options() { return "intercept_tls_get_addr=0"; }
#endif

namespace galley::base {
namespace {

std::string executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::mutex& module_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<std::string>& added_dirs() {
  static std::vector<std::string> dirs;
  return dirs;
}

std::vector<std::string> candidates(const std::string& file) {
  std::vector<std::string> out;
  if (const std::string dir = executable_dir(); !dir.empty()) {
    out.push_back(dir + "/" + file);
    out.push_back(dir + "/../lib/galley/" + file);
  }
  for (const std::string& dir : added_dirs()) out.push_back(dir + "/" + file);
  return out;
}

}  // namespace

void add_module_dir(const std::string& dir) {
  std::lock_guard lock(module_mutex());
  added_dirs().push_back(dir);
}

const void* load_module(const std::string& file, const char* entry, std::string& error) {
  static std::map<std::string, void*> loaded;  // file -> handle, for the process
  std::lock_guard lock(module_mutex());
  void* handle = nullptr;
  if (auto it = loaded.find(file); it != loaded.end()) {
    handle = it->second;
  } else {
    std::string tried;
    for (const auto& path : candidates(file)) {
      if (::access(path.c_str(), R_OK) != 0) continue;
      handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle) break;
      const char* why = ::dlerror();
      tried += std::string(tried.empty() ? "" : "; ") + (why ? why : path);
    }
    if (!handle) {
      error = tried.empty() ? file + " is not installed next to galley" : "cannot load " + file + ": " + tried;
      return nullptr;
    }
    loaded.emplace(file, handle);
  }
  using Entry = const void* (*)();
  auto fn = reinterpret_cast<Entry>(::dlsym(handle, entry));
  if (!fn) {
    error = file + " has no " + entry;
    return nullptr;
  }
  return fn();
}

std::string sibling_path(const std::string& name) {
  const std::string dir = executable_dir();
  return dir.empty() ? name : dir + "/" + name;
}

}  // namespace galley::base
