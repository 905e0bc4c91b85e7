#include "page.h"

#include <algorithm>

namespace galley::layout {

uint16_t StructureList::word(const std::string& w) {
  if (words_.empty()) words_.emplace_back();
  auto it = std::find(words_.begin(), words_.end(), w);
  if (it == words_.end()) it = words_.insert(words_.end(), w);
  return static_cast<uint16_t>(it - words_.begin());
}

void StructureList::push_back(const StructElement& e) {
  Record r{e.parent, 0, e.loc.line, e.loc.col, 0, word(e.role), word(e.lang)};
  // An element's file is most often the one before's.
  auto file = files_.empty() || files_.back() != e.loc.file ? std::find(files_.begin(), files_.end(), e.loc.file)
                                                            : files_.end() - 1;
  if (file == files_.end()) file = files_.insert(files_.end(), e.loc.file);
  r.file = static_cast<uint32_t>(file - files_.begin());
  if (!e.alt.empty() || !e.scope.empty()) {
    extras_.push_back({e.alt, e.scope});
    r.extra = static_cast<uint32_t>(extras_.size());
  }
  records_.push_back(r);
}

StructureList::Element StructureList::operator[](size_t i) const {
  static const std::string kNone;
  const Record& r = records_[i];
  const Extra* x = r.extra > 0 ? &extras_[r.extra - 1] : nullptr;
  return {words_[r.role], r.parent, x ? x->alt : kNone, words_[r.lang], x ? x->scope : kNone,
          files_[r.file], r.line, r.col};
}

}  // namespace galley::layout
