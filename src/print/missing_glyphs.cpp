#include <algorithm>
#include <cstdio>

#include "base/utf8.h"
#include "detail/missing_glyphs.h"
#include "detail/describe.h"

namespace galley::print::detail {
namespace {

// A paragraph in a script no font covers would otherwise be one endless line.
constexpr size_t kListedChars = 10;

// "U+4E2D '中'", or "U+0065 U+0301 'é'" for a cluster of several.
std::string name_chars(const std::string& cluster) {
  std::string out;
  bool printable = true;
  for (size_t at = 0; at < cluster.size();) {
    const char32_t cp = base::next_code_point(cluster, at);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X ", static_cast<unsigned>(cp));
    out += buf;
    printable = printable && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0);
  }
  if (printable) return out + "'" + cluster + "'";
  out.pop_back();
  return out;
}

}  // namespace

void MissingGlyphs::add(const layout::GlyphRun& run, const std::string& family) {
  // Nearly every run has no .notdef: one pass over its glyphs says so
  // without walking its clusters.
  bool any = false;
  for (const auto& g : run.glyphs) any |= g.gid == 0;
  if (!any) return;
  Element* element = nullptr;
  for (const auto& c : run.clusters) {
    const uint64_t end = std::min<uint64_t>(static_cast<uint64_t>(c.glyph_begin) + c.glyph_count, run.glyphs.size());
    bool notdef = false;
    for (uint64_t g = c.glyph_begin; g < end; ++g) notdef = notdef || run.glyphs[g].gid == 0;
    if (!notdef) continue;
    if (!element) {
      const auto same = [&](const Element& e) {
        return e.loc.file == run.loc.file && e.loc.line == run.loc.line && e.loc.col == run.loc.col;
      };
      auto it = std::find_if(elements_.begin(), elements_.end(), same);
      if (it == elements_.end()) it = elements_.insert(it, Element{run.loc, describe(run), family, {}});
      element = &*it;
    }
    const std::string text(run.text_of(c));
    if (std::find(element->chars.begin(), element->chars.end(), text) == element->chars.end())
      element->chars.push_back(text);
  }
}

void MissingGlyphs::report(const std::string& page_name, Diagnostics& diags) {
  for (const Element& e : elements_) {
    std::string chars;
    const size_t listed = std::min(e.chars.size(), kListedChars);
    for (size_t i = 0; i < listed; ++i) {
      if (i > 0) chars += i + 1 == listed && listed == e.chars.size() ? " and " : ", ";
      chars += name_chars(e.chars[i]);
    }
    if (e.chars.size() > listed) chars += " and " + std::to_string(e.chars.size() - listed) + " more";
    diags.warning(e.loc, page_name + ": " + e.what + " has no glyph for " + chars + " in " + e.family +
                             " or any fallback font; it prints as a box (.notdef)");
  }
  elements_.clear();
}

}  // namespace galley::print::detail
