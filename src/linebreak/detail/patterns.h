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
#include <span>
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
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    char32_t letter = 0;
    uint32_t first_child = 0, child_count = 0;
    uint32_t digits = kNone;  // offset into digits()
  };

  // Later patterns with the same letters replace earlier ones, as in libhyphen.
  explicit PatternTrie(const Patterns& patterns);
  // A trie built before (a precompiled dictionary's), used in place.
  PatternTrie(std::span<const Node> nodes, std::span<const uint8_t> digits) : nodes_(nodes), digits_(digits) {}
  PatternTrie() = default;
  // Moving keeps the owned arrays' buffers, so the views stay valid.
  PatternTrie(PatternTrie&&) = default;
  PatternTrie& operator=(PatternTrie&&) = default;
  PatternTrie(const PatternTrie&) = delete;
  PatternTrie& operator=(const PatternTrie&) = delete;

  bool empty() const { return nodes_.size() <= 1; }
  // Raises values[i + k] to the k-th digit of every pattern that matches
  // `text` at i; `values` has text.size() + 1 entries.
  void apply(std::u32string_view text, std::vector<uint8_t>& values) const;

  std::span<const Node> nodes() const { return nodes_; }
  std::span<const uint8_t> digits() const { return digits_; }

 private:
  uint32_t child(uint32_t node, char32_t letter) const;

  std::vector<Node> own_nodes_;  // empty when the trie is a precompiled one
  std::vector<uint8_t> own_digits_;
  std::span<const Node> nodes_;
  std::span<const uint8_t> digits_;
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

// Null when the file cannot be read or its charset converted. A file whose
// bytes are those of a dictionary precompiled into galley is not parsed:
// its tries are used as they are.
std::unique_ptr<HyphenDictionary> read_hyphen_dictionary(const std::string& path);
// A dictionary file's bytes parsed, whether or not they are precompiled.
std::unique_ptr<HyphenDictionary> parse_hyphen_dictionary(std::string_view bytes);

// A dictionary file's tries made at build time (src/CMakeLists.txt runs
// tools/compile_hyphenation.cpp over Debian's en-US and en-GB files): the
// 2.5 ms of parsing and building a cold run would spend on en-US, left to
// a lookup by the file's bytes, which any change to the file misses.
struct PrecompiledDictionary {
  uint64_t file_hash = 0;  // dictionary_hash() of the file's bytes
  uint64_t file_size = 0;
  int left_min = 0, right_min = 0, compound_left_min = 0, compound_right_min = 0;
  std::span<const PatternTrie::Node> compound_nodes, nodes;
  std::span<const uint8_t> compound_digits, digits;
};
// Generated (hyphenation_tables.cpp in the build tree).
std::span<const PrecompiledDictionary> precompiled_dictionaries();
// XXH3, 64 bits: FNV-1a a byte at a time was 0.6 M instructions for
// en-US's 104 KB, on every cold build.
uint64_t dictionary_hash(std::string_view bytes);

}  // namespace galley::linebreak
