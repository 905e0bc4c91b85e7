#include "detail/tounicode.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "detail/unicode.h"

namespace galley::pdf {
namespace {

// The CMap's destination strings are limited to 512 bytes (PDF 9.10.3).
constexpr size_t kMaxTextBytes = 120;
constexpr uint32_t kMaxIndexedGid = 0xFFFF;

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

std::string gid_hex(uint32_t gid) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", gid & 0xFFFF);
  return buf;
}

struct Range {
  uint32_t first = 0, last = 0;
  std::string first_text;  // UTF-16BE of `first`
};

// One UTF-16 code unit that is not a surrogate, as a number; -1 otherwise.
long single_unit(const std::string& u16) {
  if (u16.size() != 2) return -1;
  const long v = (static_cast<unsigned char>(u16[0]) << 8) | static_cast<unsigned char>(u16[1]);
  return v >= 0xD800 && v <= 0xDFFF ? -1 : v;
}

}  // namespace

std::string extraction_text(const layout::GlyphRun& run, std::string_view cluster_text) {
  std::string out(cluster_text);
  if (!run.rtl) return out;
  // Code points reversed: a UTF-8 sequence's continuation bytes follow its lead byte.
  size_t end = out.size();
  size_t at = 0;
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(cluster_text[start]) & 0xC0) == 0x80) --start;
    out.replace(at, end - start, cluster_text.substr(start, end - start));
    at += end - start;
    end = start;
  }
  return out;
}

void GlyphTextMap::learn(const layout::GlyphRun& run) {
  const size_t glyphs = run.glyphs.size();
  for (const auto& c : run.clusters) {
    if (c.glyph_count != 1 || c.text_size == 0 || c.text_size > kMaxTextBytes || c.glyph_begin >= glyphs) continue;
    const uint32_t gid = run.glyphs[c.glyph_begin].gid;
    // Most clusters are glyphs seen before: one look at the slot.
    if (gid < by_gid_.size() ? by_gid_[gid].text != nullptr : find(gid) != nullptr) continue;
    const std::string* text = &text_.emplace(gid, extraction_text(run, run.text_of(c))).first->second;
    if (gid > kMaxIndexedGid) continue;
    if (gid >= by_gid_.size()) by_gid_.resize(std::min<size_t>(kMaxIndexedGid + 1, std::max<size_t>(gid + 1, by_gid_.size() * 2)));
    Slot& slot = by_gid_[gid];
    slot.text = text;
    if (text->size() <= kInlineBytes) {
      slot.size = static_cast<uint8_t>(text->size());
      std::memcpy(slot.bytes, text->data(), text->size());
    }
  }
}

const std::string* GlyphTextMap::find(uint32_t gid) const {
  if (gid > kMaxIndexedGid) {
    const auto it = text_.find(gid);
    return it == text_.end() ? nullptr : &it->second;
  }
  return gid < by_gid_.size() ? by_gid_[gid].text : nullptr;
}

bool GlyphTextMap::glyphs_round_trip(const layout::GlyphRun& run, const layout::Cluster& c) const {
  if (c.glyph_count == 0) return c.text_size == 0;
  if (static_cast<size_t>(c.glyph_begin) + c.glyph_count > run.glyphs.size()) return false;
  // The glyphs' texts, concatenated, must be the cluster's text.
  // Every cluster of a document comes here: only right-to-left ones are copied.
  const std::string visual = run.rtl ? extraction_text(run, run.text_of(c)) : std::string();
  const std::string_view want = run.rtl ? std::string_view(visual) : run.text_of(c);
  size_t at = 0;
  for (uint32_t i = c.glyph_begin; i < c.glyph_begin + c.glyph_count; ++i) {
    const std::string* piece = find(run.glyphs[i].gid);
    if (!piece || piece->size() > want.size() - at || want.substr(at, piece->size()) != *piece)
      return false;
    at += piece->size();
  }
  return at == want.size();
}

std::string tounicode_cmap(const std::map<uint32_t, std::string>& gid_text) {
  std::vector<Range> ranges;
  for (const auto& [gid, text] : gid_text) {
    if (gid > 0xFFFF) continue;
    const std::string u16 = utf16be(text);
    if (!ranges.empty()) {
      Range& r = ranges.back();
      const long base = single_unit(r.first_text), here = single_unit(u16);
      const bool extends = gid == r.last + 1 && (gid >> 8) == (r.first >> 8) && base >= 0 &&
                           here == base + static_cast<long>(gid - r.first) &&
                           (here >> 8) == (base >> 8);
      if (extends) {
        r.last = gid;
        continue;
      }
    }
    ranges.push_back(Range{gid, gid, u16});
  }
  std::vector<const Range*> singles, spans;
  for (const Range& r : ranges) (r.first == r.last ? singles : spans).push_back(&r);

  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < singles.size(); i += 100) {
    const size_t n = std::min<size_t>(100, singles.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k)
      out += "<" + gid_hex(singles[k]->first) + "> <" + hex(singles[k]->first_text) + ">\n";
    out += "endbfchar\n";
  }
  for (size_t i = 0; i < spans.size(); i += 100) {
    const size_t n = std::min<size_t>(100, spans.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k)
      out += "<" + gid_hex(spans[k]->first) + "> <" + gid_hex(spans[k]->last) + "> <" +
             hex(spans[k]->first_text) + ">\n";
    out += "endbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace galley::pdf
