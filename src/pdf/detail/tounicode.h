// What text each glyph stands for, learned from the display list's clusters,
// and the /ToUnicode CMap written from it. Clusters a CMap cannot express
// (several glyphs, glyphs shared with other text) are drawn inside
// /ActualText spans instead; round_trips() tells the text writer which.
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.h"

namespace galley::pdf {

class GlyphTextMap {
 public:
  // Maps the glyph of every one-glyph cluster to the cluster's text, unless
  // the glyph already has a text (the first use in document order wins).
  void learn(const layout::GlyphRun& run);
  // True when extracting the cluster's glyphs through this map gives back
  // exactly the cluster's text. Every cluster of a document is asked, most
  // of them one glyph left to right: that case is answered here, inline.
  bool round_trips(const layout::GlyphRun& run, const layout::Cluster& cluster) const {
    if (cluster.glyph_count == 1 && !run.rtl && cluster.glyph_begin < run.glyphs.size()) {
      const uint32_t gid = run.glyphs[cluster.glyph_begin].gid;
      if (gid < by_gid_.size()) {
        const Slot& slot = by_gid_[gid];
        if (slot.size == 0 || static_cast<size_t>(cluster.text_begin) + cluster.text_size > run.text.size())
          return slot.text && *slot.text == run.text_of(cluster);
        if (slot.size != cluster.text_size) return false;
        const char* text = run.text.data() + cluster.text_begin;
        return slot.size == 1 ? slot.bytes[0] == text[0] : std::memcmp(slot.bytes, text, slot.size) == 0;
      }
    }
    return glyphs_round_trip(run, cluster);
  }
  const std::map<uint32_t, std::string>& entries() const { return text_; }

 private:
  const std::string* find(uint32_t gid) const;
  // round_trips() for any cluster.
  bool glyphs_round_trip(const layout::GlyphRun& run, const layout::Cluster& cluster) const;

  std::map<uint32_t, std::string> text_;  // gid → UTF-8
  // The entries of 16-bit gids (all a font can have) indexed by gid; map
  // nodes do not move. Every cluster of the document is looked up, most of
  // them one character: a text of up to kInlineBytes is compared here, in
  // the slot, without following the pointer to the map's node.
  static constexpr size_t kInlineBytes = 4;
  struct Slot {
    const std::string* text = nullptr;
    uint8_t size = 0;  // of `bytes`; 0 when the text is longer (or none)
    char bytes[kInlineBytes] = {};
  };
  std::vector<Slot> by_gid_;
};

// The text a reader should get from a cluster's glyphs, in the order it meets
// them. Readers (poppler, pdf.js) build a line's text in drawing order, one
// character after another however many a glyph stands for, and reverse
// right-to-left lines character by character: a lam-alef ligature mapped to
// its logical "لأ" would come out "أل". So in a right-to-left run a
// cluster's characters are given in visual order, for /ToUnicode and
// /ActualText alike.
std::string extraction_text(const layout::GlyphRun& run, std::string_view cluster_text);

// A /ToUnicode CMap program (bfrange for consecutive runs, bfchar otherwise).
std::string tounicode_cmap(const std::map<uint32_t, std::string>& gid_text);

}  // namespace galley::pdf
