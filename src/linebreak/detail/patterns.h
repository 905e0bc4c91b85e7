// TeX hyphenation patterns (Liang's algorithm) read from a hyphenation
// dictionary in libhyphen's .dic format, as Debian's hyphen-* packages
// install them: a charset line, then one pattern per line ("a1b2c",
// "." marking a word edge), the LEFTHYPHENMIN/RIGHTHYPHENMIN/
// COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN settings, and optionally
// NEXTLEVEL, which makes the patterns above it a first level that splits
// compounds (German's list of 69,000 words) and those below the patterns
// for each part.
//
// galley reads the file itself rather than through libhyphen: libhyphen
// builds its automaton through a hash table of a fixed 31,627 buckets, and
// German's 78,000 lines (over 600,000 states) make every lookup walk a long
// chain, 2.8 to 11 s per load. Sorted patterns make a trie in one pass.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::linebreak {

// One level of patterns as a trie over code points: the children of a node
// are contiguous and sorted by code point.
class PatternTrie {
 public:
  // Patterns as read, in file order, kept flat: a German file has 78,000.
  struct Patterns {
    struct Ref {
      uint32_t letters, digits, size;  // offsets into the pools; letter count
    };
    std::u32string letters;       // lower case, '.' for a word edge
    std::vector<uint8_t> digits;  // size + 1 per pattern: before each letter and after the last
    std::vector<Ref> refs;
  };
  // Later patterns with the same letters replace earlier ones, as in libhyphen.
  explicit PatternTrie(const Patterns& patterns);
  PatternTrie() = default;

  bool empty() const { return nodes_.size() <= 1; }
  // Raises values[i + k] to the k-th digit of every pattern that matches
  // `text` at i; `values` has text.size() + 1 entries.
  void apply(std::u32string_view text, std::vector<uint8_t>& values) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    char32_t letter = 0;
    uint32_t first_child = 0, child_count = 0;
    uint32_t digits = kNone;  // offset into digits_
  };
  uint32_t child(uint32_t node, char32_t letter) const;

  std::vector<Node> nodes_;
  std::vector<uint8_t> digits_;
};

struct HyphenDictionary {
  PatternTrie compounds;  // the first level when the file has NEXTLEVEL
  PatternTrie patterns;
  int left_min = 0, right_min = 0;                    // 0: not set by the file
  int compound_left_min = 0, compound_right_min = 0;

  // Character indices c (1 ≤ c < word.size()) before which a hyphen may go
  // in `word` (lower case), at least `left_min`/`right_min` characters (or
  // the file's, if larger) from the word's ends, and the compound minimums
  // from a compound boundary.
  std::vector<uint32_t> points(std::u32string_view word, int left_min, int right_min) const;
};

// Null when the file cannot be read or its charset converted.
std::unique_ptr<HyphenDictionary> read_hyphen_dictionary(const std::string& path);

}  // namespace galley::linebreak
