// A file's identity as stat(2) sees it: device, inode, size and change
// times. Caches of what is derived from a file's bytes (image headers here,
// image XObjects and font subsets in pdf/) key on it, so a file replaced or
// rewritten during a run is read again rather than served from memory.
#pragma once
#include <optional>
#include <string>

namespace galley::image {

// Printable bytes that differ when the file does. nullopt when `path`
// cannot be stat'ed (the caller then reads it and reports why it cannot),
// and when the file changed in the last two seconds: file systems stamp
// times at a granularity of up to a second or two, so a write that soon
// after another could leave the stamp as it was. Such a file is simply not
// cached.
std::optional<std::string> file_stamp(const std::string& path);

}  // namespace galley::image
