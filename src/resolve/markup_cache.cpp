#include "resolve/markup_cache.h"

#include <mutex>

namespace galley::resolve {

std::shared_ptr<const ParsedMarkup> MarkupCache::get(const std::string& source) {
  {
    std::shared_lock lock(mutex_);
    auto it = parsed_.find(source);
    if (it != parsed_.end()) return it->second;
  }
  // Parsed outside the lock: two threads may both parse a new text, and the
  // results are the same.
  std::shared_ptr<const ParsedMarkup> parsed = parse_markup(source);
  if (!parsed) return parsed;
  std::unique_lock lock(mutex_);
  if (parsed_.size() < kMaxEntries && bytes_ + source.size() <= kMaxBytes &&
      parsed_.emplace(source, parsed).second)
    bytes_ += source.size();
  return parsed;
}

}  // namespace galley::resolve
