#include "detail/items.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>

#include "base/utf8.h"
#include "detail/hyphenate.h"
#include "detail/protrusion.h"
#include "text/text.h"

namespace galley::linebreak {
namespace {

enum class Opp { Soft, Hard, Hyphenation, Anywhere };
// Break opportunities by byte offset, ascending, one per offset.
using Opps = std::vector<std::pair<uint32_t, Opp>>;

// TeX gives Computer Modern's 1/3 em space 1/6 em of stretch. Many fonts
// (Noto Serif: 0.26 em) have narrower spaces, and half of those leaves too
// little room in a brochure column, so the stretch is never below 1/6 em.
double space_stretch(double space, double size) { return std::max(space / 2, size / 6); }

// A break inside a word without a hyphen: taken only where nothing
// better fits, short of an overfull line.
constexpr double kAnywherePenalty = 900;

bool is_space(char32_t c) { return c == U' ' || c == U'\t'; }

bool is_hard_break(char32_t c) {
  return c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool is_letter(char32_t c) {
  // ICU's answer for ASCII, without the call: a long report asks for every
  // character of every word.
  if (c < 0x80) return (c | 0x20) - U'a' < 26;
  return u_isalpha(static_cast<UChar32>(c)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c - U'0' < 10;  // ICU's answer for ASCII
  return u_isdigit(static_cast<UChar32>(c));
}

char32_t char_at(const std::string& text, uint32_t at) {
  if (at >= text.size()) return 0;
  size_t pos = at;
  return base::next_code_point(text, pos);
}

// The code point that ends just before byte `at`.
char32_t char_before(const std::string& text, uint32_t at) {
  if (at == 0 || at > text.size()) return 0;
  size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && at - start < 4) --start;
  size_t pos = start;
  const char32_t c = base::next_code_point(text, pos);
  return pos == at ? c : 0;
}

std::string icu_locale(const std::string& language) {
  std::string loc = language;
  for (char& c : loc)
    if (c == '-') c = '_';
  return loc;
}

using BreakIterator = std::unique_ptr<UBreakIterator, decltype(&ubrk_close)>;

// ICU's line break iterator for `language`, holding `text`; null if ICU
// cannot open one. Opening loads the locale's rules, which costs more than
// finding a paragraph's breaks, so each thread keeps one per language.
UBreakIterator* line_iterator(const std::string& language, const std::u16string& text) {
  thread_local std::map<std::string, BreakIterator> cache;
  auto it = cache.find(language);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    BreakIterator opened(ubrk_open(UBRK_LINE, icu_locale(language).c_str(), nullptr, 0, &status),
                         &ubrk_close);
    if (U_FAILURE(status)) opened.reset();
    it = cache.emplace(language, std::move(opened)).first;
  }
  if (!it->second) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(it->second.get(), reinterpret_cast<const UChar*>(text.data()),
               static_cast<int32_t>(text.size()), &status);
  return U_FAILURE(status) ? nullptr : it->second.get();
}

// UAX #14 break opportunities (byte offsets where a line may start), from
// ICU; after every space run if ICU cannot be opened.
// `text` in UTF-16 for ICU, and the byte offset of each UTF-16 offset: of
// its code point, or of the next one for the second unit of a surrogate
// pair (ICU does not break there).
struct Utf16Text {
  std::u16string utf16;
  std::vector<uint32_t> byte_at;  // utf16.size() + 1 entries
};

Utf16Text utf16_of(const std::string& text) {
  Utf16Text out;
  out.utf16.reserve(text.size());
  out.byte_at.reserve(text.size() + 1);
  for (size_t pos = 0; pos < text.size();) {
    const auto start = static_cast<uint32_t>(pos);
    const char32_t c = base::next_code_point(text, pos);
    base::append_utf16(out.utf16, c);
    out.byte_at.push_back(start);
    if (c >= 0x10000) out.byte_at.push_back(static_cast<uint32_t>(pos));
  }
  out.byte_at.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

Opps line_breaks(const std::string& text, const std::string& language) {
  Opps out;
  const Utf16Text u = utf16_of(text);
  const auto byte_of = [&](int32_t unit) { return u.byte_at[static_cast<size_t>(unit)]; };

  UBreakIterator* it = line_iterator(language, u.utf16);
  if (!it) {
    for (size_t i = 1; i < text.size(); ++i)
      if (text[i - 1] == ' ' && text[i] != ' ') out.emplace_back(static_cast<uint32_t>(i), Opp::Soft);
    return out;
  }
  for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it)) {
    if (p <= 0 || static_cast<size_t>(p) >= u.utf16.size()) continue;
    const bool hard = ubrk_getRuleStatus(it) >= UBRK_LINE_HARD;
    out.emplace_back(byte_of(p), hard ? Opp::Hard : Opp::Soft);
  }
  return out;
}

// Hyphenation points of the words between break opportunities. Not in words
// with digits (a figure with its unit). Words joined by U+00A0 are
// hyphenated as any: a no-break space forbids a break at the space, not
// inside the words (TeX's ~ does the same). Returns where the paragraph's
// last word begins, whose points cost more (Options::last_word_hyphen_penalty).
uint32_t add_hyphenation(const std::string& text, const std::string& language, const Options& opts,
                         Opps& opps) {
  std::vector<std::pair<uint32_t, uint32_t>> segments;
  uint32_t from = 0;
  for (const auto& [at, kind] : opps) {
    segments.emplace_back(from, at);
    from = at;
  }
  segments.emplace_back(from, static_cast<uint32_t>(text.size()));

  const auto has_letter = [&](std::pair<uint32_t, uint32_t> s) {
    for (size_t pos = s.first; pos < s.second;)
      if (is_letter(base::next_code_point(text, pos))) return true;
    return false;
  };
  while (!segments.empty() && !has_letter(segments.back())) segments.pop_back();
  const uint32_t last_word = segments.empty() ? UINT32_MAX : segments.back().first;

  std::vector<uint32_t> points;
  for (const auto& [begin, end] : segments) {
    bool figure = false;
    for (size_t pos = begin; pos < end && !figure;)
      figure = is_digit(base::next_code_point(text, pos));
    if (figure) continue;
    for (size_t pos = begin; pos < end;) {
      size_t word_end = pos;
      const uint32_t word_begin = static_cast<uint32_t>(pos);
      while (word_end < end) {
        size_t next = word_end;
        if (!is_letter(base::next_code_point(text, next))) break;
        word_end = next;
      }
      if (word_end == pos) {
        base::next_code_point(text, pos);
        continue;
      }
      const std::string_view word(text.data() + word_begin, word_end - word_begin);
      pos = word_end;
      if (!opts.hyphenate_capitalized && u_isupper(static_cast<UChar32>(char_at(text, word_begin))))
        continue;
      for (uint32_t p : hyphenation_points(language, word, opts.left_hyphen_min, opts.right_hyphen_min))
        points.push_back(word_begin + p);
    }
  }
  // Both lists ascend, and a point lies strictly inside a word, between two
  // opportunities.
  Opps merged;
  merged.reserve(opps.size() + points.size());
  size_t k = 0;
  for (const auto& opp : opps) {
    for (; k < points.size() && points[k] < opp.first; ++k)
      merged.emplace_back(points[k], Opp::Hyphenation);
    merged.push_back(opp);
  }
  for (; k < points.size(); ++k) merged.emplace_back(points[k], Opp::Hyphenation);
  opps = std::move(merged);
  return last_word;
}

// A break between every two grapheme clusters of a word, for text that
// must fit a measure narrower than its widest word (ParaStyle::break_anywhere).
void add_anywhere(const std::string& text, Opps& opps) {
  const text::CodePoints cps = text::decode(text);
  const std::vector<bool> starts = text::grapheme_starts(cps);
  Opps merged;
  merged.reserve(opps.size() + cps.size());
  size_t k = 0;
  for (size_t i = 1; i < cps.size(); ++i) {
    if (!starts[i] || is_space(cps.cp[i]) || is_space(cps.cp[i - 1]) || is_hard_break(cps.cp[i - 1])) continue;
    const uint32_t at = cps.byte[i];
    for (; k < opps.size() && opps[k].first < at; ++k) merged.push_back(opps[k]);
    if (k < opps.size() && opps[k].first == at) continue;
    merged.emplace_back(at, Opp::Anywhere);
  }
  for (; k < opps.size(); ++k) merged.push_back(opps[k]);
  opps = std::move(merged);
}

class Builder {
 public:
  Builder(const text::ShapedParagraph& para, const HyphenGlyphs& hyphen, const Options& opts,
          uint32_t last_word)
      : para_(para), hyphen_(hyphen), opts_(opts), last_word_(last_word) {
    ragged_ = para.style->align != model::Align::Justify;
    // The margins of a right-to-left paragraph are the other way round, and
    // the texts that need it hang other characters: not attempted.
    protrude_ = !ragged_ && para.style->protrusion && (para.base_level & 1) == 0;
  }

