// A font file read once per process: shaping (text/), embedding and
// subsetting (pdf/) and preflight's font facts (print/) share one mapping of
// each file instead of opening and mapping it three times.
#pragma once
#include <hb.h>

#include <string>

namespace galley::text {

// A new reference to `path`'s bytes (release it with hb_blob_destroy), or
// null when the file cannot be read. Kept for the process; a file whose
// size, time or inode changed since (galley watch, serve's reload) is read
// again, and the old bytes go when their last user lets them go.
hb_blob_t* font_file(const std::string& path);

}  // namespace galley::text
