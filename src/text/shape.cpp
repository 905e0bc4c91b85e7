#include "detail/shape.h"

#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>

#include "base/figures.h"
#include "base/memo.h"
#include "base/utf8.h"
#include "detail/bidi.h"
#include "detail/code_points.h"
#include "detail/face_choice.h"
#include "detail/features.h"
#include "detail/graphemes.h"
#include "detail/scripts.h"
#include "detail/shape_cache.h"

namespace galley::text {
namespace {

struct BufferDestroyer {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

// One stretch of code points [begin, end) of one level, script, face and style.
struct Item {
  size_t begin, end;
  uint8_t level;
  UScriptCode script;
  int face;
  uint32_t style;
};

// HarfBuzz merges a cluster's glyphs one mark at a time, which is quadratic
// in the cluster's length: a base with 100,000 combining marks would never
// finish. Like Unicode's stream-safe format (UAX #15, at most 30 non-starters
// in a row), an item is cut inside any longer cluster.
constexpr size_t kMaxClusterCodePoints = 32;

// A word longer than this is shaped in pieces of this many code points, cut
// at grapheme boundaries, as browsers do: a megabyte without a space is one
// HarfBuzz buffer otherwise, and no real word comes near the length, so
// kerning and ligatures across a cut never change real text.
constexpr size_t kMaxWordCodePoints = 1024;

constexpr size_t kMaxParagraphBytes = size_t{1} << 20;

bool ends_word(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x200B || cp == 0x3000; }

std::vector<Item> split_items(const CodePoints& cps, const std::vector<uint8_t>& levels,
                              const std::vector<UScriptCode>& scripts, const std::vector<int>& faces,
                              const std::vector<uint32_t>& style_of, const std::vector<bool>& starts) {
  std::vector<Item> items;
  size_t in_cluster = 0, in_word = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    in_cluster = starts[i] ? 1 : in_cluster + 1;
    in_word = ends_word(cps.cp[i]) ? 0 : in_word + 1;
    const bool long_word = in_word > kMaxWordCodePoints && starts[i];
    const bool cut = in_cluster > kMaxClusterCodePoints || long_word;
    if (cut) in_cluster = 1;
    if (long_word) in_word = 1;
    if (!items.empty() && !cut) {
      Item& last = items.back();
      if (last.level == levels[i] && last.script == scripts[i] && last.face == faces[i] &&
          last.style == style_of[i]) {
        last.end = i + 1;
        continue;
      }
    }
    items.push_back({i, i + 1, levels[i], scripts[i], faces[i], style_of[i]});
  }
  return items;
}

// Zero-width, invisible code points that must stay in the text for the line
// breaker (soft hyphen, line separator, controls) but never draw.
bool invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x2028 || cp == 0x2029 || u_charType(static_cast<UChar32>(cp)) == U_CONTROL_CHAR;
}

// `bad` collects feature settings HarfBuzz rejected, so the paragraph warns
// once per setting rather than once per run.
// An inline image: one glyph as wide as the picture at the cap height of
// the run's own face (not a fallback's: U+FFFC is in few fonts).
void image_item(ShapedParagraph& out, const CodePoints& cps, const Item& item, const resolve::Run& run,
                const FontBook& fonts, const ImageAspect& aspect) {
  const resolve::CharStyle& style = run.style;
  int face = fonts.find(style.font, style.bold, style.italic);
  if (face < 0) face = item.face;
  const FaceInfo& info = fonts.info(face);
  ShapedRun r;
  r.face = face;
  r.size = style.size;
  r.style = run.style;
  r.bidi_level = item.level;
  r.text_begin = cps.byte[item.begin];
  r.text_end = cps.byte[item.end];
  r.ascent = info.ascender * style.size;
  r.descent = info.descender * style.size;
  const double ratio = aspect ? aspect(style.image) : 0;
  r.glyphs.push_back({0, r.text_begin, info.cap_height * style.size * (ratio > 0 ? ratio : 1), 0, 0});
  out.runs.push_back(std::move(r));
}

void shape_item(ShapedParagraph& out, const CodePoints& cps, const Item& item, const resolve::Run& run,
                const FontBook& fonts, hb_buffer_t* buf, std::vector<std::string>& bad, Diagnostics& diags) {
  const resolve::CharStyle& style = run.style;
  const FaceInfo& info = fonts.info(item.face);
  const uint32_t begin = cps.byte[item.begin], end = cps.byte[item.end];
  const bool rtl = item.level & 1;

  hb_buffer_clear_contents(buf);
  // The whole paragraph goes in as context, only the item is shaped: joining
  // and contextual forms see across run edges (an Arabic word half bold).
  hb_buffer_add_utf8(buf, out.text.data(), static_cast<int>(out.text.size()), begin,
                     static_cast<int>(end - begin));
  if (!hb_buffer_allocation_successful(buf)) {
    diags.error(out.loc, "HarfBuzz ran out of memory shaping this paragraph");
    return;
  }
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  const char* script = uscript_getShortName(item.script);
  hb_buffer_set_script(buf, script ? hb_script_from_string(script, -1) : HB_SCRIPT_COMMON);
  const std::string& lang = style.language.empty() ? out.style->language : style.language;
  hb_buffer_set_language(buf, hb_language_from_string(lang.c_str(), -1));
  // Grapheme clusters: a base and its marks always share one cluster, so
  // the line breaker and /ActualText never split a letter from its accent.
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (begin == 0) flags |= HB_BUFFER_FLAG_BOT;
  if (end == out.text.size()) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));

  const std::vector<hb_feature_t> features = make_features(style.features, style.tracking, bad);
  hb_shape(fonts.hb_font(item.face), buf, features.data(), static_cast<unsigned>(features.size()));
  if (!hb_buffer_allocation_successful(buf)) {
    diags.error(out.loc, "HarfBuzz ran out of memory shaping this paragraph");
    return;
  }

  unsigned count = 0;
  const hb_glyph_info_t* gi = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* gp = hb_buffer_get_glyph_positions(buf, &count);
  ShapedRun r;
  r.face = item.face;
  r.size = style.size;
  r.style = run.style;
  r.bidi_level = item.level;
  r.text_begin = begin;
  r.text_end = end;
  r.ascent = info.ascender * style.size;
  r.descent = info.descender * style.size;
  const double scale = style.size / info.units_per_em;
  const uint32_t space = fonts.glyph(item.face, 0x20);
  r.glyphs.resize(count);
  for (unsigned k = 0; k < count; ++k) {
    ShapedGlyph& g = r.glyphs[k];
    g.gid = gi[k].codepoint;
    g.cluster = gi[k].cluster;
    g.advance = gp[k].x_advance * scale;
    g.x_offset = gp[k].x_offset * scale;
    g.y_offset = gp[k].y_offset * scale;
    size_t at = g.cluster;
    if (invisible(base::next_code_point(out.text, at))) {
      g.gid = space;
      g.advance = g.x_offset = g.y_offset = 0;
    }
  }
  if (rtl) std::reverse(r.glyphs.begin(), r.glyphs.end());

  // Tracking goes once per cluster, on its first spacing glyph, so marks keep
  // their place over the base and invisible clusters stay invisible.
  const double tracking = style.tracking * style.size / 1000.0;
  if (tracking != 0) {
    for (size_t k = 0; k < r.glyphs.size();) {
      size_t e = k;
      while (e < r.glyphs.size() && r.glyphs[e].cluster == r.glyphs[k].cluster) ++e;
      for (size_t j = k; j < e; ++j)
        if (r.glyphs[j].advance != 0) {
          r.glyphs[j].advance += tracking;
          break;
        }
      k = e;
    }
  }
  out.runs.push_back(std::move(r));
}

