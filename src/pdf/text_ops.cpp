#include "detail/text_ops.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "detail/unicode.h"

namespace galley::pdf {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";
// The most one glyph writes besides a span's operators: a text rise and an
// adjustment, each a number, and the brackets and hex digits.
constexpr size_t kGlyphRoom = 3 * kNumChars + 32;

void append_actual_text(std::string& out, const std::string& utf8) {
  out += "/Span << /ActualText ";
  out += text_string_operand(utf8);
  out += " >> BDC\n";
}

// Which /ActualText span (if any) each glyph belongs to, with its text.
// One per thread, refilled for each run: a page paints a run per line.
struct Spans {
  std::vector<int> of_glyph;        // -1: none
  std::vector<std::string> text;
  void reset(size_t glyphs) {
    of_glyph.assign(glyphs, -1);
    text.clear();
  }
};

bool word_break(std::string_view text) {
  return !text.empty() && text.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

// One span per word of a letter-spaced run. Readers (poppler's among them)
// take a gap of 0.1em between glyphs for a word break and do not subtract Tc
// reliably once kerning varies the gaps, so "GRADUATE" would extract as
// "G R A D U AT E"; a span gives each word its text whole. The spaces stay
// outside, as glyphs, so the words still come apart.
void plan_word_spans(const layout::GlyphRun& run, Spans& s) {
  s.reset(run.glyphs.size());
  std::string text;
  uint32_t lo = UINT32_MAX, hi = 0;
  const auto close_word = [&] {
    if (lo < hi) {
      const int span = static_cast<int>(s.text.size());
      s.text.push_back(text);
      for (uint32_t g = lo; g < hi; ++g) s.of_glyph[g] = span;
    }
    text.clear();
    lo = UINT32_MAX, hi = 0;
  };
  for (const auto& c : run.clusters) {
    if (word_break(run.text_of(c))) {
      close_word();
      continue;
    }
    text += extraction_text(run, run.text_of(c));
    const uint64_t end = static_cast<uint64_t>(c.glyph_begin) + c.glyph_count;
    if (c.glyph_count == 0 || end > run.glyphs.size()) continue;
    lo = std::min(lo, c.glyph_begin);
    hi = std::max(hi, static_cast<uint32_t>(end));
  }
  close_word();
}

void plan_spans(const layout::GlyphRun& run, const GlyphTextMap& map, Spans& s) {
  s.reset(run.glyphs.size());
  if (run.glyphs.empty()) return;
  int last_span = -1;
  uint32_t last_end = 0;  // glyph end of the previous cluster with glyphs
  for (const auto& c : run.clusters) {
    const uint64_t end = static_cast<uint64_t>(c.glyph_begin) + c.glyph_count;
    if (c.glyph_count == 0) {
      // Text with no glyph of its own (a joiner, a dropped control
      // character) joins the span of the cluster before it.
      if (c.text_size == 0 || last_end == 0) continue;
      if (last_span < 0) {
        const layout::Cluster* prev = nullptr;
        for (const auto& p : run.clusters)
          if (p.glyph_count && p.glyph_begin + p.glyph_count == last_end) prev = &p;
        if (!prev) continue;
        last_span = static_cast<int>(s.text.size());
        s.text.push_back(extraction_text(run, run.text_of(*prev)));
        for (uint32_t g = prev->glyph_begin; g < last_end; ++g) s.of_glyph[g] = last_span;
      }
      s.text[last_span] += extraction_text(run, run.text_of(c));
      continue;
    }
    if (end > run.glyphs.size()) continue;
    last_end = static_cast<uint32_t>(end);
    last_span = -1;
    if (map.round_trips(run, c)) continue;
    bool free = true;
    for (uint32_t g = c.glyph_begin; g < end; ++g) free = free && s.of_glyph[g] < 0;
    if (!free) continue;
    last_span = static_cast<int>(s.text.size());
    // Glyphs without text are the hyphen the line breaker inserted
    // (linebreak/detail/assemble.h). It extracts as "-": readers that rejoin lines
    // (poppler's pdftotext) then give back "patient" for "pa-/tient", where
    // no text at all would give two words.
    s.text.push_back(c.text_size == 0 ? std::string("-") : extraction_text(run, run.text_of(c)));
    for (uint32_t g = c.glyph_begin; g < end; ++g) s.of_glyph[g] = last_span;
  }
}

// Letter-spacing as a character spacing (Tc), one operand for the run rather
// than an adjustment between every two glyphs; kerning stays in TJ. The
// median extra space between neighbours is the tracking when most gaps agree
// with it. `widths` holds each glyph's /W width; `h` is the horizontal
// scale, which applies to Tc as to the glyphs.
double tracking(const layout::GlyphRun& run, const std::vector<int>& widths, double h) {
  if (widths.empty() || run.glyphs.size() < 3) return 0;
  thread_local std::vector<double> extra;
  extra.clear();
  const double tolerance = 0.01 * run.size;
  // Gaps nearer zero than this: when more than half are, so is the median,
  // and its value rounded to 1/1000 stays below the tolerance, so the answer
  // is 0 without the selection (most runs are not letter-spaced).
  const double near_zero = tolerance - 0.001;
  size_t near = 0;
  for (size_t i = 0; i + 1 < run.glyphs.size(); ++i) {
    const double gap = (run.glyphs[i + 1].x - run.glyphs[i].x) / h - widths[i] * run.size / 1000.0;
    if (!std::isfinite(gap)) continue;
    extra.push_back(gap);
    near += std::abs(gap) < near_zero ? 1 : 0;
  }
  if (extra.empty() || near * 2 > extra.size()) return 0;
  std::nth_element(extra.begin(), extra.begin() + extra.size() / 2, extra.end());
  const double t = std::round(extra[extra.size() / 2] * 1000.0) / 1000.0;
  const auto agree = std::count_if(extra.begin(), extra.end(),
                                   [&](double e) { return std::abs(e - t) < tolerance; });
  return std::abs(t) >= tolerance && agree * 2 > static_cast<long>(extra.size()) ? t : 0;
}

// Gathers a run's operators in a scratch buffer, one per thread, and hands
// them to the string at once: a run writes a few bytes per glyph, and
// std::string's appends check capacity and count (strlen) for each piece.
// need() makes room; the buffer is never cleared, so nothing is zeroed per run.
class RunOut {
 public:
  explicit RunOut(std::string& s) : s_(s), buf_(scratch()), p_(buf_.data()), end_(p_ + buf_.size()) {}
  RunOut(const RunOut&) = delete;
  RunOut& operator=(const RunOut&) = delete;

  // Room for `n` more bytes.
  void need(size_t n) {
    if (static_cast<size_t>(end_ - p_) >= n) return;
    flush();
    if (buf_.size() < n) buf_.resize(n);
    p_ = buf_.data();
    end_ = p_ + buf_.size();
  }
  // Everything written so far, into the string.
  void flush() {
    s_.append(buf_.data(), static_cast<size_t>(p_ - buf_.data()));
    p_ = buf_.data();
  }
  // Runs `f`, which appends to the string itself.
  template <class F>
  void call(F&& f) {
    flush();
    f();
  }
  template <size_t N>
  void put(const char (&lit)[N]) {
    std::memcpy(p_, lit, N - 1);
    p_ += N - 1;
  }
  void put(char c) { *p_++ = c; }
  void put(const std::string& str) {
    std::memcpy(p_, str.data(), str.size());
    p_ += str.size();
  }
  void num(double v) { p_ = write_num(p_, v); }
  void hundredths(long long v) { p_ = write_hundredths(p_, v); }
  void hex4(uint32_t v) {
    p_[0] = kHexDigits[(v >> 12) & 15];
    p_[1] = kHexDigits[(v >> 8) & 15];
    p_[2] = kHexDigits[(v >> 4) & 15];
    p_[3] = kHexDigits[v & 15];
    p_ += 4;
  }

 private:
  static std::vector<char>& scratch() {
    thread_local std::vector<char> b(16384);
    return b;
  }
  std::string& s_;
  std::vector<char>& buf_;
  char* p_;
  char* end_;
};

// std::round for |v| < 1e9, without the libm call: the fraction v minus its
// truncation is exact at this size.
long long round_half_away(double v) {
  const auto t = static_cast<long long>(v);
  const double f = v - static_cast<double>(t);
  return t + (f >= 0.5) - (f <= -0.5);
}

}  // namespace

void append_glyph_run_ops(std::string& s, const layout::GlyphRun& run, const Coords& at, const RunFont& font,
                          const std::string& color) {
  if (run.glyphs.empty() || !(run.size > 0)) return;
  static const GlyphTextMap empty;
  // Each width is read twice (tracking, then the pen): looked up once, from
  // the fonts' table where learnt, else through the `width` call.
  thread_local std::vector<int> widths;
  widths.clear();
  if (font.width) {
    const std::vector<int>* known = font.known_widths;
    for (const auto& g : run.glyphs) {
      const int w = known && g.gid < known->size() ? (*known)[g.gid] : -1;
      widths.push_back(w != -1 ? w : font.width(g.gid));
    }
  }
  // Font expansion (layout/page.h): Tz scales glyph widths, Tc and TJ
  // adjustments alike, so the pen below moves in scaled units.
  // Tz is written to 1/1000 %, and the pen follows the value written.
  const double h = std::isfinite(run.hscale) && run.hscale > 0 ? std::round(run.hscale * 1e5) / 1e5 : 1;
  const double tc = tracking(run, widths, h);
  thread_local Spans spans;
  if (tc != 0) plan_word_spans(run, spans);
  else plan_spans(run, font.text ? *font.text : empty, spans);

  RunOut out(s);
  out.need(color.size() + font.resource.size() + 4 * kNumChars + 32);
  out.put("q\n");
  out.put(color);
  out.put("BT\n/");
  out.put(font.resource);
  out.put(' ');
  out.num(run.size);
  out.put(" Tf\n1 0 0 1 ");
  out.num(at.x(run.x));
  out.put(' ');
  out.num(at.y(run.y));
  out.put(" Tm\n");
  if (h != 1) {
    out.num(h * 100);
    out.put(" Tz\n");
  }
  if (tc != 0) {
    out.num(tc);
    out.put(" Tc\n");
  }

  // A TJ array is written straight into `s`: `open` once its '[' is out,
  // `in_hex` inside one of its <...> glyph strings.
  bool open = false, in_hex = false;
  const auto close_tj = [&] {
    if (in_hex) out.put('>');
    in_hex = false;
    if (open) out.put("] TJ\n");
    open = false;
  };
  double pen = 0;   // where the PDF pen is, in points from the run origin
  double rise = 0;  // current text rise (y up)
  int span = -1;
  const double em = run.size * h;
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    const auto& g = run.glyphs[i];
    out.need(kGlyphRoom);
    if (font.open_piece && (i == 0 || spans.of_glyph[i] != span)) {
      close_tj();
      if (i > 0) out.put("EMC\n");
      span = spans.of_glyph[i];
      out.call([&] { font.open_piece(s, span >= 0 ? &spans.text[static_cast<size_t>(span)] : nullptr); });
    } else if (!font.open_piece && spans.of_glyph[i] != span) {
      close_tj();
      if (span >= 0) out.put("EMC\n");
      span = spans.of_glyph[i];
      if (span >= 0) out.call([&] { append_actual_text(s, spans.text[span]); });
    }
    const double want_rise = std::isfinite(g.y) ? -g.y : 0;
    if (std::abs(want_rise - rise) > 0.0005) {
      close_tj();
      out.num(want_rise);
      out.put(" Ts\n");
      rise = want_rise;
    }
    const double gx = std::isfinite(g.x) ? g.x : pen;
    // TJ adjustments are in 1/1000 text space units, positive moves left,
    // kept to hundredths: 1/100,000 em is below the 1/10,000 pt the PDF's
    // coordinates resolve, and coarser than the float error of a glyph's
    // position (layout/page.h), which must not write an adjustment per glyph.
    const double hundredths = (pen - gx) * 1000.0 / em * 100.0;
    long long r = 0;
    double adj = 0;
    bool moved = false;
    if (std::abs(hundredths) < 1e9) {
      // In range, the adjustment is r / 100, at least 0.01 unless r is 0:
      // the division waits until an adjustment is written.
      r = round_half_away(hundredths);
      moved = r != 0;
      if (moved) adj = static_cast<double>(r) / 100.0;
    } else {
      adj = std::round(hundredths) / 100.0;  // out of range or not a number: the general path
      moved = std::abs(adj) >= 0.01;
    }
    if (moved) {
      if (in_hex) out.put('>');
      in_hex = false;
      if (open) out.put(' ');
      else out.put("[ ");
      open = true;
      if (r != 0) out.hundredths(r);
      else out.num(adj);
      out.put(' ');
      pen -= adj * run.size * h / 1000.0;
    }
    if (!in_hex) {
      if (open) out.put('<');
      else out.put("[<");
    }
    open = in_hex = true;
    out.hex4(g.gid);
    pen += ((widths.empty() ? 0 : widths[i]) * run.size / 1000.0 + tc) * h;
  }
  out.need(16);
  close_tj();
  if (span >= 0 || font.open_piece) out.put("EMC\n");
  out.put("ET\nQ\n");
  out.flush();
}

}  // namespace galley::pdf
