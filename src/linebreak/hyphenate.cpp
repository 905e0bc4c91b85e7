#include "detail/hyphenate.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <system_error>
#include <unordered_map>

#include "base/memo.h"
#include "detail/patterns.h"
#include "base/utf8.h"

namespace galley::linebreak {
namespace {

constexpr size_t kMaxWordChars = 64;  // TeX's limit is 63
constexpr size_t kMaxTagChars = 35;   // BCP 47's longest useful tags are shorter
constexpr const char* kDictDir = "/usr/share/hyphen/";

using Dict = std::unique_ptr<HyphenDictionary>;

struct Language {
  Dict dict;
  std::future<Dict> loading;  // valid while a prefetch may still be reading
};

// The points of a word already looked up, in the one memo: a document
// repeats its words, and paragraphs broken on several threads share them.
struct Points {
  std::vector<uint32_t> at;
  size_t bytes() const { return sizeof *this + at.size() * sizeof(uint32_t); }
};
constexpr size_t kWordsBudgetBytes = size_t{4} << 20;

std::mutex mutex;

// Loaded dictionaries live until exit: a brochure uses one or two languages.
// Guarded by `mutex`.
std::map<std::string, Language>& cache() {
  static std::map<std::string, Language> languages;
  return languages;
}

bool lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char to_upper(char c) { return lower_ascii(c) ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::vector<std::string> hyphenation_files(const std::string& language) {
  if (language.empty() || language.size() > kMaxTagChars) return {};
  // Subtags in the case the file names use: "en", "Latn", "US".
  std::vector<std::string> subtags(1);
  for (char c : language) {
    const bool alnum = (c >= '0' && c <= '9') || lower_ascii(to_lower(c));
    if (c == '-' || c == '_') subtags.emplace_back();
    else if (alnum) subtags.back() += to_lower(c);
    else return {};
  }
  for (size_t i = 1; i < subtags.size(); ++i) {
    std::string& t = subtags[i];
    if (t.size() == 4) t[0] = to_upper(t[0]);
    else if (t.size() <= 3)
      for (char& c : t) c = to_upper(c);
  }
  const std::string& lang = subtags[0];
  if (lang.empty()) return {};
  std::string upper = lang;
  for (char& c : upper) c = to_upper(c);
  std::string full = lang, region;
  for (size_t i = 1; i < subtags.size(); ++i) {
    full += "_" + subtags[i];
    if (region.empty() && subtags[i].size() != 4) region = subtags[i];
  }
  // "de-Latn-AT": hyph_de_Latn_AT, hyph_de_AT, hyph_de, then hyph_de_DE (es
  // and it install only hyph_es_ES and hyph_it_IT under their own names).
  std::vector<std::string> out;
  for (const std::string& tag : {full, region.empty() ? lang : lang + "_" + region, lang, lang + "_" + upper}) {
    const std::string path = kDictDir + ("hyph_" + tag) + ".dic";
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  }
  return out;
}

namespace {

// Touches no shared state, so a prefetch runs it without the lock.
Dict load_dict(const std::string& language) {
  for (const std::string& path : hyphenation_files(language))
    if (Dict d = read_hyphen_dictionary(path)) return d;
  return nullptr;
}

// Called with `mutex` held; waits for a prefetch of the same language.
Language& language_for(const std::string& language) {
  auto [it, added] = cache().try_emplace(language);
  Language& lang = it->second;
  if (added) lang.dict = load_dict(language);
  if (lang.loading.valid()) lang.dict = lang.loading.get();
  return lang;
}

// Byte offsets of the points the patterns allow in `word`; empty when a
// character is not a letter case-mapping could give patterns for.
std::vector<uint32_t> word_points(const HyphenDictionary& dict, std::string_view word, int left_min,
                                  int right_min) {
  std::u32string lower;
  std::vector<uint32_t> starts;
  for (size_t pos = 0; pos < word.size();) {
    if (lower.size() == kMaxWordChars) return {};
    starts.push_back(static_cast<uint32_t>(pos));
    const char32_t cp = base::next_code_point(word, pos);
    lower.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
  std::vector<uint32_t> out;
  for (uint32_t c : dict.points(lower, left_min, right_min)) out.push_back(starts[c]);
  return out;
}

// Each thread's words already looked up, per language and pair of limits
// (a few at a time: a paragraph's words share them, and so do a
// document's, mostly): a long report looks up about a million words, most
// of them many times, and the shared memo's key, lock and future cost more
// than a lookup here. A table is cleared when full.
constexpr size_t kLocalWords = 8192;
constexpr size_t kLocalLanguages = 4;
struct LocalWords {
  std::string language;
  int left_min = -1, right_min = -1;
  std::unordered_map<std::string, std::vector<uint32_t>> points;
};

LocalWords& local_words(const std::string& language, int left_min, int right_min) {
  thread_local std::vector<LocalWords> tables;
  thread_local size_t next = 0;  // the table reused when all are taken
  for (LocalWords& t : tables)
    if (t.language == language && t.left_min == left_min && t.right_min == right_min) return t;
  LocalWords* t = nullptr;
  if (tables.size() < kLocalLanguages) {
    t = &tables.emplace_back();
  } else {
    t = &tables[next];
    next = (next + 1) % kLocalLanguages;
  }
  t->points.clear();
  t->language = language;
  t->left_min = left_min;
  t->right_min = right_min;
  return *t;
}

// hyphenation_points() through the memo every thread shares.
std::vector<uint32_t> shared_points(const std::string& language, std::string_view word, int left_min,
                                    int right_min) {
  const HyphenDictionary* dict = nullptr;
  {
    std::lock_guard lock(mutex);
    dict = language_for(language).dict.get();  // lives until exit
  }
  if (!dict) return {};
  static base::Memo<Points> words(kWordsBudgetBytes);
  const auto points = words.get(hyphenation_key(language, word, left_min, right_min), [&] {
    return std::make_shared<const Points>(Points{word_points(*dict, word, left_min, right_min)});
  });
  return points->at;
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
  LocalWords& local = local_words(language, left_min, right_min);
  std::string key(word);
  if (auto it = local.points.find(key); it != local.points.end()) return it->second;
  std::vector<uint32_t> found = shared_points(language, word, left_min, right_min);
  if (local.points.size() >= kLocalWords) local.points.clear();
  local.points.emplace(std::move(key), found);
  return found;
}

std::string hyphenation_key(const std::string& language, std::string_view word, int left_min,
                            int right_min) {
  return base::memo_key("hyphenation", language, word, left_min, right_min);
}

void check_hyphenation(const resolve::StyledDoc& doc, Diagnostics& diags) {
  std::set<std::string> seen;
  const auto check = [&](const resolve::Paragraph& p) {
    if (!p.style->hyphenate || !seen.insert(p.style->language).second) return;
    if (has_hyphenation(p.style->language)) return;
    const std::vector<std::string> files = hyphenation_files(p.style->language);
    std::string subtag = p.style->language.substr(0, p.style->language.find_first_of("-_"));
    for (char& c : subtag) c = to_lower(c);
    diags.warning(p.loc, "no hyphenation patterns for language '" + p.style->language.substr(0, kMaxTagChars) +
                             "': its paragraphs are set without hyphenation" +
                             (files.empty() ? std::string()
                                            : " (looked for " + files.front() + "; Debian's hyphen-" +
                                                  subtag + "* packages install them)"));
  };
  for (const resolve::Flow& f : doc.flows)
    for (const resolve::Block& b : f.blocks) {
      for (const auto& p : b.paras) check(p);
      for (const auto& item : b.items) check(item.para);
      for (const auto& c : b.figure->header) check(c.para);
      for (const auto& row : b.figure->rows)
        for (const auto& c : row) check(c.para);
      if (b.figure->caption) check(*b.figure->caption);
    }
}

}  // namespace galley::linebreak
