#include "text/shape_cache.h"

#include <cstring>

namespace galley::text {
namespace {

// Per thread; a 1000-page report's distinct paragraphs fit many times over.
constexpr size_t kBudgetBytes = size_t{32} << 20;
// Longer paragraphs are rarely repeated and would crowd out the rest.
constexpr size_t kMaxKeyBytes = size_t{64} << 10;
// Hashes of paragraphs offered once; 8 bytes each, forgotten when full.
constexpr size_t kMaxOffered = size_t{1} << 16;

void put(std::string& key, std::string_view s) {
  const auto n = static_cast<uint32_t>(s.size());
  key.append(reinterpret_cast<const char*>(&n), sizeof n);
  key.append(s);
}

void put(std::string& key, double v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); }

size_t cost(const std::string& key, const ShapeCache::Entry& e) {
  size_t n = key.size() * 2 + e.shaped.text.size() + sizeof(ShapeCache::Entry);
  for (const ShapedRun& r : e.shaped.runs) n += sizeof r + r.glyphs.size() * sizeof(ShapedGlyph);
  return n;
}

}  // namespace

const ShapeCache::Entry* ShapeCache::find(const std::string& key) const {
  const auto it = map_.find(key);
  return it == map_.end() ? nullptr : &it->second;
}

void ShapeCache::insert(std::string key, Entry e) {
  const size_t hash = std::hash<std::string>{}(key);
  if (offered_.size() >= kMaxOffered) offered_.clear();
  // A hash collision only keeps a paragraph one sighting early: the map
  // itself is keyed by the whole key.
  if (offered_.insert(hash).second) return;
  offered_.erase(hash);
  const size_t c = cost(key, e);
  if (c > kBudgetBytes) return;
  if (bytes_ + c > kBudgetBytes) {
    map_.clear();
    bytes_ = 0;
  }
  if (map_.emplace(std::move(key), std::move(e)).second) bytes_ += c;
}

std::string shape_key(const resolve::Paragraph& para, const FontBook& fonts) {
  std::string key;
  put(key, static_cast<double>(fonts.id()));
  put(key, para.style.font);
  put(key, para.style.language);
  for (const resolve::Run& r : para.runs) {
    put(key, r.text);
    put(key, r.style.font);
    put(key, static_cast<double>((r.style.bold ? 1 : 0) | (r.style.italic ? 2 : 0)));
    put(key, r.style.size);
    put(key, r.style.tracking);
    put(key, r.style.language);
    put(key, static_cast<double>(r.style.features.size()));
    for (const std::string& f : r.style.features) put(key, f);
    if (key.size() > kMaxKeyBytes) return {};
  }
  return key;
}

ShapedParagraph restyle(const ShapedParagraph& cached, const resolve::Paragraph& para) {
  ShapedParagraph out = cached;
  out.style = para.style;
  out.loc = para.loc;
  size_t run = 0, run_end = para.runs.empty() ? 0 : para.runs[0].text.size();
  for (ShapedRun& r : out.runs) {
    while (run + 1 < para.runs.size() && r.text_begin >= run_end) run_end += para.runs[++run].text.size();
    if (run < para.runs.size()) r.style = para.runs[run].style;
  }
  return out;
}

}  // namespace galley::text
