// Long plain scalars handed to yaml-cpp as one letter. yaml-cpp's scanner
// spends about 1,300 instructions a byte of plain text (each character is
// matched against three regular expressions), and a long report's content
// is nine tenths such text: values alone on the rest of their line
// (`- paragraph: The five-year ...`). Such a value's text is its bytes, so
// galley gives yaml-cpp the file with each of them replaced by `x` (a
// stand-in), lets it parse the structure, and puts the bytes back when the
// stand-in comes out where it was put, as a plain scalar in block context.
// Anything else (a stand-in swallowed by a block scalar, continued on the
// next line, read in a flow collection, or any error) parses the file
// again as it is, so the tree and every message are yaml-cpp's own.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace galley::load {

// 16 bytes: a long report has one for each of its 60,000 paragraphs, and
// the load is the peak of its build's memory.
struct StandIn {
  std::uint32_t offset = 0, length = 0;  // of the value in the file (under kMaxFileBytes)
  int line = 0, column = 0;              // yaml-cpp's mark of it (from 0, in bytes)
};

// The values of `bytes` worth standing in for, in file order: a plain
// scalar that cannot end before its line does (no `: `, ` #`, trailing
// `:`), starts with no indicator, is not a null word, and is followed by
// no line that could continue it. A guess: whatever it gets wrong, the
// parse finds out.
std::vector<StandIn> find_stand_ins(std::string_view bytes);

// `bytes` with each stand-in's value replaced by "x", and the way back
// from the marks yaml-cpp reports on it to the file's.
class Condensed {
 public:
  // `stand_ins` must outlive it.
  Condensed(std::string_view bytes, const std::vector<StandIn>& stand_ins);
  const std::string& text() const { return text_; }
  // The file's mark for a mark in text(): positions after a stand-in move
  // by what it left out, and so do columns on its line.
  YAML::Mark original(YAML::Mark m) const;

 private:
  // Where stand-in `i`'s "x" ends in text().
  std::size_t end_of(std::size_t i) const;

  std::string text_;
  const std::vector<StandIn>& stand_ins_;
  std::vector<std::uint32_t> left_out_;  // bytes left out by stand-in i and every one before it
};

}  // namespace galley::load