  Itemized build(const Opps& opps) {
    next_ = opps.begin();
    end_ = opps.end();
    for (size_t r = 0; r < para_.runs.size(); ++r) {
      const auto& run = para_.runs[r];
      for (size_t g = 0; g < run.glyphs.size(); ++g) {
        const uint32_t cluster = run.glyphs[g].cluster;
        if (g == 0 || cluster != run.glyphs[g - 1].cluster) opportunities_up_to(cluster);
        glyph(static_cast<int>(r), static_cast<uint32_t>(g));
      }
    }
    opportunities_up_to(static_cast<uint32_t>(para_.text.size()));
    finish();
    out_.ragged = ragged_;
    const double e = para_.style->expansion;
    out_.expansion = !ragged_ && std::isfinite(e) ? std::clamp(e, 0.0, 0.05) : 0;
    return std::move(out_);
  }

 private:
  void push(Item it, ItemSource src = {}) {
    out_.items.push_back(it);
    out_.sources.push_back(src);
  }

  // Opportunities at `cluster` become items before its glyph; those strictly
  // inside the previous cluster (a ligature) cannot be taken.
  void opportunities_up_to(uint32_t cluster) {
    while (next_ != end_ && next_->first <= cluster) {
      if (next_->first == cluster) opportunity(next_->first, next_->second);
      ++next_;
    }
  }

