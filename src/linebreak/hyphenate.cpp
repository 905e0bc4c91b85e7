#include "linebreak/hyphenate.h"

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "text/utf8.h"

namespace galley::linebreak {
namespace {

constexpr size_t kMaxWordChars = 64;  // TeX's limit is 63; libhyphen's buffer is 100 bytes
constexpr const char* kDictDir = "/usr/share/hyphen/";

struct DictFree {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

// Loaded dictionaries live until exit: each is a few hundred KB and a brochure
// uses one or two languages.
HyphenDict* dictionary(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<HyphenDict, DictFree>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(language);
  if (it != cache.end()) return it->second.get();
  std::string tag = language;
  for (char& c : tag)
    if (c == '-') c = '_';
  HyphenDict* dict = nullptr;
  if (!tag.empty() && tag.find('/') == std::string::npos && tag.find('.') == std::string::npos) {
    dict = hnj_hyphen_load((kDictDir + ("hyph_" + tag) + ".dic").c_str());
    const size_t sep = tag.find('_');
    if (!dict && sep != std::string::npos)
      dict = hnj_hyphen_load((kDictDir + ("hyph_" + tag.substr(0, sep)) + ".dic").c_str());
  }
  return cache.emplace(language, std::unique_ptr<HyphenDict, DictFree>(dict)).first->second.get();
}

}  // namespace

bool has_hyphenation(const std::string& language) { return dictionary(language) != nullptr; }

std::vector<uint32_t> hyphenation_points(const std::string& language, std::string_view word,
                                         int left_min, int right_min) {
  HyphenDict* dict = dictionary(language);
  if (!dict || word.empty()) return {};
  // Patterns are lower case; simple case mapping keeps byte offsets only
  // when the lower-case letter encodes to as many bytes, else we give up.
  std::string lower;
  std::vector<uint32_t> char_starts;
  for (size_t pos = 0; pos < word.size();) {
    char_starts.push_back(static_cast<uint32_t>(pos));
    const size_t before = pos;
    const char32_t cp = text::next_code_point(word, pos);
    const char32_t lc = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    char buf[4];
    int n = 0;
    UBool err = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(lc), err);
    if (err || static_cast<size_t>(n) != pos - before) return {};
    lower.append(buf, static_cast<size_t>(n));
  }
  if (char_starts.size() > kMaxWordChars) return {};

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

  std::vector<uint32_t> out;
  const int chars = static_cast<int>(char_starts.size());
  for (int c = left_min; c <= chars - right_min; ++c) {
    if (c <= 0 || c >= chars) continue;
    const uint32_t at = char_starts[c];      // hyphen before this character
    if (hyphens[at - 1] & 1) out.push_back(at);  // odd digit: hyphen after byte at-1
  }
  return out;
}

}  // namespace galley::linebreak
