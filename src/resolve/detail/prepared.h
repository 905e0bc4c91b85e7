// What resolve() computes once for a content and layout and shares between
// the rows of a batch: the style cascade and the parsed inline markup. Both
// are read-only or locked, so rows on several threads share one.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "model/document.h"
#include "model/layout.h"
#include "cascade.h"
#include "markup_cache.h"

namespace galley::resolve {

class Prepared {
 public:
  Prepared(const model::Document& doc, const model::Layout& layout);

  // The cascade, when building it reported nothing; otherwise null, and each
  // resolve() builds its own so that every build reports its problems.
  const Cascade* cascade() const { return cascade_.get(); }
  const std::shared_ptr<const Cascade>& shared_cascade() const { return cascade_; }
  // cascade()->with_defaults(), when there is a cascade.
  const std::map<std::string, ParaStyle>& styles() const { return styles_; }
  MarkupCache& markup() const { return markup_; }

 private:
  std::shared_ptr<const Cascade> cascade_;
  std::map<std::string, ParaStyle> styles_;
  mutable MarkupCache markup_;
};

}  // namespace galley::resolve
