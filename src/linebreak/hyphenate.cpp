#include "linebreak/hyphenate.h"

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <unordered_map>

#include "base/utf8.h"

namespace galley::linebreak {
namespace {

constexpr size_t kMaxWordChars = 64;  // TeX's limit is 63; libhyphen's buffer is 100 bytes
constexpr const char* kDictDir = "/usr/share/hyphen/";

struct DictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

// A hyphenation point: before character `chars` of the word, at byte `byte`.
struct Point {
  uint32_t chars, byte;
};

using Dict = std::unique_ptr<HyphenDict, DictFree>;

// A language's patterns and the points of the words already looked up: a
// paragraph repeats its words, and libhyphen's matcher allocates per call.
// The cache is emptied when full, which changes nothing but speed.
struct Language {
  Dict dict;
  std::future<Dict> loading;  // valid while a prefetch may still be parsing
  std::unordered_map<std::string, std::vector<Point>> words;
};
constexpr size_t kMaxCachedWords = 1 << 16;

std::mutex mutex;

// Loaded dictionaries live until exit: each is a few hundred KB and a brochure
// uses one or two languages. Guarded by `mutex`.
std::map<std::string, Language>& cache() {
  static std::map<std::string, Language> languages;
  return languages;
}

// Parses the patterns for `language` ("en-US": hyph_en_US.dic, then
// hyph_en.dic); null when there are none. Touches no shared state, so a
// prefetch runs it without the lock.
Dict load_dict(const std::string& language) {
  std::string tag = language;
  for (char& c : tag)
    if (c == '-') c = '_';
  if (tag.empty() || tag.find('/') != std::string::npos || tag.find('.') != std::string::npos) return nullptr;
  Dict dict(hnj_hyphen_load((kDictDir + ("hyph_" + tag) + ".dic").c_str()));
  const size_t sep = tag.find('_');
  if (!dict && sep != std::string::npos)
    dict.reset(hnj_hyphen_load((kDictDir + ("hyph_" + tag.substr(0, sep)) + ".dic").c_str()));
  return dict;
}

// Called with `mutex` held; waits for a prefetch of the same language.
Language& language_for(const std::string& language) {
  auto [it, added] = cache().try_emplace(language);
  Language& lang = it->second;
  if (added) lang.dict = load_dict(language);
  if (lang.loading.valid()) lang.dict = lang.loading.get();
  return lang;
}

// Every point the patterns allow in `word`, before the minimums are applied.
std::vector<Point> pattern_points(HyphenDict* dict, std::string_view word) {
  // Patterns are lower case; simple case mapping keeps byte offsets only
  // when the lower-case letter encodes to as many bytes, else we give up.
  std::string lower;
  std::vector<uint32_t> char_starts;
  for (size_t pos = 0; pos < word.size();) {
    if (char_starts.size() == kMaxWordChars) return {};
    char_starts.push_back(static_cast<uint32_t>(pos));
    const size_t before = pos;
    const char32_t cp = base::next_code_point(word, pos);
    const char32_t lc = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    char buf[4];
    int n = 0;
    UBool err = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(lc), err);
    if (err || static_cast<size_t>(n) != pos - before) return {};
    lower.append(buf, static_cast<size_t>(n));
  }

  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* rpos = nullptr;
  int* cut = nullptr;
  const int rc = hnj_hyphen_hyphenate2(dict, lower.data(), static_cast<int>(lower.size()),
                                       hyphens.data(), nullptr, &rep, &rpos, &cut);
  // Non-standard hyphenation (rep/pos/cut: "Schiffahrt" -> "Schiff-fahrt")
  // would change the letters; we only use the standard points.
  if (rep) {
    for (size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(rpos);
  std::free(cut);
  if (rc != 0) return {};

  std::vector<Point> out;
  for (uint32_t c = 1; c < char_starts.size(); ++c) {
    const uint32_t at = char_starts[c];          // hyphen before this character
    if (hyphens[at - 1] & 1) out.push_back({c, at});  // odd digit: hyphen after byte at-1
  }
  // The character count, for the right minimum.
  out.push_back({static_cast<uint32_t>(char_starts.size()), static_cast<uint32_t>(word.size())});
  return out;
}

}  // namespace

void prefetch_hyphenation(const std::string& language) {
  std::lock_guard lock(mutex);
  auto [it, added] = cache().try_emplace(language);
  if (!added) return;
  try {
    it->second.loading = std::async(std::launch::async, load_dict, language);
  } catch (const std::system_error&) {  // no thread to spare: load on first use
    cache().erase(it);
  }
}

bool has_hyphenation(const std::string& language) {
  std::lock_guard lock(mutex);
  return language_for(language).dict != nullptr;
}

std::vector<uint32_t> hyphenation_points(const std::string& language, std::string_view word,
                                         int left_min, int right_min) {
  if (word.empty() || word.size() > 4 * kMaxWordChars) return {};
  std::lock_guard lock(mutex);
  Language& lang = language_for(language);
  if (!lang.dict) return {};
  auto it = lang.words.find(std::string(word));
  if (it == lang.words.end()) {
    if (lang.words.size() >= kMaxCachedWords) lang.words.clear();
    it = lang.words.emplace(word, pattern_points(lang.dict.get(), word)).first;
  }
  const std::vector<Point>& points = it->second;
  std::vector<uint32_t> out;
  if (points.empty()) return out;
  const int chars = static_cast<int>(points.back().chars);
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    const int c = static_cast<int>(points[i].chars);
    if (c >= left_min && c <= chars - right_min) out.push_back(points[i].byte);
  }
  return out;
}

}  // namespace galley::linebreak
