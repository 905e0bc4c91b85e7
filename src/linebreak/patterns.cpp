#include "detail/patterns.h"

#include <unicode/ucnv.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <fstream>

#include "base/utf8.h"

namespace galley::linebreak {
namespace {

// The largest Debian dictionary is about 1 MB; a file much larger is not one.
constexpr std::streamsize kMaxFileBytes = std::streamsize{64} << 20;

bool starts_with(std::u32string_view line, std::string_view ascii) {
  if (line.size() < ascii.size()) return false;
  for (size_t i = 0; i < ascii.size(); ++i)
    if (line[i] != static_cast<unsigned char>(ascii[i])) return false;
  return true;
}

int setting(std::u32string_view line, size_t name_size) {
  int v = 0;
  for (size_t i = name_size; i < line.size(); ++i) {
    if (line[i] >= U'0' && line[i] <= U'9') v = std::min(v * 10 + static_cast<int>(line[i] - U'0'), 100);
    else if (line[i] != U' ' && line[i] != U'\t') break;
  }
  return v;
}

// Calls `f` with each line of `body` (the file after its charset line) as
// code points; false when the charset is one ICU does not know or the text
// does not convert.
template <typename F>
bool for_each_line(std::string_view body, const std::string& charset, F&& f) {
  std::u32string line;
  if (charset == "UTF-8" || charset == "ISO8859-1") {
    const bool utf8 = charset == "UTF-8";
    for (size_t pos = 0; pos < body.size();) {
      const size_t end = std::min(body.find('\n', pos), body.size());
      const std::string_view bytes = body.substr(pos, end - pos);
      line.clear();
      if (utf8) {
        for (size_t at = 0; at < bytes.size();) line.push_back(base::next_code_point(bytes, at));
      } else {
        for (unsigned char b : bytes) line.push_back(b);
      }
      f(std::u32string_view(line));
      pos = end + 1;
    }
    return true;
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err) || !conv) return false;
  std::u16string units(body.size() * 2 + 16, u'\0');
  const int32_t n = ucnv_toUChars(conv, units.data(), static_cast<int32_t>(units.size()), body.data(),
                                  static_cast<int32_t>(body.size()), &err);
  ucnv_close(conv);
  if (U_FAILURE(err)) return false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);
    if (c == U'\n') {
      f(std::u32string_view(line));
      line.clear();
    } else {
      line.push_back(static_cast<char32_t>(c));
    }
  }
  f(std::u32string_view(line));
  return true;
}

// "a1b2c" → letters "abc", digits 0,1,2,0. Patterns with a non-standard
// part ("c1k/k=k,1,2": old German "Zuk-ker") would change the letters at
// the break; they are left out, so only standard points are found.
void add_pattern(std::u32string_view line, PatternTrie::Patterns& p) {
  const PatternTrie::Patterns::Ref ref{static_cast<uint32_t>(p.letters.size()),
                                       static_cast<uint32_t>(p.digits.size()), 0};
  p.digits.push_back(0);
  uint32_t size = 0;
  bool standard = true;
  for (char32_t c : line) {
    if (c <= U' ') break;
    if (c == U'/') {
      standard = false;
      break;
    }
    if (c >= U'0' && c <= U'9') {
      p.digits.back() = static_cast<uint8_t>(c - U'0');
    } else {
      p.letters.push_back(c);
      p.digits.push_back(0);
      ++size;
    }
  }
  if (size == 0 || !standard) {
    p.letters.resize(ref.letters);
    p.digits.resize(ref.digits);
    return;
  }
  p.refs.push_back({ref.letters, ref.digits, size});
}

}  // namespace

PatternTrie::PatternTrie(const Patterns& patterns) {
  using Ref = Patterns::Ref;
  const auto letters = [&](const Ref& r) { return std::u32string_view(patterns.letters).substr(r.letters, r.size); };
  // Sorted by letters, then file order (refs are in file order).
  const auto before = [&](const Ref& a, const Ref& b) {
    const int c = letters(a).compare(letters(b));
    return c != 0 ? c < 0 : a.letters < b.letters;
  };
  std::vector<Ref> refs = patterns.refs;
  std::sort(refs.begin(), refs.end(), before);
  // Each node's children are made together, so they are contiguous; the
  // patterns under a node share its prefix and are contiguous too.
  struct Todo {
    uint32_t node, lo, hi, depth;
  };
  own_nodes_.reserve(patterns.letters.size() + 1);
  own_digits_.reserve(patterns.digits.size());
  own_nodes_.push_back({});
  std::vector<Todo> todo{{0, 0, static_cast<uint32_t>(refs.size()), 0}};
  while (!todo.empty()) {
    const Todo t = todo.back();
    todo.pop_back();
    uint32_t lo = t.lo;
    for (; lo < t.hi && refs[lo].size == t.depth; ++lo) {  // the last one wins
      own_nodes_[t.node].digits = static_cast<uint32_t>(own_digits_.size());
      const auto d = patterns.digits.begin() + refs[lo].digits;
      own_digits_.insert(own_digits_.end(), d, d + t.depth + 1);
    }
    own_nodes_[t.node].first_child = static_cast<uint32_t>(own_nodes_.size());
    for (uint32_t i = lo; i < t.hi;) {
      const char32_t c = patterns.letters[refs[i].letters + t.depth];
      uint32_t j = i + 1;
      while (j < t.hi && patterns.letters[refs[j].letters + t.depth] == c) ++j;
      todo.push_back({static_cast<uint32_t>(own_nodes_.size()), i, j, t.depth + 1});
      own_nodes_.push_back({c, 0, 0, kNone});
      ++own_nodes_[t.node].child_count;
      i = j;
    }
  }
  nodes_ = own_nodes_;
  digits_ = own_digits_;
}

