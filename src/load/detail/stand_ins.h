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
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace galley::load {

struct StandIn {
  std::size_t offset = 0, length = 0;  // of the value in the file
  int line = 0, column = 0;             // yaml-cpp's mark of it (from 0, in bytes)
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
  Condensed(std::string_view bytes, const std::vector<StandIn>& stand_ins);
  const std::string& text() const { return text_; }
  // The file's mark for a mark in text(): positions after a stand-in move
  // by what it left out, and so do columns on its line.
  YAML::Mark original(YAML::Mark m) const;

 private:
  std::string text_;
  struct Shift {
    std::size_t end = 0;  // in text(), just after the stand-in's "x"
    int line = 0;
    std::size_t before = 0;  // bytes left out by this stand-in and every one before it
    std::size_t own = 0;     // bytes left out by this stand-in
  };
  std::vector<Shift> shifts_;
};

}  // namespace galley::load