  void opportunity(uint32_t at, Opp kind) {
    const char32_t before = char_before(para_.text, at);
    if (kind == Opp::Hard) {
      drop_trailing_glue();
      Item fil{Item::Glue};
      fil.fil = true;
      fil.breakable = false;
      push(fil);
      Item forced{Item::Penalty};
      forced.penalty = -kInfPenalty;
      push(forced);
      space_start_ = -1;
      return;
    }
    if (is_space(before)) {
      if (space_start_ >= 0) out_.items[static_cast<size_t>(space_start_)].breakable = true;
      return;
    }
    if (out_.items.empty() || out_.items.back().kind != Item::Box) return;
    Item pen{Item::Penalty};
    ItemSource src;
    const bool soft_hyphen = before == 0xAD;
    if (kind == Opp::Hyphenation || soft_hyphen) {
      const ItemSource& box = out_.sources.back();
      const auto& run = para_.runs[static_cast<size_t>(box.run)];
      const HyphenGlyph h = hyphen_glyph(run.face);
      if (h.gid == 0 && !soft_hyphen) return;
      pen.penalty = kind == Opp::Hyphenation && at > last_word_ ? opts_.last_word_hyphen_penalty
                                                                 : opts_.hyphen_penalty;
      pen.flagged = true;
      pen.hyphenation = kind == Opp::Hyphenation;
      if (h.gid != 0) {
        pen.width = h.advance * run.size;
        if (protrudes(run)) pen.hang_end = static_cast<float>(protrusion(0x2010).end * pen.width);
        src.hyphen_gid = h.gid;
        src.hyphen_face = run.face;
        src.hyphen_size = run.size;
      }
    } else if (kind == Opp::Anywhere) {
      pen.penalty = kAnywherePenalty;
    } else if (before == U'-' || before == 0x2010) {
      pen.penalty = opts_.hyphen_penalty;  // TeX's \exhyphenpenalty
      pen.flagged = true;
    }
    push(pen, src);
  }

