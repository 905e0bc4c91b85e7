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
// `mapped_now` (optional) tells whether this call mapped the file, which
// drop_font_pages() may then be given.
hb_blob_t* font_file(const std::string& path, bool* mapped_now = nullptr);

// Gives back the pages of a blob font_file() mapped that the process has
// read so far: they leave its resident memory, and a later read faults them
// in again from the file (the page cache), unchanged, as the mapping is
// never written. A font book calls it once its checks have read a few
// tables of every face, most of which a build never draws.
void drop_font_pages(hb_blob_t* blob);

}  // namespace galley::text