// `missing` receives the number of characters drawn as .notdef.
ShapedParagraph shape_uncached(const resolve::Paragraph& para, const FontBook& fonts, Diagnostics& diags,
                               int& missing, const ImageAspect& aspect) {
  missing = 0;
  ShapedParagraph out;
  out.style = para.style;
  out.loc = para.loc;
  std::vector<uint32_t> run_end;  // byte offset where each source run ends
  run_end.reserve(para.runs.size());
  for (const resolve::Run& r : para.runs) {
    out.text += r.text;
    run_end.push_back(static_cast<uint32_t>(out.text.size()));
  }
  // Shaping, breaking and drawing a paragraph hold several times its
  // length at once (code points, glyphs, break items); no real paragraph
  // comes near this.
  if (out.text.size() > kMaxParagraphBytes) {
    diags.error(out.loc, "paragraph of " + std::to_string(out.text.size()) +
                             " bytes is longer than the 1 MiB a paragraph may have; split it");
    out.text.clear();
    return out;
  }
  const CodePoints cps = decode(out.text);
  uint8_t base = 0;
  const std::vector<uint8_t> levels = bidi_levels(cps, is_rtl_language(para.style->language), base);
  out.base_level = base;
  if (cps.size() == 0) return out;
  if (fonts.size() == 0) {
    diags.warning(out.loc, "no fonts are loaded; the paragraph is not set");
    return out;
  }

  std::vector<uint32_t> style_of(cps.size());
  uint32_t r = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    while (r + 1 < run_end.size() && cps.byte[i] >= run_end[r]) ++r;
    style_of[i] = r;
  }
  std::vector<std::vector<int>> chains;
  chains.reserve(para.runs.size());
  for (const resolve::Run& run : para.runs) {
    // An unknown family (already an error upstream) degrades to the
    // paragraph's, then to the book's first, never to a fallback script font.
    std::string family = run.style->font;
    if (fonts.find(family, false, false) < 0) family = para.style->font;
    if (fonts.find(family, false, false) < 0) family = fonts.info(0).family;
    auto chain = fonts.fallback_chain(family, run.style->bold, run.style->italic);
    chains.push_back(std::move(chain));
  }

  const std::vector<UScriptCode> scripts = resolve_scripts(cps);
  const std::vector<bool> starts = grapheme_starts(cps);
  const FaceChoice choice = choose_faces(cps, starts, style_of, chains, fonts);
  missing = static_cast<int>(std::count_if(choice.missing.begin(), choice.missing.end(), [&](uint32_t i) {
    return para.runs[style_of[i]].style->image.empty();
  }));

  thread_local std::unique_ptr<hb_buffer_t, BufferDestroyer> buf;
  if (!buf) buf.reset(hb_buffer_create());
  if (!hb_buffer_allocation_successful(buf.get())) {
    diags.error(out.loc, "HarfBuzz could not allocate a shaping buffer");
    return out;
  }
  const std::vector<Item> items = split_items(cps, levels, scripts, choice.face, style_of, starts);
  out.runs.reserve(items.size());
  std::vector<std::string> bad;
  for (const Item& item : items) {
    const resolve::Run& run = para.runs[item.style];
    if (run.style->image.empty()) shape_item(out, cps, item, run, fonts, buf.get(), bad, diags);
    else image_item(out, cps, item, run, fonts, aspect);
  }
  std::sort(bad.begin(), bad.end());
  bad.erase(std::unique(bad.begin(), bad.end()), bad.end());
  for (const std::string& b : bad) diags.warning(out.loc, "'" + b + "' is not an OpenType feature setting");
  return out;
}

}  // namespace