  void glyph(int r, uint32_t g) {
    const auto& run = para_.runs[static_cast<size_t>(r)];
    const auto& sg = run.glyphs[g];
    const char32_t c = char_at(para_.text, sg.cluster);
    if (is_hard_break(c)) return;
    if (c == 0xA0) {
      // A no-break space: stretches like a space but never breaks (TeX's ~).
      Item tie{Item::Glue};
      tie.width = sg.advance;
      if (!ragged_) {
        tie.stretch = space_stretch(sg.advance, run.size);
        tie.shrink = sg.advance / 3;
      }
      tie.breakable = false;
      space_start_ = -1;
      push(tie, {r, g, g + 1});
      return;
    }
    if (is_space(c)) {
      Item glue{Item::Glue};
      glue.width = sg.advance;
      if (!ragged_) {
        glue.stretch = space_stretch(sg.advance, run.size);
        glue.shrink = sg.advance / 3;
      }
      glue.breakable = false;
      if (out_.items.empty() || out_.items.back().kind != Item::Glue)
        space_start_ = static_cast<int>(out_.items.size());
      push(glue, {r, g, g + 1});
      return;
    }
    space_start_ = -1;
    const Hang hang = protrudes(run) ? protrusion(c) : Hang{};
    const auto hang_end = static_cast<float>(hang.end * sg.advance);
    if (!out_.items.empty() && out_.items.back().kind == Item::Box &&
        out_.sources.back().run == r && out_.sources.back().glyph_end == g) {
      out_.items.back().width += sg.advance;
      // A cluster's later glyphs (marks) end it where its first did.
      const bool same_cluster = g > 0 && run.glyphs[g - 1].cluster == sg.cluster;
      if (!same_cluster) out_.items.back().hang_end = hang_end;
      out_.sources.back().glyph_end = g + 1;
      return;
    }
    Item box{Item::Box};
    box.width = sg.advance;
    box.hang_start = static_cast<float>(hang.start * sg.advance);
    box.hang_end = hang_end;
    push(box, {r, g, g + 1});
  }

  bool protrudes(const text::ShapedRun& run) const { return protrude_ && (run.bidi_level & 1) == 0; }

  // The face's hyphen, asked for once a run of points in one face rather
  // than at each (two glyph lookups through a std::function).
  HyphenGlyph hyphen_glyph(int face) {
    if (!hyphen_) return {};
    if (!hyphen_known_ || face != hyphen_face_) {
      hyphen_face_ = face;
      hyphen_last_ = hyphen_(face);
      hyphen_known_ = true;
    }
    return hyphen_last_;
  }

  // Spaces before a line end would only push a ragged line off its edge.
  void drop_trailing_glue() {
    while (!out_.items.empty() && out_.items.back().kind == Item::Glue && !out_.items.back().fil) {
      out_.items.pop_back();
      out_.sources.pop_back();
    }
  }

  void finish() {
    drop_trailing_glue();
    for (const Item& it : out_.items) out_.words += it.kind == Item::Glue && it.breakable;
    ++out_.words;
    if (!out_.items.empty() && out_.items.back().kind == Item::Penalty &&
        out_.items.back().penalty <= -kInfPenalty)
      return;  // ends with a hard break: that break ends the paragraph
    while (!out_.items.empty() && out_.items.back().kind == Item::Penalty) {
      out_.items.pop_back();
      out_.sources.pop_back();
    }
    Item no_break{Item::Penalty};
    no_break.penalty = kInfPenalty;
    push(no_break);
    Item fil{Item::Glue};
    fil.fil = true;
    fil.breakable = false;
    push(fil);
    Item forced{Item::Penalty};
    forced.penalty = -kInfPenalty;
    push(forced);
  }

  const text::ShapedParagraph& para_;
  const HyphenGlyphs& hyphen_;
  const Options& opts_;
  uint32_t last_word_;
  bool ragged_ = false, protrude_ = false;
  Itemized out_;
  int space_start_ = -1;
  Opps::const_iterator next_, end_;
  bool hyphen_known_ = false;
  int hyphen_face_ = 0;
  HyphenGlyph hyphen_last_;
};

}  // namespace

double ragged_stretch(const text::ShapedParagraph& para) { return 2 * para.style->size; }

Itemized itemize(const text::ShapedParagraph& para, const HyphenGlyphs& hyphen, const Options& opts) {
  Opps opps = line_breaks(para.text, para.style->language);
  uint32_t last_word = UINT32_MAX;
  if (para.style->hyphenate && has_hyphenation(para.style->language))
    last_word = add_hyphenation(para.text, para.style->language, opts, opps);
  if (para.style->break_anywhere) add_anywhere(para.text, opps);
  return Builder(para, hyphen, opts, last_word).build(opps);
}

}  // namespace galley::linebreak
