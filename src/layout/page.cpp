#include "page.h"

namespace galley::layout {

uint32_t StringTable::index(const std::string& s) {
  // An element's file is most often the one before's.
  if (!strings_.empty() && strings_.back() == s) return static_cast<uint32_t>(strings_.size() - 1);
  const auto [it, added] = at_.try_emplace(s, static_cast<uint32_t>(strings_.size()));
  if (added) strings_.push_back(s);
  return it->second;
}

void StructureList::push_back(const StructElement& e) {
  StructRecord r{e.parent, files_.index(e.loc.file), e.loc.line, e.loc.col, 0, words_.index(e.role), words_.index(e.lang)};
  if (!e.alt.empty() || !e.scope.empty()) {
    extras_.push_back({e.alt, e.scope});
    r.extra = static_cast<uint32_t>(extras_.size());
  }
  records_.push_back(r);
}

StructureList::Element StructureList::operator[](size_t i) const {
  static const std::string kNone;
  const StructRecord& r = records_[i];
  const StructExtra* x = r.extra > 0 ? &extras_[r.extra - 1] : nullptr;
  return {words_[r.role], r.parent, x ? x->alt : kNone, words_[r.lang], x ? x->scope : kNone,
          files_[r.file], r.line, r.col};
}

}  // namespace galley::layout
