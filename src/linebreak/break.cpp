#include "detail/break.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "detail/assemble.h"
#include "detail/items.h"
#include "detail/knuth_plass.h"
#include "detail/line_memo.h"
#include "base/memo.h"

namespace galley::linebreak {
namespace {

// TeX's three passes: without hyphenation at \pretolerance, with it at
// \tolerance, then a final pass with the style's emergency stretch added to
// every line, which always succeeds: lines beyond the tolerance are priced
// by their real badness, and a word too long for the measure is overfull.
// Font expansion counts as stretch and shrink in every pass, as in pdfTeX.
Breakpoints total_fit(const text::ShapedParagraph& para, const Itemized& it,
                      const std::function<double(int)>& avail, const Options& opts, double background) {
  Params p;
  p.line_penalty = opts.line_penalty;
  p.double_hyphen_demerits = opts.double_hyphen_demerits;
  p.final_hyphen_demerits = opts.final_hyphen_demerits;
  p.adj_demerits = opts.adj_demerits;
  p.max_hyphen_run = opts.max_hyphen_run;
  p.background_stretch = background;
  p.expansion = it.expansion;
  if (opts.pretolerance >= 0) {
    p.threshold = opts.pretolerance;
    p.hyphenation = false;
    Breakpoints b = knuth_plass(it.items, avail, p);
    if (!b.at.empty()) return b;
  }
  p.threshold = opts.tolerance;
  p.hyphenation = true;
  Breakpoints b = knuth_plass(it.items, avail, p);
  if (!b.at.empty()) return b;
  if (!it.ragged) {
    const double es = para.style->emergency_stretch.resolve(para.style->size);
    if (std::isfinite(es) && es > 0) p.background_stretch += es;
  }
  p.final_pass = true;
  b = knuth_plass(it.items, avail, p);
  // The final pass cannot fail on items that end in a forced break; greedy
  // is the belt to those braces, so a paragraph never comes back empty.
  return b.at.empty() ? greedy(it.items, avail, background) : b;
}

// The start of a line's text, to find it in the source.
std::string excerpt(const Line& line) {
  std::string s;
  for (const LineRun& r : line.runs)
    for (const auto& c : r.clusters) {
      if (s.size() > 40) break;  // an overfull line may be a megabyte long
      s += r.text_of(c);
    }
  if (s.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

}  // namespace

HyphenGlyphs hyphen_glyphs(const text::FontBook& fonts) {
  return [&fonts](int face) {
    HyphenGlyph h;
    if (face < 0 || face >= fonts.size()) return h;
    h.gid = fonts.glyph(face, 0x2010);
    if (h.gid == 0) h.gid = fonts.glyph(face, U'-');
    if (h.gid != 0) h.advance = fonts.advance(face, h.gid);
    return h;
  };
}

std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const text::FontBook& fonts,
                                  const std::function<double(int)>& width, const Options& opts,
                                  Diagnostics& diags) {
  return break_paragraph(para, hyphen_glyphs(fonts), width, opts, diags);
}

std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const text::FontBook& fonts, double width,
                                  const Options& opts, Diagnostics& diags) {
  const auto measure = [width](int) { return width; };
  const std::string key = lines_key(para, width, opts);
  if (key.empty()) return break_paragraph(para, fonts, measure, opts, diags);
  // Lines of a column-wide paragraph come to a few kilobytes: the 995-page
  // report's 1,089 distinct paragraph settings to 2.1 MB. A text of
  // paragraphs set only twice each (measured, then drawn) fills the budget
  // and empties it; 4 MiB bounds what that costs.
  static base::Memo<LinesEntry> memo(size_t{4} << 20, true, size_t{128} << 10);
  // Set when this caller breaks (a miss): it reports its own warnings.
  std::optional<std::vector<Line>> mine;
  Diagnostics local;
  const auto make = [&]() -> std::shared_ptr<const LinesEntry> {
    mine = break_paragraph(para, fonts, measure, opts, local);
    if (local.has_errors()) return nullptr;
    auto e = std::make_shared<LinesEntry>(LinesEntry{*mine, {}});
    for (const Diagnostic& d : local.all()) e->warnings.push_back(d.message);
    return e;
  };
  const auto hit = memo.get(key, make);
  if (!mine && !hit) make();
  if (mine) {
    diags.append(local);
    return std::move(*mine);
  }
  for (const std::string& w : hit->warnings) diags.warning(para.loc, w);
  return restyle_lines(hit->lines, para);
}

std::vector<Line> break_paragraph(const text::ShapedParagraph& para, const HyphenGlyphs& hyphen,
                                  const std::function<double(int)>& width, const Options& opts,
                                  Diagnostics& diags) {
  const Itemized it = itemize(para, hyphen, opts);
  const auto measure = [&](int line) {
    const double w = width(line);
    return std::isfinite(w) ? std::max(0.0, w) : 0.0;
  };
  const auto avail = [&](int line) {
    const Margins m = margins(para, line);
    return std::max(0.0, measure(line) - m.left - m.right);
  };
  const double background = it.ragged ? ragged_stretch(para) : 0;
  const Breakpoints b = opts.greedy || it.words > opts.greedy_above_words
                            ? greedy(it.items, avail, background)
                            : total_fit(para, it, avail, opts, background);
  std::vector<Line> lines = assemble(para, it, b.at, measure);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (!l.overfull) continue;
    char amount[32];
    std::snprintf(amount, sizeof amount, "%.1f", l.overfull_by);
    diags.warning(para.loc, "overfull line by " + std::string(amount) + "pt: \"" + excerpt(l) + "\"");
  }
  return lines;
}

}  // namespace galley::linebreak
