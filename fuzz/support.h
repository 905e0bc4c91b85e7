// What the fuzz targets share: galley reads its inputs from files, so each
// target writes the fuzzer's bytes to a file in a private temporary folder
// and hands galley the path, as the command line would.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace galley::fuzz {

// The process's temporary folder (created on first use, removed at exit),
// laid out like the source tree: layouts/ and content/ are empty folders,
// fonts/, color/ and content/images/ link to the tree's.
const std::string& scratch_dir();

// Writes `size` bytes to scratch_dir()/name and returns the path.
std::string write_scratch(const std::string& name, const uint8_t* data, size_t size);
std::string write_scratch(const std::string& name, const std::string& text);

// A file of the source tree (samples, fonts, layouts), by its path from the root.
std::string source_path(const std::string& relative);

}  // namespace galley::fuzz
