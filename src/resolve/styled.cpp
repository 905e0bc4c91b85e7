#include "resolve/styled.h"

#include <set>

#include "detail/uppercase.h"

namespace galley::resolve {

const std::shared_ptr<const ParaStyle>& default_box() {
  static const auto box = std::make_shared<const ParaStyle>();
  return box;
}

CharStyle char_style(const ParaStyle& p) {
  CharStyle c;
#define GALLEY_STYLE_COPY(key, member, type, fallback, read) c.member = p.member;
  GALLEY_CHAR_STYLE_KEYS(GALLEY_STYLE_COPY)
#undef GALLEY_STYLE_COPY
  c.color = p.color;
  return c;
}

std::string Paragraph::plain_text() const {
  std::string s;
  for (const Run& r : runs) s += r.text;
  return s;
}

void Flow::resolve_through(size_t block, Diagnostics& diags) {
  size_t done = 0;
  while (done < pending.size() && pending[done].first <= block) {
    const Pending& p = pending[done++];
    if (p.first + p.stripped.size() > blocks.dropped()) p.text->fill(blocks, p.first, p.stripped, diags);
  }
  pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(done));
}

namespace {

// Replaces the slot markers in `text`; `upper`: the values upper-cased in `language`.
std::string filled(const std::string& text, const TextTemplate::Values& values, bool upper,
                   const std::string& language) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (const int slot = slot_at(text, i); slot >= 0) {
      const std::string& v = values[static_cast<size_t>(slot)];
      out += upper ? to_upper(v, language) : v;
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

Paragraph TextTemplate::fill(const Values& values) const {
  if (!has_slots) return para;
  Paragraph p{para.style, {}, para.loc};
  p.runs.reserve(para.runs.size());
  for (const Run& r : para.runs) {
    const std::string& language = r.style->language.empty() ? para.style->language : r.style->language;
    Run out{filled(r.text, values, para.style->uppercase, language), r.style};
    // Only a link holding a slot gets a style of its own.
    if (std::string link = filled(r.style->link, values, false, language); link != r.style->link)
      out.style.edit().link = std::move(link);
    if (!out.text.empty()) p.runs.push_back(std::move(out));
  }
  return p;
}

std::vector<StyledDoc::ImageUse> StyledDoc::inline_images() const {
  std::vector<ImageUse> out;
  std::set<std::string> seen;
  const auto add = [&](const Paragraph& p) {
    for (const Run& r : p.runs)
      if (!r.style->image.empty() && seen.insert(r.style->image).second) out.push_back({r.style->image, p.loc});
  };
  for (const Flow& f : flows)
    for (const Block& b : f.blocks) {
      for (const Paragraph& p : b.paras) add(p);
      for (const ListItem& item : b.items) add(item.para);
      for (const TableCell& cell : b.figure->header) add(cell.para);
      for (const auto& row : b.figure->rows)
        for (const TableCell& cell : row) add(cell.para);
      if (b.figure->caption) add(*b.figure->caption);
    }
  for (const Footnote& note : notes) add(note.para);
  for (const auto& [name, texts] : master_text)
    for (const TextTemplate& t : texts) add(t.para);
  return out;
}

}  // namespace galley::resolve