uint32_t PatternTrie::child(uint32_t node, char32_t letter) const {
  const Node& n = nodes_[node];
  const auto first = nodes_.begin() + n.first_child, last = first + n.child_count;
  const auto it = std::lower_bound(first, last, letter, [](const Node& a, char32_t c) { return a.letter < c; });
  return it != last && it->letter == letter ? static_cast<uint32_t>(it - nodes_.begin()) : kNone;
}

void PatternTrie::apply(std::u32string_view text, std::vector<uint8_t>& values) const {
  if (empty()) return;
  for (size_t i = 0; i < text.size(); ++i) {
    uint32_t node = 0;
    for (size_t j = i; j < text.size(); ++j) {
      node = child(node, text[j]);
      if (node == kNone) break;
      const uint32_t d = nodes_[node].digits;
      if (d == kNone) continue;
      for (size_t k = 0; k <= j - i + 1; ++k) values[i + k] = std::max(values[i + k], digits_[d + k]);
    }
  }
}

std::vector<uint32_t> HyphenDictionary::points(std::u32string_view word, int lmin, int rmin) const {
  std::vector<uint32_t> out;
  const size_t n = word.size();
  if (n < 2) return out;
  lmin = std::max(lmin, left_min);
  rmin = std::max(rmin, right_min);
  const int clmin = compound_left_min > 0 ? compound_left_min : lmin;
  const int crmin = compound_right_min > 0 ? compound_right_min : rmin;
  const auto dotted = [&](size_t b, size_t e) {
    std::u32string s;
    s.reserve(e - b + 2);
    s += U'.';
    s += word.substr(b, e - b);
    s += U'.';
    return s;
  };

  // Value k of a dotted text is the one before its character k: before
  // character c of the word (or of a part starting at b), value c - b + 1.
  std::vector<size_t> ends;  // compound boundaries, then n
  if (!compounds.empty()) {
    std::vector<uint8_t> v(n + 3, 0);
    compounds.apply(dotted(0, n), v);
    for (size_t c = 1; c < n; ++c)
      if (v[c + 1] & 1) ends.push_back(c);
  }
  ends.push_back(n);

  const auto keep = [&](size_t c) {
    if (static_cast<int>(c) >= lmin && static_cast<int>(n - c) >= rmin) out.push_back(static_cast<uint32_t>(c));
  };
  size_t b = 0;
  std::vector<uint8_t> v;
  for (size_t e : ends) {
    v.assign(e - b + 3, 0);
    patterns.apply(dotted(b, e), v);
    const int left = b == 0 ? lmin : clmin, right = e == n ? rmin : crmin;
    for (size_t c = b + 1; c < e; ++c)
      if ((v[c - b + 1] & 1) && static_cast<int>(c - b) >= left && static_cast<int>(e - c) >= right) keep(c);
    if (e < n) keep(e);
    b = e;
  }
  return out;
}

uint64_t dictionary_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::unique_ptr<HyphenDictionary> read_hyphen_dictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0 || size > kMaxFileBytes) return nullptr;
  in.seekg(0);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) return nullptr;
  const uint64_t hash = dictionary_hash(bytes);
  for (const PrecompiledDictionary& p : precompiled_dictionaries()) {
    if (p.file_hash != hash || p.file_size != bytes.size()) continue;
    auto dict = std::make_unique<HyphenDictionary>();
    dict->compounds = PatternTrie(p.compound_nodes, p.compound_digits);
    dict->patterns = PatternTrie(p.nodes, p.digits);
    dict->left_min = p.left_min, dict->right_min = p.right_min;
    dict->compound_left_min = p.compound_left_min, dict->compound_right_min = p.compound_right_min;
    return dict;
  }
  return parse_hyphen_dictionary(bytes);
}

std::unique_ptr<HyphenDictionary> parse_hyphen_dictionary(std::string_view bytes) {
  const size_t eol = std::min(bytes.find('\n'), bytes.size());
  std::string charset(bytes.substr(0, eol));
  while (!charset.empty() && (charset.back() == '\r' || charset.back() == ' ')) charset.pop_back();
  const std::string_view body = bytes.substr(std::min(eol + 1, bytes.size()));

  auto dict = std::make_unique<HyphenDictionary>();
  PatternTrie::Patterns levels[2];
  for (auto& l : levels) {
    l.letters.reserve(body.size());
    l.digits.reserve(body.size());
  }
  int level = 0;
  const auto read_line = [&](std::u32string_view line) {
    while (!line.empty() && (line.front() == U' ' || line.front() == U'\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == U'%' || line.front() == U'#') return;
    if (starts_with(line, "NEXTLEVEL")) level = 1;
    else if (starts_with(line, "LEFTHYPHENMIN")) dict->left_min = setting(line, 13);
    else if (starts_with(line, "RIGHTHYPHENMIN")) dict->right_min = setting(line, 14);
    else if (starts_with(line, "COMPOUNDLEFTHYPHENMIN")) dict->compound_left_min = setting(line, 21);
    else if (starts_with(line, "COMPOUNDRIGHTHYPHENMIN")) dict->compound_right_min = setting(line, 22);
    // NOHYPHEN names characters never to hyphenate next to: galley hands over letters only.
    else if (!starts_with(line, "NOHYPHEN")) add_pattern(line, levels[level]);
  };
  if (!for_each_line(body, charset, read_line)) return nullptr;

  // Without NEXTLEVEL the file's patterns are the only level.
  if (level == 0) {
    dict->patterns = PatternTrie(levels[0]);
  } else {
    dict->compounds = PatternTrie(levels[0]);
    dict->patterns = PatternTrie(levels[1]);
  }
  return dict;
}

}  // namespace galley::linebreak