void prepare_shaping(hb_font_t* face, const resolve::ParaStyle& style) {
  std::unique_ptr<hb_buffer_t, BufferDestroyer> buf(hb_buffer_create());
  constexpr char kWord[] = "fit";
  hb_buffer_add_utf8(buf.get(), kWord, sizeof kWord - 1, 0, sizeof kWord - 1);
  // The properties shape_item() gives a run of Latin text in this style,
  // so that its shape plan is the one the paragraphs look up.
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), HB_SCRIPT_LATIN);
  hb_buffer_set_language(buf.get(), hb_language_from_string(style.language.c_str(), -1));
  std::vector<std::string> bad;
  const std::vector<hb_feature_t> features = make_features(style.features, style.tracking, bad);
  hb_shape(face, buf.get(), features.data(), static_cast<unsigned>(features.size()));
}

ShapedParagraph shape(const resolve::Paragraph& para, const FontBook& fonts, Diagnostics& diags,
                      const ImageAspect& aspect) {
  // The 995-page report's 1,100 distinct paragraphs take under 4 MiB and
  // are all kept at 8 (21,300 of 22,400 shapings are hits). A text whose
  // paragraphs repeat only after megabytes of others (a long Markdown file
  // named five times, 94 MB of shapes) gains nothing from a memo, which
  // empties itself when full: at 32 MiB it held 31 MB for a 3 % hit rate,
  // the same as at 8 (bench/README.md, "Issue 16 item 2: styles shared").
  // Kept on their second sighting: each batch row's or serve request's own
  // line is shaped once, and kept it grew a 10,000-row batch by the budget.
  static base::Memo<ShapeEntry> memo(size_t{8} << 20, true, size_t{256} << 10);
  const bool images = std::any_of(para.runs.begin(), para.runs.end(),
                                  [](const resolve::Run& r) { return !r.style->image.empty(); });
  std::string key = images ? std::string() : shape_key(para, fonts);
  // Set when this caller shapes (a miss, or a failure it waited for): it
  // then reports everything itself, errors included.
  std::optional<ShapedParagraph> mine;
  Diagnostics local;
  int missing = 0;
  const auto make = [&]() -> std::shared_ptr<const ShapeEntry> {
    mine = shape_uncached(para, fonts, local, missing, aspect);
    if (local.has_errors()) return nullptr;
    auto e = std::make_shared<ShapeEntry>(ShapeEntry{*mine, {}, missing});
    for (const Diagnostic& d : local.all()) e->warnings.push_back(d.message);
    return e;
  };
  const auto hit = key.empty() ? nullptr : memo.get(key, make);
  if (!mine && !hit) make();
  if (mine) {
    base::count(kMissingGlyphs, missing);
    diags.append(local);
    if (!local.has_errors()) mine->memo_key = std::move(key);
    return std::move(*mine);
  }
  base::count(kMissingGlyphs, hit->missing);
  for (const std::string& w : hit->warnings) diags.warning(para.loc, w);
  ShapedParagraph out = restyle(hit->shaped, para);
  out.memo_key = std::move(key);
  return out;
}

}  // namespace galley::text
