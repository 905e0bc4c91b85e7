#include "detail/markup_cache.h"

namespace galley::resolve {

size_t ParsedMarkup::bytes() const {
  size_t n = sizeof *this;
  for (const std::string& url : urls) n += sizeof url + url.size();
  for (const InlineImage& image : images) n += sizeof image + image.url.size() + image.alt.size();
  for (const ParsedRun& run : runs) n += sizeof run + run.text.size() + run.ops.size();
  return n;
}

std::string markup_key(const std::string& source) { return base::memo_key("markup", source); }

std::shared_ptr<const ParsedMarkup> MarkupCache::get(const std::string& source) {
  return memo_.get(markup_key(source), [&] { return parse_markup(source); });
}

}  // namespace galley::resolve
