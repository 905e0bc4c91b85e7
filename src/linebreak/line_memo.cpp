#include "detail/line_memo.h"

#include "base/memo.h"

namespace galley::linebreak {
// A new option must join lines_key(): this fails to compile until it does
// (eight doubles, three ints, two bools, a size_t on a 64-bit target).
static_assert(sizeof(Options) == 88, "an Options field is missing from lines_key()");

size_t LinesEntry::bytes() const {
  size_t n = sizeof *this + lines.capacity() * sizeof(Line);
  for (const Line& l : lines) {
    n += l.runs.capacity() * sizeof(LineRun);
    for (const LineRun& r : l.runs)
      n += r.glyphs.capacity() * sizeof(text::Glyph) + r.clusters.bytes() + r.text.capacity();
  }
  for (const std::string& w : warnings) n += w.size();
  return n;
}

std::string lines_key(const text::ShapedParagraph& para, double width, const Options& opts) {
  if (para.memo_key.empty()) return {};
  std::string key = base::memo_key("lines", para.memo_key, width, opts.tolerance, opts.pretolerance,
                                   opts.line_penalty, opts.hyphen_penalty, opts.last_word_hyphen_penalty,
                                   opts.double_hyphen_demerits, opts.final_hyphen_demerits, opts.adj_demerits,
                                   opts.left_hyphen_min, opts.right_hyphen_min, opts.max_hyphen_run,
                                   opts.hyphenate_capitalized, opts.greedy, opts.greedy_above_words);
  const resolve::ParaStyle& s = para.style;
#define GALLEY_STYLE_KEY_PART(name, member, type, fallback, read) base::add_key_part(key, s.member);
  GALLEY_PLAIN_STYLE_KEYS(GALLEY_STYLE_KEY_PART)
#undef GALLEY_STYLE_KEY_PART
  base::add_key_part(key, static_cast<int>(s.align));
  base::add_key_part(key, s.emergency_stretch.value);
  base::add_key_part(key, s.emergency_stretch.percent);
  base::add_key_part(key, s.expansion);
  base::add_key_part(key, s.break_anywhere);
  return key;
}

std::vector<Line> restyle_lines(const std::vector<Line>& cached, const text::ShapedParagraph& para) {
  std::vector<Line> out = cached;
  for (Line& l : out)
    for (LineRun& r : l.runs) r.style = para.runs[static_cast<size_t>(r.shaped_run)].style;
  return out;
}

}  // namespace galley::linebreak
