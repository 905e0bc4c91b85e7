// Writes small test images with libpng and libjpeg, so the malformed cases
// are derived from known-good files instead of committed binaries.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace galley::testimg {

// color_type and bit_depth as in libpng (PNG_COLOR_TYPE_*). Palette images
// get a 4-colour palette; `trns` adds transparency for palette index 0.
// Rows use every PNG filter type (libpng picks one per row).
std::string png_bytes(int width, int height, int color_type, int bit_depth, bool trns = false,
                      bool interlaced = false);
// The sample bytes png_bytes writes for row `y` (8-bit and deeper images).
uint8_t png_sample(size_t index_in_row, int y);

// components 1 (gray), 3 (RGB) or 4 (CMYK, Adobe-inverted as Photoshop writes it).
std::string jpeg_bytes(int width, int height, int components, bool progressive);

void write_file(const std::string& path, const std::string& bytes);
std::string temp_path(const std::string& name);

}  // namespace galley::testimg
