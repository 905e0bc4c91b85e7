// master_text(): the text of the master pages as templates, resolved once
// for the document; layout/ fills in what changes from page to page.
#include <set>

#include "detail/expand.h"
#include "detail/markup.h"
#include "resolve/resolve.h"

namespace galley::resolve {

namespace {

const ParaStyle& style_for(const std::string& name, const std::map<std::string, ParaStyle>& styles) {
  static const ParaStyle kBuiltIn;
  for (const std::string& n : {name, std::string("body")}) {
    auto it = styles.find(n);
    if (!n.empty() && it != styles.end()) return it->second;
  }
  return kBuiltIn;
}

bool holds_slot(const std::string& s) {
  for (size_t p = s.find('\xEF'); p != std::string::npos; p = s.find('\xEF', p + 1))
    if (slot_at(s, p) >= 0) return true;
  return false;
}

}  // namespace

std::map<std::string, std::vector<TextTemplate>> master_text(const model::Layout& layout,
                                                              const std::map<std::string, ParaStyle>& styles,
                                                              const Variables& vars, Diagnostics& diags,
                                                              const Cascade* cascade, MarkupCache* cache,
                                                              const std::string& root) {
  // The page's values stand as slots; they take the place of variables of
  // the same names, as {{page}} always has.
  Variables with_slots = vars;
  for (size_t k = 0; k < kSlotNames.size(); ++k)
    with_slots[std::string(kSlotNames[k])] = slot_marker(static_cast<Slot>(k));
  std::set<std::string> named;
  for (const model::SequenceEntry& e : layout.sequence) named.insert(e.master);
  std::map<std::string, std::vector<TextTemplate>> out;
  Expansion expansion;
  expansion.root = root;
  std::set<std::string> reported;  // a text shared by masters (a YAML alias) reports once
  for (const std::string& name : named) {
    const auto m = layout.masters.find(name);
    if (m == layout.masters.end()) continue;
    std::vector<TextTemplate>& texts = out[name];
    auto add = [&](const model::Element& e) {
      if (e.kind != model::Element::Kind::Text) return;
      Diagnostics own;
      const size_t budget = expansion.budget;
      TextTemplate t;
      const ParaStyle& style = style_for(e.style, styles);
      t.para = Paragraph{style, markup_runs(e.text, style, cascade, with_slots, own, cache, &expansion), e.text.loc};
      t.added = budget - expansion.budget;
      for (const Run& r : t.para.runs) t.has_slots = t.has_slots || holds_slot(r.text) || holds_slot(r.style->link);
      for (const Diagnostic& d : own.all())
        if (reported.insert(format(d)).second) diags.add(d);
      texts.push_back(std::move(t));
    };
    for (const model::Element& e : m->second.elements) add(e);
    if (m->second.header) add(*m->second.header);
    if (m->second.footer) add(*m->second.footer);
  }
  return out;
}

}  // namespace galley::resolve
