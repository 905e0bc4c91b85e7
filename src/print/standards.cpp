// What PDF/UA-1 and PDF/A-2 ask of the content that galley cannot supply
// itself: each is an error located at the element (docs/accessibility.md).
#include <string_view>

#include "detail/standards.h"

namespace galley::print {

namespace {

using namespace layout;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\n\r\xC2\xA0") == std::string_view::npos; }

// Where a missing piece of metadata is reported: the content's `meta:`, or
// else the layout's request for the standard.
// The content's `meta:`; without one, the layout's `standard:` that asks
// for it, else the content file.
const SourceLoc& meta_at(const DisplayList& list) {
  return list.meta.loc.line > 0 || list.standard_loc.line == 0 ? list.meta.loc : list.standard_loc;
}

void check_ua(const DisplayList& list, Diagnostics& diags) {
  const SourceLoc& at = meta_at(list);
  if (list.meta.title.empty())
    diags.error(at, "PDF/UA-1 needs a document title: set meta.title in the content file");
  if (list.meta.language.empty())
    diags.error(at, "PDF/UA-1 needs the document's language: set meta.language in the content file");
  const auto& elements = list.structure;
  std::vector<bool> has_th(elements.size(), false);
  for (size_t e = 0; e < elements.size(); ++e) {
    const StructureList::Element el = elements[e];
    if (el.role == "Figure" && blank(el.alt))
      diags.error(el.loc(), "PDF/UA-1: image without 'alt:' text; describe it, or mark it 'decorative: true'");
    if (el.role != "TH") continue;
    // The table is the nearest Table above the header cell.
    for (int32_t p = el.parent; p >= 0; p = elements[static_cast<size_t>(p)].parent)
      if (elements[static_cast<size_t>(p)].role == "Table") {
        has_th[static_cast<size_t>(p)] = true;
        break;
      }
  }
  for (size_t e = 0; e < elements.size(); ++e)
    if (elements[e].role == "Table" && !has_th[e])
      diags.error(elements[e].loc(), "PDF/UA-1: table without headers; give it 'columns:' (a header row) "
                                   "or 'row-headers: true'");
  for (const Page& page : list.pages)
    for (const Link& l : page.links)
      if (blank(l.text))
        diags.error(l.loc, "PDF/UA-1: link without text; a link needs words a reader can announce");
}

}  // namespace

void check_pdfa_page(const DisplayList& list, size_t p, const std::vector<Item>& items, Diagnostics& diags) {
  if (list.pdf_a.empty()) return;
  const std::string name = "PDF/A-" + list.pdf_a;
  for (const Item& it : items) {
    const auto* run = std::get_if<GlyphRun>(&it);
    if (!run) continue;
    for (const Glyph& g : run->glyphs)
      if (g.gid == 0) {
        diags.error(run->loc, name + " forbids the .notdef glyph, and page " + std::to_string(p + 1) +
                                  " has a character no font has; choose a font (or a fallback) that has it");
        break;
      }
  }
}

namespace {

}  // namespace

void check_standards(const DisplayList& list, const Diagnostics& pdfa_pages, Diagnostics& diags) {
  if (list.pdf_ua) check_ua(list, diags);
  diags.append(pdfa_pages);
  if (list.tagged && !list.pdf_ua && list.meta.title.empty())
    diags.warning(meta_at(list), "a tagged PDF should have a title for readers to announce: set meta.title");
}

}  // namespace galley::print
