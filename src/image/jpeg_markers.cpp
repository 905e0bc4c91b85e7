// The marker walk that runs before libjpeg sees a file. libjpeg trusts a
// segment's declared length and decodes every scan it is given, however
// many (a progressive file of thousands of empty scans costs minutes), and
// the PDF embeds the file's bytes: metadata a camera wrote (EXIF with GPS,
// XMP, comments, maker notes, whatever follows the end marker) would be
// published with the picture.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "detail/jpeg_markers.h"

namespace galley::image::detail {
namespace {

bool standalone(unsigned char marker) {
  return marker == 0x01 || marker == 0xD8 || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7);
}

bool starts_with(const unsigned char* data, size_t size, const char* tag, size_t tag_size) {
  return size >= tag_size && std::memcmp(data, tag, tag_size) == 0;
}

// Segments a printer needs: the tables, frame and scans, JFIF (which says
// the samples are YCbCr), an ICC profile (APP2) and the Adobe marker (APP14,
// the colour transform). Other APPn and comments are metadata.
bool kept(unsigned char marker, const unsigned char* payload, size_t size) {
  if (marker == 0xFE) return false;
  if (marker < 0xE0 || marker > 0xEF) return true;
  if (marker == 0xE0) return starts_with(payload, size, "JFIF\0", 5);
  if (marker == 0xE2) return starts_with(payload, size, "ICC_PROFILE\0", 12);
  if (marker == 0xEE) return starts_with(payload, size, "Adobe", 5);
  return false;
}

// Start-of-frame markers: SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC).
bool is_frame(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Each scan is a pass over the whole picture however little data it has,
// so a big picture gets fewer: at most kMaxJpegScanPixels scan-pixels, but
// always the 64 that the most thorough encoders write.
int scan_limit(uint64_t pixels) {
  if (pixels == 0) return kMaxJpegScans;
  return static_cast<int>(std::clamp<uint64_t>(kMaxJpegScanPixels / pixels, 64, kMaxJpegScans));
}

std::string hex_marker(unsigned char marker) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0xFF%02X", marker);
  return buf;
}

}  // namespace

std::optional<std::string> walk_jpeg(const std::string& bytes, std::string& error) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t size = bytes.size();
  std::string out(bytes, 0, 2);  // SOI; the caller sniffed it
  size_t pos = 2;
  int scans = 0, max_scans = kMaxJpegScans;
  while (pos < size) {
    if (data[pos] != 0xFF) return std::nullopt;
    while (pos < size && data[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= size) return std::nullopt;
    const unsigned char marker = data[pos++];
    if (marker == 0xD9) {
      out += "\xFF\xD9";  // EOI: what follows is not the image
      return out;
    }
    if (standalone(marker)) {
      out += '\xFF';
      out += static_cast<char>(marker);
      continue;
    }
    if (size - pos < 2) return std::nullopt;
    const size_t length = (size_t{data[pos]} << 8) | data[pos + 1];
    if (length < 2 || length > size - pos) {
      error = "segment " + hex_marker(marker) + " at byte " + std::to_string(pos - 2) + " claims " +
              std::to_string(length) + " bytes, but " + std::to_string(size - pos) + " remain";
      return std::nullopt;
    }
    size_t end = pos + length;
    if (is_frame(marker) && length >= 7) {
      const uint64_t height = (uint64_t{data[pos + 3]} << 8) | data[pos + 4];
      const uint64_t width = (uint64_t{data[pos + 5]} << 8) | data[pos + 6];
      max_scans = scan_limit(width * height);
    }
    if (marker == 0xDA) {
      if (++scans > max_scans) {
        error = "more than " + std::to_string(max_scans) + " scans" +
                (max_scans < kMaxJpegScans ? " (the most a picture of its size may have)" : "");
        return std::nullopt;
      }
      // Entropy-coded data runs to the next marker that is neither a
      // stuffed 0xFF00 nor a restart marker.
      while (end < size) {
        if (data[end] != 0xFF || end + 1 >= size) {
          ++end;
          continue;
        }
        const unsigned char next = data[end + 1];
        if (next == 0xFF) {
          ++end;
          continue;
        }
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          end += 2;
          continue;
        }
        break;
      }
    }
    if (kept(marker, data + pos + 2, length - 2)) {
      out += '\xFF';
      out += static_cast<char>(marker);
      out.append(bytes, pos, end - pos);
    }
    pos = end;
  }
  return std::nullopt;
}

}  // namespace galley::image::detail
